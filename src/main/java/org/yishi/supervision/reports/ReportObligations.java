package org.yishi.supervision.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yishi.supervision.Colour;
import org.yishi.supervision.Recurrence;
import org.yishi.supervision.SqlArrays;
import org.yishi.supervision.WorkingCalendar;

/**
 * The report obligations of regular items, one per item and cycle: created ahead by the sweep for the current and the
 * next cycle while the item is with its lead unit (assigned or in progress), never after it is closed; fulfilled by
 * the lead unit's progress report.
 */
@Repository
public class ReportObligations {

    private final JdbcClient jdbc;

    ReportObligations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ReportObligation> of(long itemId) {
        return jdbc.sql("""
                select o.id, o.item_id, o.cycle, o.starts_on, o.due_on, o.working_days_total, o.colour, o.reported_at,
                       (select min(r.id) from progress_report r where r.obligation_id = o.id) as report_id
                from report_obligation o where o.item_id = :i order by o.due_on, o.cycle""").param("i", itemId)
                .query((rs, n) -> {
                    OffsetDateTime reported = rs.getObject("reported_at", OffsetDateTime.class);
                    return new ReportObligation(rs.getLong("id"), rs.getLong("item_id"), rs.getInt("cycle"),
                            Cycle.period(rs.getInt("cycle")), rs.getObject("starts_on", LocalDate.class),
                            rs.getObject("due_on", LocalDate.class), (Integer) rs.getObject("working_days_total"),
                            Colour.valueOf(rs.getString("colour")), reported == null ? null : reported.toInstant(),
                            (Long) rs.getObject("report_id"));
                }).list();
    }

    /**
     * Lets a progress report fulfil the item's oldest obligation whose cycle has begun by {@code today}; returns it,
     * or null when none is owed.
     */
    public Long fulfil(long itemId, long reportId, LocalDate today) {
        Long id = jdbc.sql("""
                select id from report_obligation where item_id = :i and reported_at is null and starts_on <= :today
                order by due_on, cycle limit 1 for update""").param("i", itemId).param("today", today)
                .query(Long.class).optional().orElse(null);
        if (id != null) {
            jdbc.sql("update report_obligation set reported_at = now() where id = :id").param("id", id).update();
            jdbc.sql("update progress_report set obligation_id = :o where id = :r").param("o", id).param("r", reportId)
                    .update();
        }
        return id;
    }

    /**
     * Creates the current and the next cycle's obligation of every recurring item with its lead unit, where missing;
     * the first cycle of an item starts on the day it was assigned. Returns how many were created.
     */
    public int createAhead(LocalDate today, WorkingCalendar calendar) {
        record Kind(String recurrence, String days) {
        }
        List<Kind> kinds = jdbc.sql("""
                select distinct recurrence, coalesce(array_to_string(recurrence_days, ','), '') as days
                from supervision_item where recurrence <> 'NONE' and state in ('ASSIGNED', 'IN_PROGRESS')""")
                .query(Kind.class).list();
        List<String> recurrences = new ArrayList<>();
        List<String> days = new ArrayList<>();
        List<Integer> keys = new ArrayList<>();
        List<LocalDate> starts = new ArrayList<>();
        List<LocalDate> dues = new ArrayList<>();
        List<Integer> totals = new ArrayList<>();
        for (Kind k : kinds) {
            List<Integer> fixed = k.days().isEmpty() ? List.of()
                    : java.util.Arrays.stream(k.days().split(",")).map(Integer::valueOf).toList();
            for (Cycle c : Cycle.currentAndNext(Recurrence.valueOf(k.recurrence()), fixed, today, calendar)) {
                recurrences.add(k.recurrence());
                days.add(k.days());
                keys.add(c.key());
                starts.add(c.startsOn());
                dues.add(c.dueOn());
                totals.add(calendar.between(c.startsOn(), c.dueOn()));
            }
        }
        if (keys.isEmpty()) {
            return 0;
        }
        int created = jdbc.sql("""
                insert into report_obligation (item_id, cycle, starts_on, due_on, working_days_total)
                select i.id, c.cycle, greatest(c.starts_on, i.start_on), c.due_on,
                       case when i.start_on > c.starts_on then null else c.total end
                from supervision_item i
                join unnest(cast(:r as text[]), cast(:days as text[]), cast(:k as int[]), cast(:s as date[]),
                            cast(:d as date[]), cast(:t as int[])) c(recurrence, days, cycle, starts_on, due_on, total)
                  on c.recurrence = i.recurrence and c.days = coalesce(array_to_string(i.recurrence_days, ','), '')
                where i.recurrence <> 'NONE' and i.state in ('ASSIGNED', 'IN_PROGRESS') and i.start_on is not null
                  and c.due_on > i.start_on
                  and not exists (select 1 from report_obligation o
                                  where o.item_id = i.id and (o.cycle = c.cycle or o.due_on = c.due_on))
                on conflict (item_id, cycle) do nothing""")
                .param("r", SqlArrays.of(recurrences)).param("days", SqlArrays.of(days)).param("k", SqlArrays.of(keys))
                .param("s", SqlArrays.of(starts)).param("d", SqlArrays.of(dues)).param("t", SqlArrays.of(totals))
                .update();
        countFromStart(calendar);
        return created;
    }

    /**
     * Counts the working days of obligations that start on their item's assignment day rather than a cycle's, and of
     * obligations recorded without their start (e.g. loaded in bulk): those start when the item's previous obligation
     * was due, or when the item was assigned.
     */
    private void countFromStart(WorkingCalendar calendar) {
        record Span(LocalDate startsOn, LocalDate dueOn) {
        }
        jdbc.sql("""
                update report_obligation o set starts_on = coalesce(
                    (select max(p.due_on) from report_obligation p where p.item_id = o.item_id and p.due_on < o.due_on),
                    (select least(i.start_on, o.due_on) from supervision_item i where i.id = o.item_id),
                    o.due_on)
                where o.working_days_total is null and o.starts_on is null""").update();
        List<Span> spans = jdbc.sql("""
                select distinct starts_on, due_on from report_obligation where working_days_total is null""")
                .query(Span.class).list();
        if (spans.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update report_obligation o set working_days_total = c.total
                from unnest(cast(:s as date[]), cast(:d as date[]), cast(:t as int[])) c(starts_on, due_on, total)
                where o.working_days_total is null and o.starts_on = c.starts_on and o.due_on = c.due_on""")
                .param("s", SqlArrays.of(spans.stream().map(Span::startsOn).toList()))
                .param("d", SqlArrays.of(spans.stream().map(Span::dueOn).toList()))
                .param("t", SqlArrays.of(spans.stream().map(s -> calendar.between(s.startsOn(), s.dueOn())).toList()))
                .update();
    }
}
