package org.yishi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yishi.YishiIntegrationTest;
import org.yishi.supervision.warnings.WarningSweep;

/**
 * The benchmark data generator at a small size (1,000 items, 5,000 reports, as seen on 24 November 2026 with a
 * holiday calendar): exactly what was asked, and data that hold together as the workflow would have left them —
 * states and times in order, colours as the warning rule gives them, families, recurring items with their
 * obligations, completion reports, the step log.
 */
@YishiIntegrationTest({"yishi.demo-data=off", "yishi.test.database=generator", "yishi.supervision.sweep-cron=-",
        "yishi.supervision.sweep-at-start=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisionGeneratorIntegrationTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SupervisionGenerator generator;

    @Autowired
    Supervision supervision;

    @Autowired
    WarningSweep sweep;

    private SupervisionGenerator.Generated generated;
    private final List<String> progress = new ArrayList<>();

    @BeforeAll
    void generate() {
        // National Day week off, and the Sunday before it worked (调休), as the office's calendar records them
        jdbc.sql("""
                insert into calendar_day (day, working, note)
                select d::date, false, '国庆节' from generate_series(date '2026-10-01', date '2026-10-07', interval '1 day') d
                union all select date '2026-09-27', true, '国庆节调休'
                union all select date '2026-11-02', false, '本地假日'
                on conflict (day) do update set working = excluded.working, note = excluded.note""").update();
        generated = generator.generate(1000, 5000, TODAY, 7, progress::add);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void exactlyTheItemsAndReportsAskedFor() {
        assertThat(generated.items()).isEqualTo(1000);
        assertThat(generated.reports()).isEqualTo(5000);
        assertThat(count("select count(*) from supervision_item")).isEqualTo(1000);
        assertThat(count("select count(*) from progress_report")).isEqualTo(5000);
        assertThat(count("select count(*) from report_obligation")).isEqualTo(generated.obligations()).isPositive();
        assertThat(count("select count(*) from supervision_co_unit")).isEqualTo(generated.coUnits());
        assertThat(count("select count(*) from supervision_step")).isEqualTo(generated.steps());
        assertThat(progress).containsExactly("1,000 items, 5,000 progress reports");
        assertThat(count("select count(*) from audit_entry where action = 'supervision.generate'")).isEqualTo(1);
        // the dashboard's tally of closed items, kept by triggers, agrees with the items
        assertThat(count("""
                select count(*) from (
                    select lead_unit_id, date_trunc('month', closed_at)::date as month,
                           closed_at < (deadline + 1)::timestamptz as on_time, count(*) as closed
                    from supervision_item where state = 'CLOSED' group by 1, 2, 3) i
                full join (select * from supervision_closed_tally where closed <> 0) t
                    using (lead_unit_id, month, on_time)
                where i.closed is distinct from t.closed""")).isZero();
    }

    @Test
    void itemsSpreadOverFiveYearsWithSerialNumbersPerYearInOrderOfReceipt() {
        assertThat(count("select min(received_on) - date '2026-11-24' from supervision_item")).isLessThan(-1700);
        assertThat(count("select count(*) from supervision_item where received_on > date '2026-11-24'")).isZero();
        assertThat(count("select count(distinct serial_year) from supervision_item")).isBetween(5L, 6L);
        // numbers 1..n in each year, in order of receipt, and the year's counter at n
        assertThat(count("""
                select count(*) from (select serial_year, serial_number, row_number() over (partition by serial_year
                       order by received_on, serial_number) as n from supervision_item) s
                where serial_number <> n""")).isZero();
        assertThat(count("""
                select count(*) from (select serial_year, max(serial_number) m from supervision_item group by 1) s
                join item_serial i on i.year = s.serial_year where i.last <> s.m""")).isZero();
        assertThat(count("select count(distinct lead_unit_id) from supervision_item")).isGreaterThan(20);
        assertThat(count("select count(*) from person where name_zh = '李明华'")).isEqualTo(1);
        assertThat(count("select count(*) from supervision_item where leader_person_id is null")).isBetween(50L, 200L);
    }

    @Test
    void statesFollowTheDatesAndTheStepsHappenInOrder() {
        Map<String, Long> states = new java.util.HashMap<>();
        jdbc.sql("select state, count(*) from supervision_item group by state")
                .query((rs, n) -> states.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(states.get("CLOSED")).isBetween(700L, 950L);
        assertThat(states.keySet()).contains("IN_PROGRESS", "ASSIGNED", "REPORTED", "SUSPENDED");
        // times in order, present exactly when the state needs them
        assertThat(count("""
                select count(*) from supervision_item where
                    (state = 'REGISTERED') <> (assigned_at is null)
                 or (state in ('IN_PROGRESS', 'REPORTED', 'CLOSED', 'SUSPENDED')) <> (accepted_at is not null)
                 or (state = 'CLOSED') <> (closed_at is not null)
                 or assigned_at < created_at or accepted_at <= assigned_at or closed_at <= accepted_at
                 or (state = 'SUSPENDED') <> (suspended_from is not null)
                 or start_on <> (assigned_at at time zone current_setting('TimeZone'))::date
                 or (closed_at at time zone current_setting('TimeZone'))::date > date '2026-11-24'
                 or (state in ('CLOSED', 'REPORTED')) <> (progress = 100)""")).isZero();
        // nearly every item long past its deadline is closed; about four in five of the closed ones on time
        long old = count("select count(*) from supervision_item where deadline < date '2026-11-24' - 30");
        long oldClosed = count("select count(*) from supervision_item where deadline < date '2026-11-24' - 30 and state = 'CLOSED'");
        assertThat((double) oldClosed / old).isGreaterThan(0.85);
        long onTime = count("select count(*) from supervision_item where state = 'CLOSED' and closed_at < (deadline + 1)::timestamptz");
        assertThat((double) onTime / states.get("CLOSED")).isBetween(0.65, 0.92);
        // the step log tells the same story
        assertThat(count("""
                select count(*) from supervision_item i where
                    not exists (select 1 from supervision_step s where s.item_id = i.id and s.action = 'register')
                 or (i.state = 'CLOSED') <> exists (select 1 from supervision_step s where s.item_id = i.id and s.action = 'close')
                 or (i.accepted_at is not null) <> exists (select 1 from supervision_step s where s.item_id = i.id and s.action = 'accept')
                 or (select s.to_state from supervision_step s where s.item_id = i.id order by s.at desc, s.id desc limit 1)
                    <> i.state""")).isZero();
    }

    @Test
    void coloursAreWhatTheWarningRuleGivesOnTheHolidayCalendar() {
        WorkingCalendar calendar = supervision.calendar();
        record Row(long id, String state, LocalDate received, LocalDate start, LocalDate deadline, OffsetDateTime closed,
                String colour, Integer total) {
        }
        List<Row> rows = jdbc.sql("""
                select id, state, received_on as received, start_on as start, deadline, closed_at as closed, colour,
                       working_days_total as total
                from supervision_item""").query(Row.class).list();
        List<String> wrong = new ArrayList<>();
        for (Row r : rows) {
            LocalDate seen = r.closed() == null ? TODAY : r.closed().atZoneSameInstant(ItemRows.ZONE).toLocalDate();
            LocalDate start = r.start() != null ? r.start() : r.received();
            Colour expected = WarningThresholds.DEFAULT.colour(calendar, start, r.deadline(), seen);
            if (!expected.name().equals(r.colour())) {
                wrong.add(r.id() + " " + r.state() + " " + start + ".." + r.deadline() + " seen " + seen + ": " + r.colour()
                        + ", expected " + expected);
            }
            if (r.start() != null && r.total() != calendar.between(r.start(), r.deadline())) {
                wrong.add(r.id() + " working days " + r.total() + ", expected " + calendar.between(r.start(), r.deadline()));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(rows.stream().map(Row::colour).distinct()).contains("GREEN", "YELLOW", "ORANGE", "RED");
    }

    @Test
    void familiesRecurringItemsAndCoOperatingUnits() {
        // every 40th item leads a family of three children that share its dates and state; its progress is theirs
        assertThat(count("select count(*) from supervision_item where parent_id is not null")).isEqualTo(75);
        assertThat(count("""
                select count(*) from supervision_item c join supervision_item p on p.id = c.parent_id
                where c.deadline <> p.deadline or c.state <> p.state or p.parent_id is not null""")).isZero();
        assertThat(count("""
                select count(*) from supervision_item p
                where p.progress <> (select round(sum(c.progress * c.weight)::numeric / sum(c.weight))
                                     from supervision_item c where c.parent_id = p.id)""")).isZero();
        // co-operating units: never the lead unit, one to three
        assertThat(count("""
                select count(*) from supervision_co_unit c join supervision_item i on i.id = c.item_id
                where c.unit_id = i.lead_unit_id""")).isZero();
        assertThat(count("select max(n) from (select count(*) n from supervision_co_unit group by item_id) s")).isLessThanOrEqualTo(3);
        assertThat(count("select count(distinct item_id) from supervision_co_unit")).isBetween(250L, 450L);
        // recurring items: obligations numbered by their cycles, one after another from the item's assignment, each
        // starting when the one before was due, counted in working days; reported ones with their report
        assertThat(count("select count(*) from supervision_item where recurrence <> 'NONE'")).isBetween(10L, 60L);
        assertThat(count("select count(distinct item_id) from report_obligation")).isBetween(10L, 60L);
        assertThat(count("""
                select count(*) from (select o.*, lag(due_on) over (partition by item_id order by due_on) as previous,
                                             lag(cycle) over (partition by item_id order by due_on) as previous_cycle
                                      from report_obligation o) o
                join supervision_item i on i.id = o.item_id
                where i.recurrence = 'NONE' or o.working_days_total is null or o.starts_on < i.start_on
                   or o.due_on <= i.start_on or o.starts_on <> coalesce(o.previous, o.starts_on)
                   or o.cycle <= o.previous_cycle
                   or case i.recurrence when 'MONTHLY' then o.cycle <> extract(year from o.due_on) * 100 + extract(month from o.due_on)
                                        when 'QUARTERLY' then o.cycle <> extract(year from o.due_on) * 10 + extract(quarter from o.due_on)
                                        else o.cycle / 100 % 100 not between 1 and 12 or o.cycle % 100 not in (10, 25) end""")).isZero();
        assertThat(count("""
                select count(*) from report_obligation o where (o.reported_at is not null)
                    <> exists (select 1 from progress_report r where r.obligation_id = o.id)""")).isZero();
        // some still owed: coloured, and red once their day has passed
        assertThat(count("""
                select count(*) from report_obligation o join supervision_item i on i.id = o.item_id
                where o.reported_at is null and i.state in ('ASSIGNED', 'IN_PROGRESS')""")).isPositive();
        assertThat(count("""
                select count(*) from report_obligation o join supervision_item i on i.id = o.item_id
                where o.reported_at is null and i.state in ('ASSIGNED', 'IN_PROGRESS')
                  and (o.due_on < date '2026-11-24') <> (o.colour = 'RED')""")).isZero();
    }

    @Test
    @Order(Integer.MAX_VALUE - 1) // after the others, which count what was generated; before the second run
    void theWarningSweepOnTheDataDayFindsNothingToDo() {
        // the data are as the sweep would have left them on that day: no obligation to create, no colour to change
        WarningSweep.Result result = sweep.sweep(TODAY);
        assertThat(result.swept()).isTrue();
        assertThat(result.obligationsCreated()).isZero();
        assertThat(result.itemsRecoloured()).isZero();
        assertThat(result.obligationsRecoloured()).isZero();
        assertThat(result.notices()).isZero();
    }

    @Test
    void reportsBelongToAcceptedItemsAndEndInTheCompletionReport() {
        assertThat(count("""
                select count(*) from supervision_item i where (i.accepted_at is not null)
                    <> exists (select 1 from progress_report r where r.item_id = i.id)""")).isZero();
        assertThat(count("select count(*) from progress_report r join supervision_item i on i.id = r.item_id where r.at < i.accepted_at"))
                .isZero();
        // a reported or closed item has one completion report, at 100 %, its last; no other item has one
        assertThat(count("""
                select count(*) from supervision_item i where
                    (select count(*) from progress_report r where r.item_id = i.id and r.completion)
                    <> case when i.state in ('REPORTED', 'CLOSED') then 1 else 0 end""")).isZero();
        assertThat(count("""
                select count(*) from progress_report r join supervision_item i on i.id = r.item_id
                where r.completion and (r.percent <> 100 or exists (select 1 from progress_report later
                    where later.item_id = r.item_id and later.at > r.at and later.obligation_id is null))""")).isZero();
    }

    @Test
    @Order(Integer.MAX_VALUE) // after the others, which count what the first run made
    void aSecondRunAppendsAfterTheNumbersAlreadyGiven() {
        long before = count("select count(*) from supervision_item");
        long last = count("select last from item_serial where year = 2026");
        var more = generator.generate(80, 300, TODAY, 8, line -> { });

        assertThat(more.items()).isEqualTo(80);
        assertThat(more.reports()).isEqualTo(300);
        assertThat(count("select count(*) from supervision_item")).isEqualTo(before + 80);
        assertThat(count("select last from item_serial where year = 2026")).isGreaterThan(last);
        assertThat(count("select count(*) from unit")).isEqualTo(count("select count(distinct name_zh) from unit"));
    }
}
