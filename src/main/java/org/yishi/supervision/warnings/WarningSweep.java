package org.yishi.supervision.warnings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yishi.supervision.HolidayCalendar;
import org.yishi.supervision.SqlArrays;
import org.yishi.supervision.WarningSweeps;
import org.yishi.supervision.WarningThresholds;
import org.yishi.supervision.WorkingCalendar;
import org.yishi.supervision.reports.ReportObligations;

/**
 * The warning sweep: sets the colour of every item with its lead unit, and of every report obligation it owes, from
 * the working days left, and notices each colour that gets worse, once, to the lead unit and the supervision office
 * (by e-mail too when the server has SMTP). It runs at start-up and by {@code yishi.supervision.sweep-cron} (every
 * five minutes by default), on every node: a PostgreSQL advisory lock lets one node sweep at a time, and a node that
 * finds another sweeping leaves it to that one.
 *
 * <p>Which items count: ASSIGNED and IN_PROGRESS, whose time runs from the day they were assigned
 * ({@code start_on}) to their deadline. A REGISTERED or RETURNED item is with the office and not yet (or no longer)
 * the unit's to do: not counted until it is assigned, which starts its time afresh. A REPORTED item waits for the
 * office's review, a SUSPENDED one for its resumption, a CLOSED one is done: their colour stays as it was, frozen.
 *
 * <p>The rule ({@link WarningThresholds}): red once the deadline has passed (the deadline day itself is not overdue);
 * else orange when the working days left are at most {@code orange-percent} of those it was given, yellow at most
 * {@code yellow-percent}, green otherwise. Working days follow the {@link HolidayCalendar}.
 *
 * <p>It is set-based, for a million items within seconds: the working days left are worked out in Java once for each
 * distinct deadline (a few thousand at most), handed to PostgreSQL as arrays, and one statement updates the colours
 * that change and inserts their notices; the unique index on notices makes a second sweep notice nothing again.
 */
@Component
@EnableScheduling
public class WarningSweep implements WarningSweeps {

    /** The advisory lock's key, shared by sweeps and calendar changes. */
    static final long LOCK = 0x5949534849L; // "YISHI"

    private static final Logger log = LoggerFactory.getLogger(WarningSweep.class);

    /** The counted states, as in SQL. */
    private static final String COUNTED = "('ASSIGNED', 'IN_PROGRESS')";

    /** What one sweep did; {@code swept} is false when another node was sweeping at that moment. */
    public record Result(boolean swept, int obligationsCreated, int itemsRecoloured, int obligationsRecoloured,
            int notices, long millis) {
    }

    private final JdbcClient jdbc;
    private final HolidayCalendar calendar;
    private final ReportObligations obligations;
    private final WarningThresholds thresholds;
    private final WarningMails mails;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean atStart;

