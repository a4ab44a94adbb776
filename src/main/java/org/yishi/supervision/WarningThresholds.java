package org.yishi.supervision;

import java.time.LocalDate;
import java.util.List;

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

    /** A warning band: an item whose working days left are at most {@code percent} % of its total is {@code colour}. */
    public record Band(Colour colour, int percent) {

        boolean holds(long total, long left) {
            return left * 100 <= percent * total;
        }
    }

    /** The bands short of red, the worst first: an item takes the first that holds, else it is green. */
    public List<Band> bands() {
        return List.of(new Band(Colour.ORANGE, orangePercent), new Band(Colour.YELLOW, yellowPercent));
    }

    /** The colour of an item given {@code total} working days from its start and {@code left} from today. */
    public Colour colour(int total, int left, boolean overdue) {
        if (overdue) {
            return Colour.RED;
        }
        for (Band band : bands()) {
            if (band.holds(total, left)) {
                return band.colour();
            }
        }
        return Colour.GREEN;
    }

    /**
     * This rule as an SQL {@code CASE}, generated from {@link #bands()}, for the SQL expressions {@code left} (the
     * working days left, negative when overdue) and {@code total}: the warning sweep and the benchmark generator
     * colour with it, so that no copy of the rule is typed out in SQL. The percentages are integers of this record.
     */
    public String sqlCase(String left, String total) {
        StringBuilder sql = new StringBuilder("case when ").append(left).append(" < 0 then '")
                .append(Colour.RED.name()).append('\'');
        for (Band band : bands()) {
            sql.append(" when ").append(left).append(" * 100 <= ").append(band.percent()).append(" * ").append(total)
                    .append(" then '").append(band.colour().name()).append('\'');
        }
        return sql.append(" else '").append(Colour.GREEN.name()).append("' end").toString();
    }

    /** The colour of an item started on {@code start} and due on {@code deadline}, seen on {@code today}. */
    public Colour colour(WorkingCalendar calendar, LocalDate start, LocalDate deadline, LocalDate today) {
        return colour(calendar.between(start, deadline), calendar.between(today, deadline), today.isAfter(deadline));
    }
}
