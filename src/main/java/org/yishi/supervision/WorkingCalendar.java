package org.yishi.supervision;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * Working days: Monday to Friday, except public holidays, plus make-up working days on weekends (调休), as recorded.
 *
 * @param exceptions the days that differ from the ordinary week: false for a holiday, true for a make-up working day
 */
public record WorkingCalendar(Map<LocalDate, Boolean> exceptions) {

    public WorkingCalendar {
        exceptions = Map.copyOf(exceptions);
    }

    public static WorkingCalendar ordinaryWeek() {
        return new WorkingCalendar(Map.of());
    }

    public boolean working(LocalDate day) {
        Boolean exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public int between(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        // whole weeks at once, then the rest day by day, then the exceptions inside the range
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to);
        long weeks = days / 7;
        int count = (int) (weeks * 5);
        for (LocalDate d = from.plusDays(weeks * 7 + 1); !d.isAfter(to); d = d.plusDays(1)) {
            DayOfWeek w = d.getDayOfWeek();
            if (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY) {
                count++;
            }
        }
        for (Map.Entry<LocalDate, Boolean> e : exceptions.entrySet()) {
            LocalDate d = e.getKey();
            if (d.isAfter(from) && !d.isAfter(to)) {
                boolean ordinary = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
                if (ordinary && !e.getValue()) {
                    count--;
                } else if (!ordinary && e.getValue()) {
                    count++;
                }
            }
        }
        return count;
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
}
