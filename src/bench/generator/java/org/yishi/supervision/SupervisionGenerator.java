package org.yishi.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yishi.audit.Audit;
import org.yishi.supervision.reports.Cycle;

/**
 * Fills the database with many supervised items and progress reports for the benchmarks (issue 5, "Speed"), set-based
 * in SQL: no row passes through Java. The data look like a district supervision office's ledger over five years:
 *
 * <ul>
 *   <li>items received over the 5 years before {@code today}, a little more each year, serially numbered per year;
 *       deadlines 10 to 180 days after receipt (a year for recurring items);</li>
 *   <li>lead units skewed (a few units carry many items), about a third with 1–3 co-operating units; a responsible
 *       leader for 9 in 10; sources, priorities and reply requirements mixed;</li>
 *   <li>states that follow the dates: items long past their deadline are nearly all closed (about 4 in 5 on time),
 *       recent ones registered, assigned or in progress; a few returned, suspended, or still open long after their
 *       deadline; assignment, acceptance, completion and closing times in that order and never after {@code today};</li>
 *   <li>colours as the warning rule gives them on {@code today} ({@link WarningThresholds#DEFAULT}, working days of
 *       the holiday calendar), for closed items on the day they were closed;</li>
 *   <li>families: every 40th item is a parent of the next three (parts of one task, sharing its dates and state,
 *       for other units, weighted), and the parent's progress is its children's weighted average;</li>
 *   <li>3 % recurring (monthly, quarterly, on the 10th and 25th), with the report obligations the warning sweep
 *       would have created for them, cycle by cycle, with the same numbers, dates, working days and colours (so
 *       that the first sweep on the data has only the next day's work to do);</li>
 *   <li>the step log of every item (register, assign, accept, return, suspend, report completion, close);</li>
 *   <li>exactly the number of progress reports asked for, over the items a unit has accepted, more for items that
 *       ran longer; the last report of a reported or closed item is its completion report; one report per
 *       reported obligation.</li>
 * </ul>
 *
 * <p>Everything drawn comes from a hash of the row number and a seed, so the same arguments give the same data. Items
 * from meeting decisions name the meeting in their source note but link no agenda item: the generated years have no
 * meeting records. Units and leaders missing from the directory are added (a district's usual departments, and
 * twelve fictional leaders). It appends to what is there; it is meant for a database of its own.
 */
@Component
class SupervisionGenerator {

    /** Items per transaction; a multiple of 40, so that each family lies within one batch. */
    static final int BATCH = 100_000;
    static final int SPAN_DAYS = 5 * 365;

    /** Days numbered for the working-day count before the span and after today (deadlines, cycles ahead). */
    private static final int WORKING_DAYS_MARGIN = 1000;
    /** The days of the month on which fixed-day items report. */
    static final List<Integer> FIXED_DAYS = List.of(10, 25);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Audit audit;
    private final HolidayCalendar calendar;