    WarningSweep(JdbcClient jdbc, HolidayCalendar calendar, ReportObligations obligations, WarningThresholds thresholds,
            WarningMails mails, PlatformTransactionManager transactions, Optional<Clock> clock,
            @Value("${yishi.supervision.sweep-at-start:true}") boolean atStart) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.obligations = obligations;
        this.thresholds = thresholds;
        this.mails = mails;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.atStart = atStart;
    }

    /** Waits for the lock that sweeps and calendar changes take, until the caller's transaction ends. */
    public static void lock(JdbcClient jdbc) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(:k)) x").param("k", LOCK).query(Integer.class).single();
    }

    /** Every few minutes, by {@code yishi.supervision.sweep-cron}. */
    @Scheduled(cron = "${yishi.supervision.sweep-cron:0 */5 * * * *}")
    public void scheduled() {
        sweepQuietly();
    }

    /** Once the application is ready, in the background (a start is not held up by it). */
    @Async
    @EventListener(ApplicationReadyEvent.class)
    public void started() {
        if (atStart) {
            sweepQuietly();
        }
    }

    private void sweepQuietly() {
        try {
            Result r = sweep();
            if (r.itemsRecoloured() + r.obligationsRecoloured() + r.obligationsCreated() > 0) {
                log.info("Warning sweep: {} items and {} obligations recoloured, {} obligations created, {} notices, {} ms",
                        r.itemsRecoloured(), r.obligationsRecoloured(), r.obligationsCreated(), r.notices(), r.millis());
            }
        } catch (RuntimeException e) {
            log.warn("Warning sweep failed; the next one tries again", e);
        }
    }

    @Override
    public boolean sweepNow() {
        return sweep().swept();
    }

    /** Runs {@code then} once the caller's transaction has committed, or at once when there is none. */
    private static void afterCommit(Runnable then) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    then.run();
                }
            });
        } else {
            then.run();
        }
    }

    /** Sweeps as on today. */
    public Result sweep() {
        return sweep(LocalDate.now(clock));
    }

    /**
     * Sweeps as on {@code today}, in one transaction, then sends the e-mails of notices not yet mailed (after the
     * commit, when SMTP is configured). Returns at once with {@code swept} false while another node sweeps.
     */
    public Result sweep(LocalDate today) {
        long started = System.nanoTime();
        Result result = transaction.execute(status -> {
            if (!jdbc.sql("select pg_try_advisory_xact_lock(:k)").param("k", LOCK).query(Boolean.class).single()) {
                return new Result(false, 0, 0, 0, 0, 0);
            }
            WorkingCalendar days = calendar.calendar();
            int created = obligations.createAhead(today, days);
            int[] items = recolourItems(today, days);
            int[] owed = recolourObligations(today, days);
            return new Result(true, created, items[0], owed[0], items[1] + owed[1], 0);
        });
        if (result.swept()) {
            afterCommit(mails::sendPending);
        }
        return new Result(result.swept(), result.obligationsCreated(), result.itemsRecoloured(),
                result.obligationsRecoloured(), result.notices(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Notices a colour that got worse, to the lead unit and to the office (no unit); none twice. */
    private static final String NOTICE = """
            noticed as (
                insert into supervision_notice (item_id, obligation_id, unit_id, kind, colour, due_on)
                select ch.item_id, ch.obligation_id, u.unit_id, 'WARNING', ch.colour, ch.due_on
                from changed ch cross join lateral (values (ch.lead_unit_id), (cast(null as bigint))) u(unit_id)
                where array_position(array['GREEN', 'YELLOW', 'ORANGE', 'RED'], ch.colour)
                    > array_position(array['GREEN', 'YELLOW', 'ORANGE', 'RED'], ch.old)
                on conflict do nothing
                returning 1)
            select (select count(*) from changed) as changed, (select count(*) from noticed) as noticed""";

    private int[] recolourItems(LocalDate today, WorkingCalendar days) {
        List<LocalDate> deadlines = new ArrayList<>();
        for (String state : List.of("ASSIGNED", "IN_PROGRESS")) {
            deadlines.addAll(jdbc.sql("""
                    with recursive d(deadline) as (
                        select min(deadline) from supervision_item where state = :s
                        union all
                        select (select min(deadline) from supervision_item where state = :s and deadline > d.deadline)
                        from d where d.deadline is not null)
                    select deadline from d where deadline is not null""").param("s", state)
                    .query(LocalDate.class).list());
        }
        if (deadlines.isEmpty()) {
            return new int[2];
        }
        List<LocalDate> distinct = deadlines.stream().distinct().toList();
        return jdbc.sql("""
                with l(deadline, left_days) as (select * from unnest(cast(:d as date[]), cast(:n as int[]))),
                c as (select * from (
                        select i.id, i.lead_unit_id, i.deadline, i.colour as old, %s as colour
                        from supervision_item i join l on l.deadline = i.deadline
                        where i.state in %s and i.working_days_total is not null) x
                      where x.colour <> x.old),
                changed as (
                    update supervision_item i set colour = c.colour from c
                    where i.id = c.id and i.deadline = c.deadline and i.state in %s
                    returning i.id as item_id, cast(null as bigint) as obligation_id, c.lead_unit_id, c.deadline as due_on,
                              c.old, c.colour),
                %s""".formatted(thresholds.sqlCase("l.left_days", "i.working_days_total"), COUNTED, COUNTED, NOTICE))
                .param("d", SqlArrays.of(distinct)).param("n", SqlArrays.of(left(distinct, today, days)))
                .query((rs, n) -> new int[] {rs.getInt("changed"), rs.getInt("noticed")}).single();
    }

    private int[] recolourObligations(LocalDate today, WorkingCalendar days) {
        List<LocalDate> dues = jdbc.sql("""
                with recursive d(due) as (
                    select min(due_on) from report_obligation where reported_at is null
                    union all
                    select (select min(due_on) from report_obligation where reported_at is null and due_on > d.due)
                    from d where d.due is not null)
                select due from d where due is not null""").query(LocalDate.class).list();
        if (dues.isEmpty()) {
            return new int[2];
        }
        return jdbc.sql("""
                with l(due_on, left_days) as (select * from unnest(cast(:d as date[]), cast(:n as int[]))),
                c as (select * from (
                        select o.id, o.item_id, i.lead_unit_id, o.due_on, o.colour as old, %s as colour
                        from report_obligation o join l on l.due_on = o.due_on join supervision_item i on i.id = o.item_id
                        where o.reported_at is null and o.working_days_total is not null and i.state in %s) x
                      where x.colour <> x.old),
                changed as (
                    update report_obligation o set colour = c.colour from c
                    where o.id = c.id and o.reported_at is null
                    returning o.item_id, o.id as obligation_id, c.lead_unit_id, o.due_on, c.old, c.colour),
                %s""".formatted(thresholds.sqlCase("l.left_days", "o.working_days_total"), COUNTED, NOTICE))
                .param("d", SqlArrays.of(dues)).param("n", SqlArrays.of(left(dues, today, days)))
                .query((rs, n) -> new int[] {rs.getInt("changed"), rs.getInt("noticed")}).single();
    }

    /** The working days left before each deadline, from today; −1 for a deadline already passed. */
    private static List<Integer> left(List<LocalDate> deadlines, LocalDate today, WorkingCalendar days) {
        return deadlines.stream().map(d -> d.isBefore(today) ? -1 : days.between(today, d)).toList();
    }
}
