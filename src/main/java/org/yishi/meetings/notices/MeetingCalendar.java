package org.yishi.meetings.notices;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Viewer;
import org.yishi.meetings.MeetingSummary;
import org.yishi.meetings.Meetings;

/**
 * The meetings a viewer may see, day by day, for a month (whole weeks, Monday first) or a week, optionally of one
 * body. Which meetings a viewer sees is {@link Meetings#visibleTo}'s rule, asked for each meeting shown.
 */
@Service
@Transactional(readOnly = true)
class MeetingCalendar {

    /** How much the calendar shows at once. */
    public enum View {
        MONTH, WEEK
    }

    /** A day of the calendar with its meetings; {@code inPeriod} is false for the neighbouring months' days. */
    public record Day(LocalDate date, boolean inPeriod, List<MeetingSummary> meetings) {
    }

    private final JdbcClient jdbc;
    private final Meetings meetings;

    MeetingCalendar(JdbcClient jdbc, Meetings meetings) {
        this.jdbc = jdbc;
        this.meetings = meetings;
    }

    /** The first day the view shows around {@code date}. */
    static LocalDate start(View view, LocalDate date) {
        LocalDate from = view == View.MONTH ? date.withDayOfMonth(1) : date;
        return from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The last day the view shows around {@code date}. */
    static LocalDate end(View view, LocalDate date) {
        LocalDate to = view == View.MONTH ? date.with(TemporalAdjusters.lastDayOfMonth()) : date;
        return to.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    }

    public List<Day> days(Viewer viewer, View view, LocalDate date, Long bodyId) {
        LocalDate from = start(view, date);
        LocalDate to = end(view, date);
        Map<LocalDate, List<MeetingSummary>> byDay = jdbc.sql("""
                select m.id, m.held_on as date, m.time_of_day, m.body_id, t.number as term_number, m.sequence, m.kind,
                       m.state, (select count(*) from agenda_item i where i.meeting_id = m.id) as item_count,
                       f.title_zh as first_item_zh, f.title_en as first_item_en
                from meeting m join term t on t.id = m.term_id
                left join lateral (select title_zh, title_en from agenda_item i where i.meeting_id = m.id
                                   order by position limit 1) f on true
                where m.held_on between :from and :to and (cast(:body as bigint) is null or m.body_id = :body)
                order by m.held_on, case m.time_of_day when 'MORNING' then 1 when 'AFTERNOON' then 2
                         when 'EVENING' then 3 else 0 end, m.id""")
                .param("from", from).param("to", to).param("body", bodyId).query(MeetingSummary.class).list().stream()
                .filter(s -> meetings.visibleTo(viewer, s.id()))
                .collect(Collectors.groupingBy(MeetingSummary::date));
        List<Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            boolean in = view == View.WEEK || d.getMonth() == date.getMonth();
            days.add(new Day(d, in, byDay.getOrDefault(d, List.of())));
        }
        return days;
    }
}