    SupervisionGenerator(JdbcClient jdbc, PlatformTransactionManager transactions, Audit audit,
            HolidayCalendar calendar) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.audit = audit;
        this.calendar = calendar;
    }

    /** What was generated. */
    record Generated(long items, long reports, long obligations, long coUnits, long steps) {
    }

    /**
     * Generates {@code items} items and {@code reports} progress reports as seen on {@code today}; {@code progress}
     * hears a line after each batch. Reports must be at least one per accepted item's completion; the generator
     * needs no more than that.
     */
    Generated generate(int items, long reports, LocalDate today, int seed, Consumer<String> progress) {
        if (items < 1 || reports < 0) {
            throw new IllegalArgumentException("items must be positive and reports not negative");
        }
        ensureDirectory();
        Long[] units = jdbc.sql("select id from unit order by protocol_rank, id").query(Long.class).list()
                .toArray(Long[]::new);
        Long[] leaders = jdbc.sql("select id from person where name_zh = any(:names) order by id")
                .param("names", LEADERS_ZH).query(Long.class).list().toArray(Long[]::new);
        Map<String, Object> cycles = cycles(today);
        long generatedItems = 0;
        long generatedReports = 0;
        long obligations = 0;
        long coUnits = 0;
        long steps = 0;
        for (int g0 = 0; g0 < items; g0 += BATCH) {
            int g1 = Math.min(items, g0 + BATCH) - 1;
            long batchReports = reports * (g1 + 1L) / items - reports * g0 / items;
            int from = g0;
            Generated batch = transaction.execute(
                    s -> batch(from, g1, items, batchReports, today, seed, units, leaders, cycles));
            generatedItems += batch.items();
            generatedReports += batch.reports();
            obligations += batch.obligations();
            coUnits += batch.coUnits();
            steps += batch.steps();
            progress.accept(String.format("%,d items, %,d progress reports", generatedItems, generatedReports));
        }
        Generated all = new Generated(generatedItems, generatedReports, obligations, coUnits, steps);
        transaction.executeWithoutResult(s -> audit.record("supervision.generate", "supervision_item", null, null,
                Map.of("items", all.items(), "reports", all.reports(), "today", today.toString(), "seed", seed)));
        return all;
    }

    /** Updates the planner's statistics and the visibility map after a bulk load (outside a transaction). */
    void analyze() {
        for (String table : new String[] {"supervision_item", "supervision_co_unit", "supervision_step",
                "report_obligation", "progress_report"}) {
            jdbc.sql("vacuum analyze " + table).update();
        }
    }

    /**
     * The cycles of the generated kinds of regular items (monthly, quarterly, on the 10th and 25th) due over the
     * generated years and a while after {@code today}, on the holiday calendar, as the parameters of
     * {@link #OBLIGATIONS}.
     */
    private Map<String, Object> cycles(LocalDate today) {
        WorkingCalendar days = calendar.calendar();
        List<String> recurrences = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        List<Integer> keys = new ArrayList<>();
        List<LocalDate> starts = new ArrayList<>();
        List<LocalDate> dues = new ArrayList<>();
        List<LocalDate> previousStarts = new ArrayList<>();
        for (Recurrence r : List.of(Recurrence.MONTHLY, Recurrence.QUARTERLY, Recurrence.FIXED_DAYS)) {
            List<Integer> fixedDays = r == Recurrence.FIXED_DAYS ? FIXED_DAYS : List.of();
            String daysText = fixedDays.stream().map(String::valueOf).collect(Collectors.joining(","));
            LocalDate previous = null;
            for (Cycle c : Cycle.dueBetween(r, fixedDays, today.minusDays(SPAN_DAYS + 100), today.plusDays(200), days)) {
                recurrences.add(r.name());
                fixed.add(daysText);
                keys.add(c.key());
                starts.add(c.startsOn());
                dues.add(c.dueOn());
                previousStarts.add(previous == null ? c.startsOn() : previous);
                previous = c.startsOn();
            }
        }
        return Map.of("r", SqlArrays.of(recurrences), "days", SqlArrays.of(fixed), "k", SqlArrays.of(keys),
                "s", SqlArrays.of(starts), "d", SqlArrays.of(dues), "p", SqlArrays.of(previousStarts));
    }

    private Generated batch(int g0, int g1, int n, long reports, LocalDate today, int seed, Long[] units,
            Long[] leaders, Map<String, Object> cycles) {
        functions(seed, today);
        Map<String, Object> p = Map.of("g0", g0, "g1", g1, "n", n, "today", today, "span", SPAN_DAYS,
                "units", units, "leaders", leaders, "fixed", SqlArrays.of(FIXED_DAYS));
        jdbc.sql(STAGE).params(p).update();
        jdbc.sql(SERIALS).update();
        var ids = jdbc.sql(INSERT_ITEMS).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        long lo = ids[0];
        long count = ids[2];
        if (ids[1] - lo + 1 != count || count != g1 - g0 + 1) {
            throw new IllegalStateException("item ids of a batch are not contiguous: another writer is at work");
        }
        jdbc.sql("update gen set id = :lo + g - :g0").param("lo", lo).param("g0", g0).update();
        jdbc.sql("""
                update supervision_item i set parent_id = i.id - gen.g % 40
                from gen where gen.id = i.id and gen.g % 40 between 1 and 3""").update();
        jdbc.sql("""
                update item_serial s set last = greatest(s.last, m.last)
                from (select serial_year, max(serial_number) as last from gen group by serial_year) m
                where s.year = m.serial_year""").update();
        jdbc.sql("""
                insert into item_serial (year, last)
                select serial_year, max(serial_number) from gen group by serial_year
                on conflict (year) do nothing""").update();
        long coUnits = jdbc.sql(CO_UNITS).param("units", units).update();
        long steps = jdbc.sql(STEPS).param("today", today).update();
        long obligations = jdbc.sql(OBLIGATIONS).params(cycles).param("today", today).update();
        long obligationReports = jdbc.sql(OBLIGATION_REPORTS).update();
        long rest = Math.max(0, reports - obligationReports);
        long general = jdbc.sql(REPORTS).param("r", rest).param("today", today).update();
        jdbc.sql(COMPLETION_FULFILS).update();
        jdbc.sql("""
                update supervision_item p set progress = c.progress
                from (select parent_id, round(sum(progress * weight)::numeric / sum(weight))::int as progress
                      from supervision_item where parent_id in (select id from gen where g % 40 = 0)
                      group by parent_id) c
                where p.id = c.parent_id""").update();
        return new Generated(count, obligationReports + general, obligations, coUnits, steps);
    }

    /** Helper functions for this transaction: a repeatable draw in [0, 1) and the working days between two dates. */
    private void functions(int seed, LocalDate today) {
        jdbc.sql("""
                create or replace function pg_temp.u(k bigint, s int) returns float8 language sql immutable as
                $$ select (hashint8extended(k, s + %d) & 2147483647)::float8 / 2147483648.0 $$"""
                .formatted(seed * 1000L)).update();
        workingDays(today);
        String left = "case when seen > deadline then -1 else pg_temp.wd(seen, deadline) end";
        jdbc.sql("""
                create or replace function pg_temp.colour(start date, deadline date, seen date) returns text
                language sql stable as $$ select %s $$"""
                .formatted(WarningThresholds.DEFAULT.sqlCase(left, "pg_temp.wd(start, deadline)"))).update();
    }

    /**
     * pg_temp.wd(a, b): the working days after a up to and including b, as {@link WorkingCalendar#between} counts
     * them on the holiday calendar: the calendar numbers the days of the generated span, and wd subtracts two numbers
     * (an error for a day outside the span, rather than a wrong count).
     */
    private void workingDays(LocalDate today) {
        WorkingCalendar days = calendar.calendar();
        LocalDate first = today.minusDays(SPAN_DAYS + WORKING_DAYS_MARGIN);
        LocalDate last = today.plusDays(WORKING_DAYS_MARGIN);
        List<LocalDate> dates = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        int n = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            n += days.working(d) ? 1 : 0;
            dates.add(d);
            numbers.add(n);
        }
        jdbc.sql("""
                create temp table working_day_number on commit drop as
                select * from unnest(cast(:d as date[]), cast(:n as int[])) w(day, n)""")
                .param("d", SqlArrays.of(dates)).param("n", SqlArrays.of(numbers)).update();
        jdbc.sql("alter table working_day_number add primary key (day)").update();
        jdbc.sql("""
                create or replace function pg_temp.wd(a date, b date) returns int language sql stable as $$
                  select cast(case when b <= a then 0 else
                      (select 1 / count(*) * max(n) from working_day_number where day = b)
                    - (select 1 / count(*) * max(n) from working_day_number where day = a) end as int) $$""").update();
    }

    // ----------------------------------------------------------------------------------------------------- the SQL

    /**
     * One row per item of the batch, with every column and the times the steps log needs. g numbers the items from
     * 0; fam is the family's first row (a parent every 40 rows, its children the next three), whose draws decide the
     * dates and the state, so that a family moves together.
     */
    private static final String STAGE = """
            create temp table gen on commit drop as
            with p as (
                select g, case when g % 40 between 1 and 3 then g - g % 40 else g end as fam, g % 40 = 0 as parent
                from generate_series(:g0, :g1) g
            ), a as materialized (
                select p.*,
                       case when p.fam = p.g and not p.parent and pg_temp.u(g, 10) < 0.03 then
                           (array['MONTHLY', 'MONTHLY', 'MONTHLY', 'QUARTERLY', 'QUARTERLY', 'FIXED_DAYS'])
                               [1 + floor(pg_temp.u(g, 11) * 6)::int] else 'NONE' end as recurrence,
                       -- received: over the span, denser towards today (a little more work each year)
                       cast(:today as date) - floor(:span * (1 - power((p.fam + 0.5) / :n, 0.85)))::int as received_on,
                       (array[10, 15, 20, 30, 30, 30, 45, 60, 60, 90, 90, 120, 180])
                           [1 + floor(pg_temp.u(fam, 2) * 13)::int] as dur
                from p
            ), b as materialized (
                select a.*, a.received_on + case when a.recurrence = 'NONE' then a.dur else 365 end as deadline,
                       pg_temp.u(fam, 7) as s,
                       (array['DECISION', 'DECISION', 'DECISION', 'INSTRUCTION', 'INSTRUCTION', 'INSTRUCTION', 'INSTRUCTION',
                              'HIGHER_TASK', 'HIGHER_TASK'])[1 + floor(pg_temp.u(fam, 16) * 9)::int] as source
                from a
            ), c as materialized (
                select b.*,
                       case
                           when cast(:today as date) - b.deadline > 30 then case when s < .94 then 'CLOSED' when s < .97 then 'IN_PROGRESS'
                               when s < .98 then 'REPORTED' when s < .99 then 'SUSPENDED' else 'ASSIGNED' end
                           when cast(:today as date) - b.deadline > 0 then case when s < .62 then 'CLOSED' when s < .86 then 'IN_PROGRESS'
                               when s < .93 then 'REPORTED' when s < .97 then 'SUSPENDED' else 'ASSIGNED' end
                           when cast(:today as date) - b.received_on <= 2 then case when s < .45 then 'REGISTERED'
                               when s < .95 then 'ASSIGNED' else 'RETURNED' end
                           when cast(:today as date) - b.received_on <= 7 then case when s < .05 then 'REGISTERED'
                               when s < .3 then 'ASSIGNED' when s < .35 then 'RETURNED' else 'IN_PROGRESS' end
                           else case when s < .12 then 'CLOSED' when s < .22 then 'REPORTED' when s < .94 then 'IN_PROGRESS'
                               when s < .96 then 'SUSPENDED' when s < .98 then 'RETURNED' else 'ASSIGNED' end
                       end as state
                from b
            ), d as materialized (
                select c.*,
                       case when c.state <> 'REGISTERED'
                           then least(cast(:today as date), c.received_on + floor(pg_temp.u(fam, 8) * 3)::int) end as assigned_on
                from c
            ), e as materialized (
                select d.*,
                       case when d.state in ('IN_PROGRESS', 'REPORTED', 'CLOSED', 'SUSPENDED')
                           then least(cast(:today as date), d.assigned_on + floor(pg_temp.u(fam, 9) * 4)::int) end as accepted_on
                from d
            ), f as materialized (
                select e.*,
                       case when e.state = 'CLOSED' then greatest(e.accepted_on, least(cast(:today as date),
                           case when pg_temp.u(fam, 12) < 0.8
                               then e.accepted_on + floor(greatest(0, e.deadline - e.accepted_on) * (0.3 + 0.7 * pg_temp.u(fam, 13)))::int
                               else e.deadline + 1 + floor(pg_temp.u(fam, 13) * 45)::int end)) end as closed_on
                from e
            ), h as materialized (
                select f.*,
                       case when f.state = 'CLOSED' then greatest(f.accepted_on, f.closed_on - floor(pg_temp.u(fam, 14) * 3)::int)
                            when f.state = 'REPORTED' then least(cast(:today as date),
                                f.accepted_on + floor(greatest(1, f.deadline - f.accepted_on) * (0.5 + 0.6 * pg_temp.u(fam, 14)))::int)
                       end as done_on,
                       (f.received_on + time '08:30' + make_interval(mins => floor(pg_temp.u(g, 19) * 60)::int))::timestamptz
                           as created,
                       time '08:30' + make_interval(mins => floor(pg_temp.u(g, 20) * 540)::int) as t1,
                       time '08:30' + make_interval(mins => floor(pg_temp.u(g, 21) * 540)::int) as t2
                from f
            )
            select g, fam, parent, cast(null as bigint) as id,
                   extract(year from received_on)::int as serial_year, 0 as serial_number,
                   source, received_on, deadline, dur, state, recurrence,
                   case when recurrence = 'FIXED_DAYS' then cast(:fixed as int[]) end as recurrence_days,
                   (cast(:units as bigint[]))[1 + floor(cardinality(cast(:units as bigint[])) * power(pg_temp.u(g, 5), 1.6))::int] as lead_unit_id,
                   case when pg_temp.u(fam, 6) < 0.9 and cardinality(cast(:leaders as bigint[])) > 0 then
                       (cast(:leaders as bigint[]))[1 + floor(cardinality(cast(:leaders as bigint[])) * pg_temp.u(fam, 17))::int]
                   end as leader_person_id,
                   case when pg_temp.u(g, 15) < 0.05 then 'URGENT' when pg_temp.u(g, 15) < 0.25 then 'HIGH' else 'NORMAL' end as priority,
                   case when g % 40 between 1 and 3 then 1 + floor(pg_temp.u(g, 18) * 5)::int else 1 end as weight,
                   assigned_on, accepted_on, done_on, closed_on,
                   created as created_at,
                   greatest((assigned_on + t1)::timestamptz, created + interval '10 minutes') as assigned_at,
                   greatest((accepted_on + t2)::timestamptz, (assigned_on + t1)::timestamptz + interval '1 minute',
                            created + interval '11 minutes') as accepted_at,
                   greatest((done_on + t1)::timestamptz, (accepted_on + t2)::timestamptz + interval '2 minutes') as done_at,
                   greatest((closed_on + t2)::timestamptz, (done_on + t1)::timestamptz + interval '1 hour',
                            (accepted_on + t2)::timestamptz + interval '2 hours') as closed_at,
                   case when state in ('CLOSED', 'REPORTED') then 100
                        when state in ('IN_PROGRESS', 'SUSPENDED') then least(95, greatest(5, floor(100.0
                            * (cast(:today as date) - accepted_on) / greatest(1, deadline - accepted_on)
                            * (0.5 + 0.6 * pg_temp.u(fam, 22)))::int))
                        else 0 end as progress,
                   case when state in ('IN_PROGRESS', 'REPORTED', 'CLOSED') and pg_temp.u(fam, 23) < 0.06 then 1 else 0 end as sent_back,
                   case when state = 'CLOSED' then pg_temp.colour(assigned_on, deadline, closed_on)
                        else pg_temp.colour(coalesce(assigned_on, received_on), deadline, cast(:today as date)) end as colour,
                   case when assigned_on is not null then pg_temp.wd(assigned_on, deadline) end as working_days_total,
                   (array['推进老旧小区改造', '开展安全生产隐患排查整治', '加快重点项目建设进度', '优化营商环境',
                          '做好防汛抗旱准备工作', '推进农村人居环境整治', '落实就业创业扶持政策', '推进社区养老服务设施建设',
                          '整治城市道路交通秩序', '推进义务教育学校扩容', '做好信访积案化解', '推进河湖长制落实',
                          '开展食品安全专项检查', '推进数字政府建设', '加强耕地保护和粮食生产', '推进垃圾分类工作',
                          '完善基层医疗卫生服务', '做好民生实事项目', '推进招商引资项目落地', '开展文明城市创建',
                          '加强基层党组织建设', '推进乡村振兴示范村建设', '整改巡察反馈问题', '做好森林防火工作'])
                       [1 + floor(pg_temp.u(fam, 24) * 24)::int]
                       || case when g % 40 between 1 and 3 then '（分项' || (g % 40) || '）' else '' end as content,
                   case source
                       when 'DECISION' then '区委常委会' || extract(year from received_on) || '年第'
                           || (1 + floor(extract(doy from received_on) / 15))::int || '次会议决定'
                       when 'INSTRUCTION' then (array['区委主要领导批示', '区政府主要领导批示', '区委分管领导批示'])
                           [1 + floor(pg_temp.u(fam, 25) * 3)::int]
                       else (array['市委督查室交办', '市政府督查室交办', '上级巡视反馈交办'])[1 + floor(pg_temp.u(fam, 25) * 3)::int]
                   end as source_note,
                   (array['每月25日前报送进展情况', '办结后5个工作日内书面报告', '每周五报送工作进展', '按时限报送办理结果'])
                       [1 + floor(pg_temp.u(fam, 26) * 4)::int] as reply_requirements
            from h""";

    /** Serial numbers in order of receipt within each year, after the numbers the year already has. */
    private static final String SERIALS = """
            update gen set serial_number = n.number
            from (select g, coalesce((select last from item_serial s where s.year = gen.serial_year), 0)
                            + row_number() over (partition by serial_year order by received_on, g) as number
                  from gen) n
            where gen.g = n.g""";

    private static final String INSERT_ITEMS = """
            with ins as (
                insert into supervision_item (serial_year, serial_number, source, source_note, content, lead_unit_id,
                       leader_person_id, received_on, deadline, reply_requirements, priority, weight, recurrence,
                       recurrence_days, state, suspended_from, sent_back, progress, colour, start_on, working_days_total,
                       assigned_at, accepted_at, closed_at, created_at, updated_at)
                select serial_year, serial_number, source, source_note, content, lead_unit_id, leader_person_id,
                       received_on, deadline, reply_requirements, priority, weight, recurrence, recurrence_days, state,
                       case when state = 'SUSPENDED' then 'IN_PROGRESS' end, sent_back, progress, colour, assigned_on,
                       working_days_total, case when assigned_on is not null then assigned_at end,
                       case when accepted_on is not null then accepted_at end,
                       case when state = 'CLOSED' then closed_at end, created_at,
                       greatest(created_at, case when assigned_on is not null then assigned_at end, case when accepted_on is not null then accepted_at end,
                                case when done_on is not null then done_at end,
                                case when state = 'CLOSED' then closed_at end)
                from gen order by g
                returning id)
            select min(id), max(id), count(*) from ins""";

    /** A third of the items have one to three co-operating units, never their lead unit, never twice the same. */
    private static final String CO_UNITS = """
            insert into supervision_co_unit (item_id, unit_id)
            select gen.id, (cast(:units as bigint[]))[1 + (array_position(cast(:units as bigint[]), gen.lead_unit_id) - 1
                       + k * (1 + floor(pg_temp.u(g, 31) * greatest(1, (cardinality(cast(:units as bigint[])) - 1) / 3))::int))
                       % cardinality(cast(:units as bigint[]))]
            from gen cross join lateral generate_series(1, case when cardinality(cast(:units as bigint[])) < 4 then 0
                when pg_temp.u(g, 30) < 0.65 then 0 when pg_temp.u(g, 30) < 0.85 then 1
                when pg_temp.u(g, 30) < 0.95 then 2 else 3 end) k""";

    /**
     * The step log: registration, assignment, acceptance, and the steps the state implies, in the order they happened;
     * a send-back, a return or a suspension in between at times between acceptance and completion (or today).
     */
    private static final String STEPS = """
            insert into supervision_step (item_id, at, action, from_state, to_state, reason)
            select s.item_id, s.at, s.action, s.from_state, s.to_state, s.reason
            from (select gen.*, greatest(accepted_at + interval '10 minutes',
                             coalesce(case when state in ('REPORTED', 'CLOSED') then done_at end,
                                      (cast(:today as date) + time '08:00')::timestamptz)) as worked
                  from gen) gen
            cross join lateral (values
                (1, gen.id, created_at, 'register', null, 'REGISTERED', null),
                (2, gen.id, assigned_at, 'assign', 'REGISTERED', 'ASSIGNED', null),
                (3, gen.id, assigned_at + interval '2 hours', 'return', 'ASSIGNED', 'RETURNED', '不属于本单位职责范围，建议交由相关部门办理'),
                (4, gen.id, accepted_at, 'accept', 'ASSIGNED', 'IN_PROGRESS', null),
                (5, gen.id, accepted_at + (worked - accepted_at) * 0.3, 'report-completion', 'IN_PROGRESS', 'REPORTED', null),
                (6, gen.id, accepted_at + (worked - accepted_at) * 0.5, 'send-back', 'REPORTED', 'IN_PROGRESS', '佐证材料不全，请补充后重新报送'),
                (7, gen.id, done_at, 'report-completion', 'IN_PROGRESS', 'REPORTED', null),
                (8, gen.id, accepted_at + (worked - accepted_at) * 0.7, 'suspend', 'IN_PROGRESS', 'SUSPENDED', '因上级政策调整暂缓实施'),
                (9, gen.id, closed_at, 'close', 'REPORTED', 'CLOSED', null)
            ) as s(n, item_id, at, action, from_state, to_state, reason)
            where s.n = 1
               or s.n = 2 and gen.assigned_on is not null
               or s.n = 3 and gen.state = 'RETURNED'
               or s.n = 4 and gen.accepted_on is not null
               or s.n in (5, 6) and gen.sent_back > 0
               or s.n = 7 and gen.state in ('REPORTED', 'CLOSED')
               or s.n = 8 and gen.state = 'SUSPENDED'
               or s.n = 9 and gen.state = 'CLOSED'
            order by s.item_id, s.n""";

    /**
     * The report obligations of the recurring items: the cycles the warning sweep would have created while the item
     * was with its lead unit, from its assignment to its completion report, its suspension, or today — each day the
     * current cycle and the next ({@link ReportObligations#createAhead}) — with the same numbers, dates and working
     * days. The cycles come from {@link Cycle} as :r, :days, :k, :s, :d, and :p (the start of the cycle before).
     * A cycle due before the item's stop was reported (after acceptance, up to three days early), except that one item
     * in ten still owes its latest; the current cycle of a reported or closed item is fulfilled by its completion
     * report ({@link #COMPLETION_FULFILS}). Colours as the sweep left them: of an owed obligation of an item with its
     * unit, on today; of another, on the day its item stopped or it was reported.
     */
    private static final String OBLIGATIONS = """
            with c(recurrence, days, cycle, starts_on, due_on, previous_start) as (
                select * from unnest(cast(:r as text[]), cast(:days as text[]), cast(:k as int[]), cast(:s as date[]),
                                     cast(:d as date[]), cast(:p as date[]))
            ), item as (
                select gen.*,
                       case when state in ('REPORTED', 'CLOSED') then done_on
                            when state = 'SUSPENDED' then (accepted_at
                                + ((cast(:today as date) + time '08:00')::timestamptz - accepted_at) * 0.7)::date
                            when state in ('ASSIGNED', 'IN_PROGRESS') then cast(:today as date) end as stop
                from gen where recurrence <> 'NONE' and assigned_on is not null
            ), o as (
                select item.id, item.g, item.state, item.stop, item.accepted_at, c.cycle, c.due_on,
                       greatest(c.starts_on, item.assigned_on) as starts_on,
                       c.due_on < item.stop and item.accepted_on is not null
                           and (item.state in ('REPORTED', 'CLOSED') or pg_temp.u(item.g, 40) >= 0.1
                                or c.due_on < max(c.due_on) filter (where c.due_on < item.stop) over (partition by item.id))
                           as reported
                from item join c on c.recurrence = item.recurrence
                                and c.days = coalesce(array_to_string(item.recurrence_days, ','), '')
                where item.stop is not null and c.due_on > item.assigned_on and c.previous_start < item.stop
            ), r as (
                select o.*, case when o.reported then greatest(o.accepted_at + interval '1 minute',
                           (o.due_on - floor(pg_temp.u(o.g * 1000 + o.cycle % 1000, 41) * 4)::int + time '10:00')::timestamptz)
                       end as reported_at
                from o
            )
            insert into report_obligation (item_id, cycle, starts_on, due_on, working_days_total, reported_at, colour)
            select r.id, r.cycle, r.starts_on, r.due_on, pg_temp.wd(r.starts_on, r.due_on), r.reported_at,
                   pg_temp.colour(r.starts_on, r.due_on, case when r.reported_at is not null then r.reported_at::date
                                                              when r.state in ('ASSIGNED', 'IN_PROGRESS') then cast(:today as date)
                                                              else r.stop end)
            from r order by r.id, r.due_on""";

    /** One progress report for each reported obligation, numbered in the item's order, percentages rising. */
    private static final String OBLIGATION_REPORTS = """
            insert into progress_report (item_id, obligation_id, at, text, percent)
            select o.item_id, o.id, o.reported_at, '按期报送' || o.period || '工作进展：' ||
                   (array['各项工作按计划推进', '已完成本期目标任务', '阶段性任务基本完成，个别事项正在协调'])
                       [1 + floor(pg_temp.u(o.id, 42) * 3)::int],
                   round(o.progress * o.n::numeric / max(o.n) over (partition by o.item_id))::int
            from (select o.*, gen.progress, row_number() over (partition by o.item_id order by o.due_on) as n,
                         case when o.cycle >= 10000000 then to_char(to_date(o.cycle::text, 'YYYYMMDD'), 'YYYY"年"FMMM"月"FMDD"日"')
                              when o.cycle >= 100000 then (o.cycle / 100) || '年' || (o.cycle % 100) || '月'
                              else (o.cycle / 10) || '年第' || (o.cycle % 10) || '季度' end as period
                  from report_obligation o join gen on gen.id = o.item_id) o
            where o.reported_at is not null
            order by o.id""";

    /**
     * A completion report fulfils the oldest obligation of its item whose cycle had begun and was still owed, as
     * {@link ReportObligations#fulfil} does.
     */
    private static final String COMPLETION_FULFILS = """
            with f as (
                select distinct on (r.id) r.id as report_id, o.id as obligation_id, r.at
                from progress_report r
                join gen on gen.id = r.item_id
                join report_obligation o on o.item_id = r.item_id and o.reported_at is null and o.starts_on <= r.at::date
                where r.completion
                order by r.id, o.due_on, o.cycle
            ), fulfilled as (
                update report_obligation o set reported_at = f.at from f where o.id = f.obligation_id returning o.id)
            update progress_report r set obligation_id = f.obligation_id from f where r.id = f.report_id""";

    /**
     * The other reports, exactly :r of them: one for each accepted item (its completion report when it is reported
     * or closed), the rest shared out in proportion to how long each ran. Times between acceptance and completion
     * (or today), percentages rising to the item's progress.
     */
    private static final String REPORTS = """
            with eligible as (
                select gen.*, (1 + least(greatest(coalesce(done_on, cast(:today as date)) - accepted_on, 0), 400) / 20.0
                                * (0.5 + pg_temp.u(g, 50)::numeric))::numeric(20, 6) as w,
                       row_number() over (order by g) as rn, count(*) over () as e
                from gen where accepted_on is not null
            ), shared as (
                select eligible.*, sum(w) over (order by g) as cw, sum(w) over () as total from eligible
            ), counted as (
                select shared.*,
                       case when :r >= e then 1 + floor((:r - e) * cw / total) - floor((:r - e) * (cw - w) / total)
                            when rn <= :r then 1 else 0 end as c
                from shared
            )
            insert into progress_report (item_id, at, text, percent, completion)
            select id,
                   accepted_at + (coalesce(case when state in ('REPORTED', 'CLOSED') then done_at end,
                                           greatest(accepted_at, (cast(:today as date) + time '08:00')::timestamptz))
                                  - accepted_at) * (k::float8 / c::float8),
                   case when k = c and state in ('REPORTED', 'CLOSED') then
                       (array['已按要求全部完成，现报请销号', '任务已办结，相关佐证材料一并报送', '已完成整改并通过验收，申请销号'])
                           [1 + floor(pg_temp.u(g * 64 + k, 52) * 3)::int]
                   else (array['已召开专题会议研究部署，明确责任分工', '已制定工作方案，正在组织实施', '已完成现场调研，形成初步意见',
                               '主体工作已完成过半，正在推进剩余事项', '已协调相关单位解决资金问题', '正在开展督导检查，发现问题已督促整改',
                               '已完成阶段性目标，下一步将加快推进', '因天气原因进度稍有滞后，已采取措施追赶'])
                           [1 + floor(pg_temp.u(g * 64 + k, 51) * 8)::int] end,
                   case when k = c and state in ('REPORTED', 'CLOSED') then 100 else round(progress * k::numeric / c)::int end,
                   k = c and state in ('REPORTED', 'CLOSED')
            from counted cross join lateral generate_series(1, c::int) k
            order by id, k""";

    // ----------------------------------------------------------------------------------------------- the directory

    static final String[] LEADERS_ZH = {"李明华", "王建国", "陈晓东", "刘志强", "张丽萍", "杨光辉", "赵文斌", "黄海涛",
            "周立新", "吴静", "孙卫东", "马俊"};
    private static final String[] LEADERS_ROMANIZED = {"Li Minghua", "Wang Jianguo", "Chen Xiaodong", "Liu Zhiqiang",
            "Zhang Liping", "Yang Guanghui", "Zhao Wenbin", "Huang Haitao", "Zhou Lixin", "Wu Jing", "Sun Weidong", "Ma Jun"};

    /** A district's usual departments: name, English name, short name. */
    private static final String[][] UNITS = {
            {"区委办公室", "General Office of the District Party Committee", "区委办"},
            {"区政府办公室", "General Office of the District Government", "区政府办"},
            {"区委组织部", "Organisation Department of the District Party Committee", "区委组织部"},
            {"区委宣传部", "Publicity Department of the District Party Committee", "区委宣传部"},
            {"区委政法委员会", "Political and Legal Affairs Commission of the District Party Committee", "区委政法委"},
            {"区发展和改革局", "District Development and Reform Bureau", "区发改局"},
            {"区教育局", "District Education Bureau", "区教育局"},
            {"区科学技术和工业信息化局", "District Bureau of Science, Technology, Industry and Information Technology", "区科工信局"},
            {"区民政局", "District Civil Affairs Bureau", "区民政局"},
            {"区司法局", "District Justice Bureau", "区司法局"},
            {"区财政局", "District Finance Bureau", "区财政局"},
            {"区人力资源和社会保障局", "District Human Resources and Social Security Bureau", "区人社局"},
            {"区自然资源分局", "District Natural Resources Branch", "区自然资源分局"},
            {"区生态环境分局", "District Ecology and Environment Branch", "区生态环境分局"},
            {"区住房和城乡建设局", "District Housing and Urban-Rural Development Bureau", "区住建局"},
            {"区交通运输局", "District Transport Bureau", "区交通局"},
            {"区水利局", "District Water Resources Bureau", "区水利局"},
            {"区农业农村局", "District Agriculture and Rural Affairs Bureau", "区农业农村局"},
            {"区商务局", "District Commerce Bureau", "区商务局"},
            {"区文化广电旅游体育局", "District Bureau of Culture, Radio, Television, Tourism and Sports", "区文广旅体局"},
            {"区卫生健康局", "District Health Bureau", "区卫健局"},
            {"区退役军人事务局", "District Veterans Affairs Bureau", "区退役军人局"},
            {"区应急管理局", "District Emergency Management Bureau", "区应急局"},
            {"区审计局", "District Audit Bureau", "区审计局"},
            {"区市场监督管理局", "District Market Regulation Bureau", "区市场监管局"},
            {"区统计局", "District Statistics Bureau", "区统计局"},
            {"区医疗保障局", "District Healthcare Security Bureau", "区医保局"},
            {"区城市管理局", "District Urban Management Bureau", "区城管局"},
            {"区信访局", "District Bureau of Letters and Calls", "区信访局"},
            {"区数据资源局", "District Data Resources Bureau", "区数据局"},
            {"区行政审批局", "District Administrative Approval Bureau", "区行政审批局"},
            {"区总工会", "District Federation of Trade Unions", "区总工会"},
            {"区妇女联合会", "District Women's Federation", "区妇联"},
            {"区残疾人联合会", "District Disabled Persons' Federation", "区残联"},
            {"区科学技术协会", "District Association for Science and Technology", "区科协"},
            {"城关街道办事处", "Chengguan Subdistrict Office", "城关街道"},
            {"东城街道办事处", "Dongcheng Subdistrict Office", "东城街道"},
            {"西城街道办事处", "Xicheng Subdistrict Office", "西城街道"},
            {"南湖镇人民政府", "Nanhu Town Government", "南湖镇"},
            {"北山镇人民政府", "Beishan Town Government", "北山镇"}};

    /** Adds the departments and leaders the directory lacks; what is there is left as it is. */
    private void ensureDirectory() {
        transaction.executeWithoutResult(s -> {
            for (int i = 0; i < UNITS.length; i++) {
                jdbc.sql("""
                        insert into unit (name_zh, name_en, short_name_zh, protocol_rank) values (:zh, :en, :short, :rank)
                        on conflict (name_zh) do nothing""").param("zh", UNITS[i][0]).param("en", UNITS[i][1])
                        .param("short", UNITS[i][2]).param("rank", 1000 + i * 10).update();
            }
            for (int i = 0; i < LEADERS_ZH.length; i++) {
                jdbc.sql("""
                        insert into person (name_zh, name_romanized) select :zh, :ro
                        where not exists (select 1 from person where name_zh = :zh)""")
                        .param("zh", LEADERS_ZH[i]).param("ro", LEADERS_ROMANIZED[i]).update();
            }
        });
    }
}
