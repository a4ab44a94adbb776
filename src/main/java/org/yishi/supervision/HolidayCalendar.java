package org.yishi.supervision;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.audit.Audit;
import org.yishi.platform.InputBounds;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Text;
import org.yishi.platform.Violation;
import org.yishi.supervision.warnings.WarningSweep;

/**
 * The working-day calendar the supervision office keeps: public holidays on weekdays and make-up working days on
 * weekends (调休), as exceptions to the Monday-to-Friday week; everything else is ordinary. Only the office
 * (supervision:manage) changes it, and every change is audited.
 *
 * <p>A change applies at once to the working days each open item and report obligation was given: a holiday declared
 * inside an item's time takes a day from it, a make-up working day adds one; the next sweep colours them anew.
 * Changes and sweeps take the same PostgreSQL lock, one at a time across all nodes.
 */
@Service
@Transactional
public class HolidayCalendar {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    static final int MAX_NOTE = 100;
    /** The longest range of days one entry may name, e.g. 2026-10-01~2026-10-08. */
    static final int MAX_RANGE_DAYS = 31;

    private final JdbcClient jdbc;
    private final Audit audit;

    HolidayCalendar(JdbcClient jdbc, Audit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The calendar as recorded now. */
    @Transactional(readOnly = true)
    public WorkingCalendar calendar() {
        return new WorkingCalendar(exceptions());
    }

    private Map<LocalDate, Boolean> exceptions() {
        Map<LocalDate, Boolean> days = new java.util.HashMap<>();
        jdbc.sql("select day, working from calendar_day").query((rs, n) -> {
            days.put(rs.getObject("day", LocalDate.class), rs.getBoolean("working"));
            return null;
        }).list();
        return days;
    }

    private static void inRange(LocalDate day) {
        if (!InputBounds.inRange(day)) {
            throw new InvalidInput(Violation.of("date", "input.date-range", "date", InputBounds.FIRST_YEAR, InputBounds.LAST_YEAR));
        }
    }

    /** The exceptions recorded for a year, in date order. */
    @Transactional(readOnly = true)
    public List<CalendarDay> year(int year) {
        if (!InputBounds.inRange(year)) {
            throw new InvalidInput(Violation.of("year", "input.year-range", InputBounds.FIRST_YEAR, InputBounds.LAST_YEAR));
        }
        return jdbc.sql("""
                select day, working, true as exception, note from calendar_day
                where day >= make_date(:y, 1, 1) and day < make_date(:y + 1, 1, 1) order by day""")
                .param("y", year).query(CalendarDay.class).list();
    }

    /** One day: recorded as an exception, or ordinary. */
    @Transactional(readOnly = true)
    public CalendarDay day(LocalDate day) {
        inRange(day);
        return jdbc.sql("select day, working, true as exception, note from calendar_day where day = :d").param("d", day)
                .query(CalendarDay.class).optional()
                .orElseGet(() -> new CalendarDay(day, WorkingCalendar.ordinaryWeek().working(day), false, null));
    }

    /** Records one day as a holiday ({@code working} false) or a working day (true), with an optional note. */
    public CalendarDay set(Viewer viewer, LocalDate day, Boolean working, String note) {
        inRange(day);
        viewer.require(Permission.SUPERVISION_MANAGE);
        var problems = new InvalidInput.Collector();
        if (working == null) {
            problems.add("working", "calendar.working-required");
        }
        checkYear(problems, "day", day);
        checkNote(problems, note);
        problems.throwIfAny();
        CalendarDay before = day(day);
        apply(Map.of(day, working), Text.orNull(note));
        CalendarDay after = day(day);
        audit.record("calendar.set", "calendar_day", day.toString(), before.exception() ? before : null, after);
        return after;
    }

    /** Makes the day ordinary again (a weekday works, a weekend does not). */
    public void remove(Viewer viewer, LocalDate day) {
        inRange(day);
        viewer.require(Permission.SUPERVISION_MANAGE);
        CalendarDay before = day(day);
        if (!before.exception()) {
            throw new NotFound("kind.calendar-day", day);
        }
        Map<LocalDate, Boolean> change = new java.util.HashMap<>();
        change.put(day, null);
        apply(change, null);
        audit.record("calendar.remove", "calendar_day", day.toString(), before, null);
    }

    /**
     * Enters many days at once, as the State Council publishes them for a year: the holidays and the make-up working
     * days, each a date ({@code 2026-10-01}) or a range ({@code 2026-10-01~2026-10-08}), separated by spaces, commas
     * or new lines; a date without its year ({@code 10-01}) is in {@code year}. All or nothing: any entry that cannot
     * be read, or a day named both ways, refuses the whole entry and names each problem.
     */
    public List<CalendarDay> enter(Viewer viewer, Integer year, String holidays, String workdays, String note) {
        viewer.require(Permission.SUPERVISION_MANAGE);
        var problems = new InvalidInput.Collector();
        if (year != null && !InputBounds.inRange(year)) {
            problems.add("year", "input.year-range", InputBounds.FIRST_YEAR, InputBounds.LAST_YEAR).throwIfAny();
        }
        List<LocalDate> off = parse(problems, "holidays", holidays, year);
        List<LocalDate> on = parse(problems, "workdays", workdays, year);
        if (problems.isEmpty() && off.isEmpty() && on.isEmpty()) {
            problems.add("holidays", "calendar.nothing-entered");
        }
        for (LocalDate d : on) {
            if (off.contains(d)) {
                problems.add("workdays", "calendar.both", d);
            }
        }
        checkNote(problems, note);
        problems.throwIfAny();
        Map<LocalDate, Boolean> changes = new TreeMap<>();
        off.forEach(d -> changes.put(d, false));
        on.forEach(d -> changes.put(d, true));
        apply(changes, Text.orNull(note));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("holidays", off.stream().map(LocalDate::toString).toList());
        after.put("workdays", on.stream().map(LocalDate::toString).toList());
        if (!Text.blank(note)) {
            after.put("note", note.strip());
        }
        audit.record("calendar.enter", "calendar_day", changes.keySet().iterator().next().toString(), null, after);
        return changes.keySet().stream().map(this::day).toList();
    }

    /** The days named in one field of the batch form, in order, each once. */
    static List<LocalDate> parse(InvalidInput.Collector problems, String field, String text, Integer year) {
        List<LocalDate> days = new ArrayList<>();
        if (Text.blank(text)) {
            return days;
        }
        for (String token : text.strip().split("[\\s,，、;；]+")) {
            if (token.isEmpty()) {
                continue;
            }
            String[] ends = token.split("~|～|\\.\\.|至", -1);
            try {
                if (ends.length > 2) {
                    throw new DateTimeException(token);
                }
                LocalDate first = date(ends[0], year);
                LocalDate last = ends.length == 2 ? date(ends[1], year) : first;
                if (last.isBefore(first) || first.plusDays(MAX_RANGE_DAYS - 1).isBefore(last)) {
                    problems.add(field, "calendar.bad-range", token, MAX_RANGE_DAYS);
                    continue;
                }
                if (first.getYear() < FIRST_YEAR || last.getYear() > LAST_YEAR) {
                    problems.add(field, "calendar.year", FIRST_YEAR, LAST_YEAR);
                    continue;
                }
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    if (!days.contains(d)) {
                        days.add(d);
                    }
                }
            } catch (DateTimeException e) {
                problems.add(field, year == null ? "calendar.bad-date" : "calendar.bad-date-in-year", token);
            }
        }
        return days;
    }

