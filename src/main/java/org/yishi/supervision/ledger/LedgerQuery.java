package org.yishi.supervision.ledger;

import org.yishi.supervision.Colour;
import org.yishi.supervision.ItemState;
import org.yishi.supervision.Source;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the ledger (台账) shows: the filters (each list empty to match everything, several values of one filter match any
 * of them), the sort and the page. A unit matches the items it leads or co-operates on, or only those it leads
 * ({@link UnitRole}); the dates filter the deadline, the received date or the day of closing ({@link DateField}), both
 * ends included.
 *
 * <p>Without an explicit sort the ledger is sorted by serial number, newest first; when a date range is given, by that
 * date, earliest first.
 *
 * @param page from 0
 * @param size rows per page, 1 to {@link #MAX_SIZE}
 */
public record LedgerQuery(List<Long> units, UnitRole unitRole, List<ItemState> states, List<Colour> colours, List<Source> sources,
        List<Long> leaders, LocalDate from, LocalDate to, DateField dateField, Sort sort, Direction direction, int page,
        int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** How the unit filter reads: items the unit leads or co-operates on (the default), or only those it leads. */
    public enum UnitRole {
        ANY("any"), LEAD("lead");

        private final String parameter;

        UnitRole(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }

        public static Optional<UnitRole> of(String parameter) {
            return java.util.Arrays.stream(values()).filter(r -> r.parameter.equals(parameter)).findFirst();
        }

        public static List<String> parameters() {
            return java.util.Arrays.stream(values()).map(UnitRole::parameter).toList();
        }
    }

    /**
     * The date the range filters. The day of closing is that of {@code closed_at} in the application's time zone (the
     * database session's, as the dashboard counts its months), and only closed items have one.
     */
    public enum DateField {
        DEADLINE("deadline", "deadline"), RECEIVED("received", "received_on"), CLOSED("closed", "closed_at");

        private final String parameter;
        private final String column;

        DateField(String parameter, String column) {
            this.parameter = parameter;
            this.column = column;
        }

        public String parameter() {
            return parameter;
        }

        /** The column's name, a constant of this class: never text from a request. */
        String column() {
            return column;
        }

        public static Optional<DateField> of(String parameter) {
            return java.util.Arrays.stream(values()).filter(f -> f.parameter.equals(parameter)).findFirst();
        }

        public static List<String> parameters() {
            return java.util.Arrays.stream(values()).map(DateField::parameter).toList();
        }
    }

    /** The columns the ledger may be sorted by; each one's order is given by an index, with the id as tiebreak. */
    public enum Sort {
        SERIAL("serial", "i.serial_year", "i.serial_number"),
        DEADLINE("deadline", "i.deadline", "i.id"),
        RECEIVED("received", "i.received_on", "i.id"),
        UNIT("unit", "i.lead_unit_rank", "i.lead_unit_id", "i.deadline", "i.id"),
        STATE("state", "supervision_state_rank(i.state)", "i.deadline", "i.id"),
        COLOUR("colour", "supervision_colour_rank(i.colour)", "i.deadline", "i.id"),
        PROGRESS("progress", "i.progress", "i.deadline", "i.id");

        private final String parameter;
        private final List<String> keys;

        Sort(String parameter, String... keys) {
            this.parameter = parameter;
            this.keys = List.of(keys);
        }

        public String parameter() {
            return parameter;
        }

        /** The SQL expressions of the order, constants of this class: never text from a request. */
        List<String> keys() {
            return keys;
        }

        public static Optional<Sort> of(String parameter) {
            return java.util.Arrays.stream(values()).filter(s -> s.parameter.equals(parameter)).findFirst();
        }

        public static List<String> parameters() {
            return java.util.Arrays.stream(values()).map(Sort::parameter).toList();
        }
    }

    public enum Direction {
        ASC, DESC;

        public String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Direction> of(String parameter) {
            return java.util.Arrays.stream(values()).filter(d -> d.parameter().equals(parameter)).findFirst();
        }
    }

    public LedgerQuery {
        units = units == null ? List.of() : List.copyOf(units.stream().distinct().toList());
        unitRole = unitRole == null ? UnitRole.ANY : unitRole;
        states = states == null ? List.of() : List.copyOf(states.stream().distinct().toList());
        colours = colours == null ? List.of() : List.copyOf(colours.stream().distinct().toList());
        sources = sources == null ? List.of() : List.copyOf(sources.stream().distinct().toList());
        leaders = leaders == null ? List.of() : List.copyOf(leaders.stream().distinct().toList());
        dateField = dateField == null ? DateField.DEADLINE : dateField;
        if (page < 0) {
            throw new IllegalArgumentException("page " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size " + size);
        }
    }

    /** Everything, first page, in the default order. */
    public static LedgerQuery all() {
        return new LedgerQuery(null, null, null, null, null, null, null, null, null, null, null, 0, DEFAULT_SIZE);
    }

    public LedgerQuery withPage(int page) {
        return new LedgerQuery(units, unitRole, states, colours, sources, leaders, from, to, dateField, sort, direction, page, size);
    }

    public LedgerQuery withSize(int size) {
        return new LedgerQuery(units, unitRole, states, colours, sources, leaders, from, to, dateField, sort, direction, page, size);
    }

    public LedgerQuery sortedBy(Sort sort, Direction direction) {
        return new LedgerQuery(units, unitRole, states, colours, sources, leaders, from, to, dateField, sort, direction, page, size);
    }

    public boolean dated() {
        return from != null || to != null;
    }

    /** The sort in effect: the one asked for, else by the filtered date when there is a range, else by serial. */
    public Sort effectiveSort() {
        if (sort != null) {
            return sort;
        }
        if (dated()) {
            return dateField == DateField.RECEIVED ? Sort.RECEIVED : Sort.DEADLINE;
        }
        return Sort.SERIAL;
    }

    /** The direction in effect: the one asked for, else earliest first by a date range, else newest first. */
    public Direction effectiveDirection() {
        if (direction != null) {
            return direction;
        }
        return sort == null && !dated() ? Direction.DESC : Direction.ASC;
    }

    /** Whether any filter is set (the sort and page aside). */
    public boolean filtered() {
        return !units.isEmpty() || !states.isEmpty() || !colours.isEmpty() || !sources.isEmpty() || !leaders.isEmpty()
                || dated();
    }
}
