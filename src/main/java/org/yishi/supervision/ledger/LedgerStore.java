package org.yishi.supervision.ledger;

import org.yishi.supervision.Colour;
import org.yishi.supervision.ItemState;
import org.yishi.supervision.Source;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's SQL. Every statement is put together from constants of this class and of {@link LedgerQuery} (columns,
 * sort keys, the filters that are set); every value from a request is a bound parameter.
 *
 * <p>A page is found in two steps. First a <em>walk</em>: along the index of the sort column, at most a budget of rows
 * is read and filtered, which finds the page at once whenever matching items are not rare. When the budget runs out
 * before the page is full (a rare unit, a leader, a date range far from the top of the order), the <em>sort</em>
 * finds every matching item through the indexes of the filters and sorts them. Neither counts all the matching items:
 * a page knows only whether there is another one ({@link Found#more()}); the total is known when the walk covered
 * all items, and otherwise counted separately, up to a cap ({@link #countUpTo}).
 */
@Repository
class LedgerStore {

    /** The columns the filters read, selected by the walk. */
    private static final String WALK_COLUMNS = "i.id, i.unit_ids, i.state, i.colour, i.source, i.leader_person_id, "
            + "i.received_on, i.deadline, i.lead_unit_id, i.closed_at";

    /** A row of the ledger, as stored: units and people by id. */
    record Line(long id, int serialYear, int serialNumber, Source source, String content, long leadUnitId,
            List<Long> coUnitIds, Long leaderPersonId, LocalDate receivedOn, LocalDate deadline, ItemState state,
            int progress, Colour colour, String latestProgress) {
    }

    private static final String LINE_COLUMNS = """
            i.id, i.serial_year, i.serial_number, i.source, i.content, i.lead_unit_id, i.leader_person_id, i.received_on,
            i.deadline, i.state, i.progress, i.colour,
            array(select c.unit_id from supervision_co_unit c where c.item_id = i.id order by c.unit_id) as co_units,
            (select r.text from progress_report r where r.item_id = i.id order by r.id desc limit 1) as latest""";

    /** The ids of a page in order; whether more follow; the number of matching items when known exactly. */
    record Found(List<Long> ids, boolean more, Long total, boolean walked) {
    }

    private final JdbcClient jdbc;
    /** The rows a walk reads for a first page of the usual size before giving way to the sort; in proportion for more. */
    private final int walkBudget;

    LedgerStore(JdbcClient jdbc, @Value("${yishi.supervision.ledger.walk-budget:5000}") int walkBudget) {
        this.jdbc = jdbc;
        this.walkBudget = walkBudget;
    }

    /** A WHERE condition over the columns of the alias, with its parameters. */
    private record Condition(String sql, Map<String, Object> params) {
    }

    /**
     * The query's filters over the table's alias {@code a} ("i" or "w"); {@code scope} is the units whose items the
     * viewer may see (null for all).
     */
    private static Condition filters(LedgerQuery q, Long[] scope, String a) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        if (scope != null) {
            parts.add(a + ".unit_ids && cast(:scope as bigint[])");
            p.put("scope", scope);
        }
        if (!q.units().isEmpty() && q.unitRole() == LedgerQuery.UnitRole.LEAD) {
            parts.add(a + ".lead_unit_id in (:units)");
            p.put("units", q.units());
        } else if (!q.units().isEmpty()) {
            parts.add(a + ".unit_ids && cast(:units as bigint[])");
            p.put("units", q.units().toArray(Long[]::new));
        }
        if (!q.states().isEmpty()) {
            parts.add(a + ".state in (:states)");
            p.put("states", q.states().stream().map(Enum::name).toList());
        }
        if (!q.colours().isEmpty()) {
            parts.add(a + ".colour in (:colours)");
            p.put("colours", q.colours().stream().map(Enum::name).toList());
        }
        if (!q.sources().isEmpty()) {
            parts.add(a + ".source in (:sources)");
            p.put("sources", q.sources().stream().map(Enum::name).toList());
        }
        if (!q.leaders().isEmpty()) {
            parts.add(a + ".leader_person_id in (:leaders)");
            p.put("leaders", q.leaders());
        }
        if (q.dated() && q.dateField() == LedgerQuery.DateField.CLOSED) {
            // a day of closing is a range of instants, its bounds in the session's time zone (the application's), as
            // the dashboard's months are; only closed items have one (and V11's index holds them)
            parts.add(a + ".state = 'CLOSED'");
            if (q.from() != null) {
                parts.add(a + ".closed_at >= cast(:from as date)");
                p.put("from", q.from());
            }
            if (q.to() != null) {
                parts.add(a + ".closed_at < cast(:to as date) + 1");
                p.put("to", q.to());
            }
        } else {
            if (q.from() != null) {
                parts.add(a + "." + q.dateField().column() + " >= :from");
                p.put("from", q.from());
            }
            if (q.to() != null) {
                parts.add(a + "." + q.dateField().column() + " <= :to");
                p.put("to", q.to());
            }
        }
        return new Condition(parts.isEmpty() ? "true" : String.join(" and ", parts), p);
    }

    /**
     * Conditions the walk can put on the index it walks, so that it starts where the matching items are: a date range
     * on the sort's own date; one state or one colour, for the indexes of a state or a colour in time order; the range
     * of states or colours asked for when sorting by them.
     */
    private static Condition walkStart(LedgerQuery q) {
        LedgerQuery.Sort sort = q.effectiveSort();
        List<String> parts = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        boolean sortedByFilteredDate = sort == LedgerQuery.Sort.DEADLINE && q.dateField() == LedgerQuery.DateField.DEADLINE
                || sort == LedgerQuery.Sort.RECEIVED && q.dateField() == LedgerQuery.DateField.RECEIVED;
        if (sortedByFilteredDate && q.from() != null) {
            parts.add("i." + q.dateField().column() + " >= :from");
            p.put("from", q.from());
        }
        if (sortedByFilteredDate && q.to() != null) {
            parts.add("i." + q.dateField().column() + " <= :to");
            p.put("to", q.to());
        }
        boolean timeOrder = sort == LedgerQuery.Sort.SERIAL || sort == LedgerQuery.Sort.DEADLINE
                || sort == LedgerQuery.Sort.RECEIVED;
        // one index at a time: one open state (few items) before one colour, one colour before closed (most items)
        boolean oneState = q.states().size() == 1;
        boolean oneColour = q.colours().size() == 1;
        if (timeOrder && oneState && (!oneColour || q.states().getFirst().open())) {
            parts.add("i.state = :onlyState");
            p.put("onlyState", q.states().getFirst().name());
        } else if (timeOrder && oneColour) {
            parts.add("i.colour = :onlyColour");
            p.put("onlyColour", q.colours().getFirst().name());
        }
        if (sort == LedgerQuery.Sort.STATE && !q.states().isEmpty()) {
            parts.add("supervision_state_rank(i.state) between :minRank and :maxRank");
            p.put("minRank", q.states().stream().mapToInt(s -> s.ordinal() + 1).min().orElseThrow());
            p.put("maxRank", q.states().stream().mapToInt(s -> s.ordinal() + 1).max().orElseThrow());
        }
        if (sort == LedgerQuery.Sort.COLOUR && !q.colours().isEmpty()) {
            parts.add("supervision_colour_rank(i.colour) between :minRank and :maxRank");
            p.put("minRank", q.colours().stream().mapToInt(c -> c.ordinal() + 1).min().orElseThrow());
            p.put("maxRank", q.colours().stream().mapToInt(c -> c.ordinal() + 1).max().orElseThrow());
        }
        return new Condition(String.join(" and ", parts), p);
    }

    /** The ORDER BY of the query over the table ("i"), with the tiebreak. */
    private static String order(LedgerQuery q) {
        String dir = q.effectiveDirection() == LedgerQuery.Direction.DESC ? " desc" : " asc";
        return q.effectiveSort().keys().stream().map(k -> k + dir).collect(Collectors.joining(", "));
    }

    /** The page of the query: the walk, and the sort when the walk could not tell. */
    Found page(LedgerQuery q, Long[] scope) {
        // a value bound by a parameter is planned as it is: a date range is not planned for an unknown date
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        long offset = (long) q.page() * q.size();
        long need = offset + q.size() + 1;
        long budget = Math.max(walkBudget, Math.min(need * walkBudget / (LedgerQuery.DEFAULT_SIZE + 1), 1_000_000L));
        Found walked = walk(q, scope, offset, need, budget);
        return walked != null ? walked : sorted(q, scope, offset);
    }

    /** The page by walking at most {@code budget} rows in sort order; null when they held too few matching items. */
    private Found walk(LedgerQuery q, Long[] scope, long offset, long need, long budget) {
        Condition match = filters(q, scope, "w");
        Condition start = walkStart(q);
        List<String> keys = q.effectiveSort().keys();
        String dir = q.effectiveDirection() == LedgerQuery.Direction.DESC ? " desc" : " asc";
        String keyColumns = IntStream.range(0, keys.size()).mapToObj(n -> keys.get(n) + " as k" + n)
                .collect(Collectors.joining(", "));
        String outerOrder = IntStream.range(0, keys.size()).mapToObj(n -> "w.k" + n + dir)
                .collect(Collectors.joining(", "));
        // the walk's last row (rn = budget) comes back too, matching or not: it shows the budget ran out
        String sql = "select w.id, w.rn, (" + match.sql() + ") as hit from (select " + WALK_COLUMNS + ", " + keyColumns
                + ", row_number() over (order by " + order(q) + ") as rn from supervision_item i"
                + (start.sql().isEmpty() ? "" : " where " + start.sql())
                + " order by " + order(q) + " limit :budget) w where (" + match.sql() + ") or w.rn = :budget"
                + " order by " + outerOrder + " limit :want";
        record Step(long id, long rn, boolean hit) {
        }
        List<Step> steps = jdbc.sql(sql).params(match.params()).params(start.params()).param("budget", budget)
                .param("want", need + 1)
                .query((rs, n) -> new Step(rs.getLong("id"), rs.getLong("rn"), rs.getBoolean("hit"))).list();
        List<Long> hits = steps.stream().filter(Step::hit).map(Step::id).toList();
        boolean exhausted = steps.stream().anyMatch(s -> s.rn() == budget);
        if (hits.size() >= need) {
            return new Found(slice(hits, offset, q.size()), true, null, true);
        }
        if (!exhausted) {
            return new Found(slice(hits, offset, q.size()), false, (long) hits.size(), true);
        }
        return null;
    }

    /**
     * The page by finding every matching item through the filters' indexes and sorting them. The order is written as
     * {@code key + 0} so that the planner does not walk the sort column's index instead: the walk has just shown that
     * matching items are rare along it.
     */
    private Found sorted(LedgerQuery q, Long[] scope, long offset) {
        Condition match = filters(q, scope, "i");
        String dir = q.effectiveDirection() == LedgerQuery.Direction.DESC ? " desc" : " asc";
        String order = q.effectiveSort().keys().stream().map(k -> "(" + k + ") + 0" + dir).collect(Collectors.joining(", "));
        List<Long> ids = jdbc.sql("select i.id from supervision_item i where " + match.sql() + " order by " + order
                        + " offset :offset limit :limit")
                .params(match.params()).param("offset", offset).param("limit", q.size() + 1).query(Long.class).list();
        boolean more = ids.size() > q.size();
        Long total = !more && (offset == 0 || !ids.isEmpty()) ? offset + ids.size() : null;
        return new Found(more ? ids.subList(0, q.size()) : ids, more, total, false);
    }

    private static List<Long> slice(List<Long> ids, long offset, int size) {
        if (offset >= ids.size()) {
            return List.of();
        }
        return ids.subList((int) offset, (int) Math.min(ids.size(), offset + size));
    }

    /** How many items match, counting up to {@code cap + 1}: a result above the cap means "more than the cap". */
    long countUpTo(LedgerQuery q, Long[] scope, int cap) {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        Condition match = filters(q, scope, "i");
        return jdbc.sql("select count(*) from (select 1 from supervision_item i where " + match.sql() + " limit :cap) t")
                .params(match.params()).param("cap", cap + 1).query(Long.class).single();
    }

    /** The rows of these items, in the order of the ids. */
    List<Line> lines(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Line> byId = new LinkedHashMap<>();
        jdbc.sql("select " + LINE_COLUMNS + " from supervision_item i where i.id in (:ids)").param("ids", ids)
                .query(LINE).list().forEach(l -> byId.put(l.id(), l));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Every matching row in the ledger's order, read from a cursor {@code fetchSize} rows at a time: never the whole
     * list in memory. Needs a transaction (PostgreSQL reads with a cursor only inside one).
     */
    void each(LedgerQuery q, Long[] scope, int fetchSize, Consumer<Line> consumer) {
        // compiling the plan to machine code costs more than it saves on a cursor read a batch at a time
        jdbc.sql("set local jit = off").update();
        Condition match = filters(q, scope, "i");
        jdbc.sql("select " + LINE_COLUMNS + " from supervision_item i where " + match.sql() + " order by " + order(q))
                .params(match.params()).withFetchSize(fetchSize)
                .query(rs -> {
                    consumer.accept(LINE.mapRow(rs, 0));
                });
    }

    private static final RowMapper<Line> LINE = (rs, n) -> new Line(rs.getLong("id"), rs.getInt("serial_year"),
            rs.getInt("serial_number"), Source.valueOf(rs.getString("source")), rs.getString("content"),
            rs.getLong("lead_unit_id"), longs(rs.getArray("co_units")), (Long) rs.getObject("leader_person_id"),
            rs.getObject("received_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
            ItemState.valueOf(rs.getString("state")), rs.getInt("progress"), Colour.valueOf(rs.getString("colour")),
            rs.getString("latest"));

    private static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Long[]) array.getArray()).toList();
    }
}