    private static LocalDate date(String text, Integer year) {
        String t = text.strip();
        if (t.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
            String[] p = t.split("-");
            return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        }
        if (year != null && t.matches("\\d{1,2}-\\d{1,2}")) {
            String[] p = t.split("-");
            return LocalDate.of(year, Integer.parseInt(p[0]), Integer.parseInt(p[1]));
        }
        throw new DateTimeParseException("not a date", t, 0);
    }

    private static void checkYear(InvalidInput.Collector problems, String field, LocalDate day) {
        if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
            problems.add(field, "calendar.year", FIRST_YEAR, LAST_YEAR);
        }
    }

    private static void checkNote(InvalidInput.Collector problems, String note) {
        if (note != null && note.strip().length() > MAX_NOTE) {
            problems.add("note", "calendar.note-too-long", MAX_NOTE);
        }
    }


    /**
     * Records the changes (null: back to ordinary) and moves the working days given to open items and obligations by
     * what each changed day adds or takes away inside their time.
     */
    private void apply(Map<LocalDate, Boolean> changes, String note) {
        WarningSweep.lock(jdbc);
        WorkingCalendar before = new WorkingCalendar(exceptions());
        WorkingCalendar after = before;
        for (Map.Entry<LocalDate, Boolean> c : changes.entrySet()) {
            if (c.getValue() == null) {
                jdbc.sql("delete from calendar_day where day = :d").param("d", c.getKey()).update();
            } else {
                jdbc.sql("""
                        insert into calendar_day (day, working, note) values (:d, :w, :n)
                        on conflict (day) do update set working = excluded.working, note = excluded.note""")
                        .param("d", c.getKey()).param("w", c.getValue()).param("n", note).update();
            }
            after = after.with(c.getKey(), c.getValue());
        }
        List<LocalDate> days = new ArrayList<>();
        List<Integer> shifts = new ArrayList<>();
        for (LocalDate d : changes.keySet()) {
            if (before.working(d) != after.working(d)) {
                days.add(d);
                shifts.add(after.working(d) ? 1 : -1);
            }
        }
        if (days.isEmpty()) {
            return;
        }
        String d = SqlArrays.of(days);
        String n = SqlArrays.of(shifts);
        jdbc.sql("""
                update supervision_item i set working_days_total = greatest(0, i.working_days_total + s.shift)
                from (select i2.id, sum(c.shift) as shift
                      from supervision_item i2
                      join unnest(cast(:d as date[]), cast(:n as int[])) c(day, shift)
                        on c.day > i2.start_on and c.day <= i2.deadline
                      where i2.state <> 'CLOSED' and i2.working_days_total is not null
                      group by i2.id) s
                where i.id = s.id""").param("d", d).param("n", n).update();
        jdbc.sql("""
                update report_obligation o set working_days_total = greatest(0, o.working_days_total + s.shift)
                from (select o2.id, sum(c.shift) as shift
                      from report_obligation o2
                      join unnest(cast(:d as date[]), cast(:n as int[])) c(day, shift)
                        on c.day > o2.starts_on and c.day <= o2.due_on
                      where o2.reported_at is null and o2.working_days_total is not null
                      group by o2.id) s
                where o.id = s.id""").param("d", d).param("n", n).update();
    }
}
