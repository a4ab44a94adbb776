package org.yishi.supervision;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Working days: Monday to Friday, except public holidays, plus make-up working days on weekends (调休), as recorded.
 * Built once from the recorded exceptions, it answers {@link #between} in logarithmic time (weekdays by arithmetic,
 * exceptions by binary search), so a sweep may ask it thousands of times.
 */
public final class WorkingCalendar {

    private final Map<LocalDate, Boolean> exceptions;
    /** The exceptions that change something (a holiday on a weekday, a working weekend day), by epoch day, sorted. */
    private final long[] days;
    /** {@code shift[i]}: working days added (+) or removed (−) by the exceptions {@code days[0..i]}. */
    private final int[] shift;

    /** @param exceptions the days that differ from the ordinary week: false for a holiday, true for a make-up working day */
    public WorkingCalendar(Map<LocalDate, Boolean> exceptions) {
        this.exceptions = Map.copyOf(exceptions);
        long[] changing = this.exceptions.entrySet().stream().filter(e -> weekday(e.getKey()) != e.getValue())
                .mapToLong(e -> e.getKey().toEpochDay()).sorted().toArray();
        this.days = changing;
        this.shift = new int[changing.length];
        int sum = 0;
        for (int i = 0; i < changing.length; i++) {
            sum += this.exceptions.get(LocalDate.ofEpochDay(changing[i])) ? 1 : -1;
            shift[i] = sum;
        }
    }

    public static WorkingCalendar ordinaryWeek() {
        return new WorkingCalendar(Map.of());
    }

    /** The recorded exceptions: false for a holiday, true for a make-up working day. */
    public Map<LocalDate, Boolean> exceptions() {
        return exceptions;
    }

    private static boolean weekday(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    public boolean working(LocalDate day) {
        Boolean exception = exceptions.get(day);
        return exception != null ? exception : weekday(day);
    }

    /** Weekdays (Monday to Friday) on the days before epoch day {@code epochDay}, counted from a Monday far back. */
    private static long weekdaysBefore(long epochDay) {
        long k = epochDay + 3; // 1970-01-01 was a Thursday: k is 0 on a Monday
        return 5 * Math.floorDiv(k, 7) + Math.min(Math.floorMod(k, 7), 5);
    }

    /** The exceptions' net shift on the days up to and including epoch day {@code epochDay}. */
    private int shiftUpTo(long epochDay) {
        int i = Arrays.binarySearch(days, epochDay);
        int last = i >= 0 ? i : -i - 2; // the last exception on or before the day
        return last < 0 ? 0 : shift[last];
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public int between(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long a = from.toEpochDay();
        long b = to.toEpochDay();
        return (int) (weekdaysBefore(b + 1) - weekdaysBefore(a + 1)) + shiftUpTo(b) - shiftUpTo(a);
    }

    /** The day {@code n} working days after {@code from}. */
    public LocalDate plus(LocalDate from, int n) {
        LocalDate d = from;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (working(d)) {
                left--;
            }
        }
        return d;
    }

    /** The day itself when it is a working day, else the next working day (a due date falling on a holiday moves on). */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!working(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The last working day of the month (a month without any working day answers its last day). */
    public LocalDate lastWorkingDay(YearMonth month) {
        for (LocalDate d = month.atEndOfMonth(); !d.isBefore(month.atDay(1)); d = d.minusDays(1)) {
            if (working(d)) {
                return d;
            }
        }
        return month.atEndOfMonth();
    }

    /** A calendar with one more exception, or one fewer ({@code working} null). */
    public WorkingCalendar with(LocalDate day, Boolean working) {
        Map<LocalDate, Boolean> changed = new HashMap<>(exceptions);
        if (working == null) {
            changed.remove(day);
        } else {
            changed.put(day, working);
        }
        return new WorkingCalendar(changed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingCalendar c && c.exceptions.equals(exceptions);
    }

    @Override
    public int hashCode() {
        return exceptions.hashCode();
    }

    @Override
    public String toString() {
        return "WorkingCalendar" + exceptions;
    }
}
