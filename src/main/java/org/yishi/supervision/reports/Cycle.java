package org.yishi.supervision.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.yishi.supervision.Recurrence;
import org.yishi.supervision.WorkingCalendar;

/**
 * One cycle of a regular (常态化) item: its report is due on {@code dueOn}, and its time runs from the day after
 * {@code startsOn} (the previous cycle's due date). Each cycle has a stable number, {@code key}: 202611 for November
 * 2026 (monthly), 20264 for the fourth quarter of 2026 (quarterly), 20261110 for the 10th of November 2026 (fixed
 * days), so that every node creates the same obligation for it once.
 *
 * <p>Due dates: a month's or a quarter's last working day; a fixed day of the month, or the next working day when it
 * falls on a weekend or holiday.
 */
public record Cycle(int key, LocalDate startsOn, LocalDate dueOn) {

    /** The cycle as people name it: 2026-11, 2026-Q4, 2026-11-10. */
    public String period() {
        return period(key);
    }

    public static String period(int key) {
        if (key >= 10_000_000) {
            return String.format("%d-%02d-%02d", key / 10_000, key / 100 % 100, key % 100);
        }
        if (key >= 100_000) {
            return String.format("%d-%02d", key / 100, key % 100);
        }
        return (key / 10) + "-Q" + (key % 10);
    }

    /**
     * The current cycle (the first whose report is due today or later) and the next, for an item recurring so;
     * empty for an item that does not recur (or names no fixed days).
     */
    public static List<Cycle> currentAndNext(Recurrence recurrence, List<Integer> fixedDays, LocalDate today,
            WorkingCalendar calendar) {
        return switch (recurrence) {
            case NONE -> List.of();
            case MONTHLY -> {
                YearMonth m = YearMonth.from(today);
                if (calendar.lastWorkingDay(m).isBefore(today)) {
                    m = m.plusMonths(1);
                }
                yield List.of(month(m, calendar), month(m.plusMonths(1), calendar));
            }
            case QUARTERLY -> {
                YearMonth end = quarterEnd(YearMonth.from(today));
                if (calendar.lastWorkingDay(end).isBefore(today)) {
                    end = end.plusMonths(3);
                }
                yield List.of(quarter(end, calendar), quarter(end.plusMonths(3), calendar));
            }
            case FIXED_DAYS -> fixedDays(fixedDays, today, calendar);
        };
    }

    /**
     * Every cycle of an item recurring so whose report is due from {@code from} to {@code to}, in order: the cycles
     * the sweep would have created one after another over those days (the benchmark data are made of them).
     */
    public static List<Cycle> dueBetween(Recurrence recurrence, List<Integer> fixedDays, LocalDate from, LocalDate to,
            WorkingCalendar calendar) {
        List<Cycle> cycles = new ArrayList<>();
        for (LocalDate day = from; ; ) {
            List<Cycle> ahead = currentAndNext(recurrence, fixedDays, day, calendar);
            if (ahead.isEmpty() || ahead.getFirst().dueOn().isAfter(to)) {
                return cycles;
            }
            cycles.add(ahead.getFirst());
            day = ahead.getFirst().dueOn().plusDays(1);
        }
    }

    private static Cycle month(YearMonth m, WorkingCalendar calendar) {
        return new Cycle(m.getYear() * 100 + m.getMonthValue(), calendar.lastWorkingDay(m.minusMonths(1)),
                calendar.lastWorkingDay(m));
    }

    private static YearMonth quarterEnd(YearMonth m) {
        return YearMonth.of(m.getYear(), (m.getMonthValue() + 2) / 3 * 3);
    }

    private static Cycle quarter(YearMonth end, WorkingCalendar calendar) {
        return new Cycle(end.getYear() * 10 + end.getMonthValue() / 3, calendar.lastWorkingDay(end.minusMonths(3)),
                calendar.lastWorkingDay(end));
    }

    private static List<Cycle> fixedDays(List<Integer> fixedDays, LocalDate today, WorkingCalendar calendar) {
        TreeSet<Integer> days = new TreeSet<>();
        fixedDays.stream().filter(d -> d != null && d >= 1 && d <= 28).forEach(days::add);
        if (days.isEmpty()) {
            return List.of();
        }
        // from two months before (for the current cycle's start, even when a long holiday moved the last due date
        // of the month before into this month) to two months on: at least two cycles after today
        List<LocalDate[]> dues = new ArrayList<>(); // {nominal day, due day}
        YearMonth m = YearMonth.from(today).minusMonths(2);
        for (int i = 0; i < 5; i++, m = m.plusMonths(1)) {
            for (int d : days) {
                LocalDate nominal = m.atDay(d);
                LocalDate due = calendar.onOrAfter(nominal);
                // two fixed days moved to the same working day make one report
                if (dues.isEmpty() || dues.getLast()[1].isBefore(due)) {
                    dues.add(new LocalDate[] {nominal, due});
                }
            }
        }
        for (int i = 1; i + 1 < dues.size(); i++) {
            if (!dues.get(i)[1].isBefore(today)) {
                return List.of(fixed(dues.get(i), dues.get(i - 1)[1]), fixed(dues.get(i + 1), dues.get(i)[1]));
            }
        }
        throw new IllegalStateException("no cycle after " + today);
    }

    private static Cycle fixed(LocalDate[] nominalAndDue, LocalDate startsOn) {
        LocalDate n = nominalAndDue[0];
        return new Cycle(n.getYear() * 10_000 + n.getMonthValue() * 100 + n.getDayOfMonth(), startsOn, nominalAndDue[1]);
    }
}
