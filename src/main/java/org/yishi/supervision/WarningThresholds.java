package org.yishi.supervision;

import java.time.LocalDate;

/**
 * When an open item turns yellow and orange: when the working days left are at most these percentages of the working
 * days it was given (30 % and 15 % by default); red once the deadline has passed.
 */
public record WarningThresholds(int yellowPercent, int orangePercent) {

    public static final WarningThresholds DEFAULT = new WarningThresholds(30, 15);

    public WarningThresholds {
        if (orangePercent < 0 || yellowPercent < orangePercent || yellowPercent > 100) {
            throw new IllegalArgumentException("thresholds " + yellowPercent + "/" + orangePercent);
        }
    }

    /** The colour of an item given {@code total} working days from its start and {@code left} from today. */
    public Colour colour(int total, int left, boolean overdue) {
        if (overdue) {
            return Colour.RED;
        }
        if ((long) left * 100 <= (long) orangePercent * total) {
            return Colour.ORANGE;
        }
        if ((long) left * 100 <= (long) yellowPercent * total) {
            return Colour.YELLOW;
        }
        return Colour.GREEN;
    }

    /** The colour of an item started on {@code start} and due on {@code deadline}, seen on {@code today}. */
    public Colour colour(WorkingCalendar calendar, LocalDate start, LocalDate deadline, LocalDate today) {
        return colour(calendar.between(start, deadline), calendar.between(today, deadline), today.isAfter(deadline));
    }
}
