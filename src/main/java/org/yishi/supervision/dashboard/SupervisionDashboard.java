package org.yishi.supervision.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yishi.supervision.Colour;
import org.yishi.supervision.ItemState;
import org.yishi.supervision.SerialFormat;

/**
 * The figures of the supervision dashboard, each an aggregate that PostgreSQL computes over an index or over the
 * tally of closed items (see {@code V9__supervision_dashboard.sql}); no item passes through Java but the ten oldest
 * overdue ones. The queries run at once, each on a connection of its own, so each is consistent in itself; together
 * they may straddle a change made meanwhile.
 *
 * <ul>
 *   <li><b>By state:</b> every item, by its state.</li>
 *   <li><b>By colour:</b> the open items (not closed), by their warning colour as the warning sweep last set it.</li>
 *   <li><b>On-time completion rate by unit:</b> of the closed items of each lead unit, the share closed on or before
 *       their deadline (the day of closing, in the application's time zone, no later than the deadline as it
 *       finally stood, extensions included). Units with no closed item are not listed; lowest rate first.</li>
 *   <li><b>Closed per month:</b> items closed in each of the last 12 calendar months, this one included, months
 *       without any included.</li>
 *   <li><b>Oldest overdue:</b> items still with a unit or the office — registered, assigned, returned or in progress,
 *       so neither reported complete, suspended nor closed — whose deadline is before today; the ten with the
 *       earliest deadline, and how many there are in all.</li>
 * </ul>
 */
@Service
public class SupervisionDashboard {

    /** The states in which an item waits for work by a unit or the office: overdue once past its deadline. */
    static final List<ItemState> PENDING = List.of(ItemState.REGISTERED, ItemState.ASSIGNED, ItemState.RETURNED,
            ItemState.IN_PROGRESS);
    static final int OLDEST = 10;
    static final int MONTHS = 12;

    private final JdbcClient jdbc;
    private final SerialFormat serials;
    private final Clock clock;

    SupervisionDashboard(JdbcClient jdbc, SerialFormat serials, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.serials = serials;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** A unit's closed items and how many of them were closed on time. */
    public record UnitRate(long unitId, long closed, long onTime) {
        /** On time ÷ closed, from 0 to 1. */
        public double rate() {
            return closed == 0 ? 0 : (double) onTime / closed;
        }
    }

    public record Month(YearMonth month, long closed) {
    }

    public record Overdue(long id, String serial, String content, long leadUnitId, LocalDate deadline,
            long daysOverdue, ItemState state) {
    }

    /**
     * The dashboard as seen on {@code today}: counts by every state and colour (zeros included, in the enums' order),
     * rates by unit, the last 12 months oldest first, the oldest overdue items and how many are overdue.
     */
    public record Figures(LocalDate today, Map<ItemState, Long> byState, Map<Colour, Long> byColour,
            List<UnitRate> onTime, List<Month> closedPerMonth, List<Overdue> oldestOverdue, long overdue) {
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Figures figures() {
        return figures(today());
    }

    public Figures figures(LocalDate today) {
        YearMonth first = YearMonth.from(today).minusMonths(MONTHS - 1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var counts = async(pool, this::stateAndColourCounts);
            var rates = async(pool, this::onTimeByUnit);
            var months = async(pool, () -> closedPerMonth(first));
            var overdue = async(pool, () -> oldestOverdue(today));
            var overdueCount = async(pool, () -> overdueCount(today));
            Map<ItemState, Long> byState = new EnumMap<>(ItemState.class);
            Map<Colour, Long> byColour = new EnumMap<>(Colour.class);
            for (ItemState s : ItemState.values()) {
                byState.put(s, 0L);
            }
            for (Colour c : Colour.values()) {
                byColour.put(c, 0L);
            }
            for (StateColour sc : counts.join()) {
                byState.merge(sc.state(), sc.count(), Long::sum);
                if (sc.state().open()) {
                    byColour.merge(sc.colour(), sc.count(), Long::sum);
                }
            }
            return new Figures(today, byState, byColour, rates.join(), months.join(), overdue.join(), overdueCount.join());
        }
    }

    private static <T> CompletableFuture<T> async(ExecutorService pool, Supplier<T> query) {
        return CompletableFuture.supplyAsync(query, pool);
    }

    private record StateColour(ItemState state, Colour colour, long count) {
    }

    /** The open items over the (state, colour) index; the closed ones, nine in ten, from their tally. */
    private List<StateColour> stateAndColourCounts() {
        List<StateColour> counts = new java.util.ArrayList<>(jdbc.sql("""
                select state, colour, count(*) from supervision_item where state in (%s) group by state, colour"""
                .formatted(OPEN_SQL))
                .query((rs, n) -> new StateColour(ItemState.valueOf(rs.getString(1)), Colour.valueOf(rs.getString(2)),
                        rs.getLong(3))).list());
        long closed = jdbc.sql("select coalesce(sum(closed), 0) from supervision_closed_tally").query(Long.class).single();
        counts.add(new StateColour(ItemState.CLOSED, Colour.GREEN, closed));
        return counts;
    }

    private List<UnitRate> onTimeByUnit() {
        return jdbc.sql("""
                select lead_unit_id, closed, on_time from (
                    select lead_unit_id, sum(closed) as closed, coalesce(sum(closed) filter (where on_time), 0) as on_time
                    from supervision_closed_tally group by lead_unit_id) u
                where closed > 0
                order by on_time::float8 / closed, closed desc, lead_unit_id""")
                .query((rs, n) -> new UnitRate(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    }

    private List<Month> closedPerMonth(YearMonth first) {
        return jdbc.sql("""
                select to_char(m, 'YYYY-MM'), coalesce(sum(t.closed), 0)
                from generate_series(cast(:from as date), cast(:last as date), interval '1 month') m
                left join supervision_closed_tally t on t.month = m::date
                group by m order by m""")
                .param("from", first.atDay(1)).param("last", first.plusMonths(MONTHS - 1).atDay(1))
                .query((rs, n) -> new Month(YearMonth.parse(rs.getString(1)), rs.getLong(2))).list();
    }

    private static final String OPEN_SQL = String.join(", ", java.util.Arrays.stream(ItemState.values())
            .filter(ItemState::open).map(s -> "'" + s.name() + "'").toList());

    /** As in the partial index supervision_item_pending_deadline, so that the planner can use it. */
    private static final String PENDING_SQL = "state in ("
            + String.join(", ", PENDING.stream().map(s -> "'" + s.name() + "'").toList()) + ")";

    private List<Overdue> oldestOverdue(LocalDate today) {
        return jdbc.sql("select id, serial_year, serial_number, content, lead_unit_id, deadline, state "
                        + "from supervision_item where " + PENDING_SQL + " and deadline < :today "
                        + "order by deadline, id limit " + OLDEST)
                .param("today", today)
                .query((rs, n) -> {
                    LocalDate deadline = rs.getObject("deadline", LocalDate.class);
                    return new Overdue(rs.getLong("id"), serials.format(rs.getInt("serial_year"), rs.getInt("serial_number")),
                            rs.getString("content"), rs.getLong("lead_unit_id"), deadline,
                            java.time.temporal.ChronoUnit.DAYS.between(deadline, today), ItemState.valueOf(rs.getString("state")));
                }).list();
    }

    private long overdueCount(LocalDate today) {
        return jdbc.sql("select count(*) from supervision_item where " + PENDING_SQL + " and deadline < :today")
                .param("today", today).query(Long.class).single();
    }
}
