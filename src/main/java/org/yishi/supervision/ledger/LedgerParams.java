package org.yishi.supervision.ledger;

import org.yishi.supervision.Colour;
import org.yishi.supervision.ItemState;
import org.yishi.supervision.Source;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.springframework.web.util.UriComponentsBuilder;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.Text;

/**
 * The ledger's request parameters as sent, shared by the page, the API and the export:
 * {@code unit, state, colour, source, leader} (each may repeat), {@code unitRole} (any | lead: whether a unit filter
 * matches the items the unit leads or co-operates on, or only those it leads), {@code from, to} (yyyy-MM-dd), {@code dateField}
 * (deadline | received | closed), {@code sort} (serial | deadline | received | unit | state | colour | progress), {@code dir}
 * (asc | desc), {@code page} (from 0) and {@code size}. Blank values are ignored; every bad value is refused with
 * its parameter named, all at once.
 */
record LedgerParams(List<String> unit, String unitRole, List<String> state, List<String> colour, List<String> source,
        List<String> leader, String from, String to, String dateField, String sort, String dir, String page,
        String size) {

    LedgerParams {
        unit = kept(unit);
        state = kept(state);
        colour = kept(colour);
        source = kept(source);
        leader = kept(leader);
    }

    private static List<String> kept(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> !Text.blank(v)).map(String::strip).toList();
    }

    static LedgerParams none() {
        return new LedgerParams(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The query these parameters ask for; refused with every bad value when some cannot be read. */
    LedgerQuery query(Predicate<Long> knownUnit, Predicate<Long> knownPerson) {
        var problems = new InvalidInput.Collector();
        List<Long> units = ids("unit", unit, problems);
        units.stream().filter(u -> !knownUnit.test(u))
                .forEach(u -> problems.add("unit", "input.unknown", InvalidInput.label("kind.unit"), u));
        LedgerQuery.UnitRole role = option("unitRole", unitRole, LedgerQuery.UnitRole::of,
                LedgerQuery.UnitRole.parameters(), problems);
        List<ItemState> states = choices("state", state, ItemState.class, problems);
        List<Colour> colours = choices("colour", colour, Colour.class, problems);
        List<Source> sources = choices("source", source, Source.class, problems);
        List<Long> leaders = ids("leader", leader, problems);
        leaders.stream().filter(p -> !knownPerson.test(p))
                .forEach(p -> problems.add("leader", "input.unknown", InvalidInput.label("kind.person"), p));
        LocalDate fromDay = date("from", from, problems);
        LocalDate toDay = date("to", to, problems);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            problems.add("to", "input.dates-reversed");
        }
        LedgerQuery.DateField field = option("dateField", dateField, LedgerQuery.DateField::of,
                LedgerQuery.DateField.parameters(), problems);
        LedgerQuery.Sort by = option("sort", sort, LedgerQuery.Sort::of, LedgerQuery.Sort.parameters(), problems);
        LedgerQuery.Direction direction = option("dir", dir, LedgerQuery.Direction::of, List.of("asc", "desc"), problems);
        int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE / LedgerQuery.MAX_SIZE, problems);
        int pageSize = number("size", size, LedgerQuery.DEFAULT_SIZE, 1, LedgerQuery.MAX_SIZE, problems);
        problems.throwIfAny();
        return new LedgerQuery(units, role, states, colours, sources, leaders, fromDay, toDay, field, by, direction,
                pageNumber, pageSize);
    }

    /** One value of a choice, whatever its case; null when blank or refused. */
    private static <T> T option(String name, String value, java.util.function.Function<String, java.util.Optional<T>> of,
            List<String> allowed, InvalidInput.Collector problems) {
        if (Text.blank(value)) {
            return null;
        }
        T chosen = of.apply(value.strip().toLowerCase(Locale.ROOT)).orElse(null);
        if (chosen == null) {
            problems.add(name, "ledger.bad-choice", name, value.strip(), String.join(", ", allowed));
        }
        return chosen;
    }

    private static List<Long> ids(String name, List<String> values, InvalidInput.Collector problems) {
        List<Long> ids = new ArrayList<>();
        for (String v : values) {
            try {
                ids.add(Long.parseLong(v));
            } catch (NumberFormatException e) {
                problems.add(name, "ledger.bad-id", name, v);
            }
        }
        return ids;
    }

    /** The values as the enum's constants, whatever their case. */
    private static <E extends Enum<E>> List<E> choices(String name, List<String> values, Class<E> type,
            InvalidInput.Collector problems) {
        List<E> chosen = new ArrayList<>();
        for (String v : values) {
            try {
                chosen.add(Enum.valueOf(type, v.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(name, "ledger.bad-choice", name, v,
                        String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            }
        }
        return chosen;
    }

    private static LocalDate date(String name, String value, InvalidInput.Collector problems) {
        if (Text.blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(name, "ledger.bad-date", name, value.strip());
            return null;
        }
    }

    private static int number(String name, String value, int otherwise, int min, int max, InvalidInput.Collector problems) {
        if (Text.blank(value)) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        problems.add(name, "ledger.bad-number", name, value.strip(), String.valueOf(min), String.valueOf(max));
        return otherwise;
    }

    /** The parameters of a query, for links (pages, sorting, export): only what differs from the defaults. */
    static UriComponentsBuilder link(String path, LedgerQuery q) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        q.units().forEach(u -> b.queryParam("unit", u));
        if (q.unitRole() != LedgerQuery.UnitRole.ANY) {
            b.queryParam("unitRole", q.unitRole().parameter());
        }
        q.states().forEach(s -> b.queryParam("state", s.name()));
        q.colours().forEach(c -> b.queryParam("colour", c.name()));
        q.sources().forEach(s -> b.queryParam("source", s.name()));
        q.leaders().forEach(l -> b.queryParam("leader", l));
        if (q.from() != null) {
            b.queryParam("from", q.from());
        }
        if (q.to() != null) {
            b.queryParam("to", q.to());
        }
        if (q.dated() && q.dateField() != LedgerQuery.DateField.DEADLINE) {
            b.queryParam("dateField", q.dateField().parameter());
        }
        if (q.sort() != null) {
            b.queryParam("sort", q.sort().parameter());
        }
        if (q.direction() != null) {
            b.queryParam("dir", q.direction().parameter());
        }
        if (q.size() != LedgerQuery.DEFAULT_SIZE) {
            b.queryParam("size", q.size());
        }
        return b;
    }
}
