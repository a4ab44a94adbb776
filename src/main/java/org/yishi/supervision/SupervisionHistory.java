package org.yishi.supervision;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.audit.Audit;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Violation;

/**
 * An item's past, taken over from earlier records: the office takes an item through its steps with the workflow
 * ({@link Supervision}), then dates each step on the day it was really taken — an office moving its paper ledger in,
 * or the demo telling its stories. Dating a step moves what that step set with it: an assignment's start day and the
 * working days it leaves, an acceptance's or a close's time, an extension request's time. A step is never dated in
 * the future nor before the step that came before it, so the log keeps its order; each dating is audited.
 */
@Service
@Transactional
public class SupervisionHistory {

    private final JdbcClient jdbc;
    private final Supervision supervision;
    private final Audit audit;
    private final Clock clock;

    SupervisionHistory(JdbcClient jdbc, Supervision supervision, Audit audit, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.supervision = supervision;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    private record Step(long id, String action, OffsetDateTime at, OffsetDateTime previous) {
    }

    /** Dates the item's newest step (and what it set) at {@code at}. */
    public void dateLastStep(Viewer office, long itemId, OffsetDateTime at) {
        office.require(Permission.SUPERVISION_MANAGE);
        SupervisionItem item = supervision.item(office, itemId);
        Step step = jdbc.sql("""
                select s.id, s.action, s.at,
                       (select max(p.at) from supervision_step p where p.item_id = s.item_id and p.id < s.id) as previous
                from supervision_step s where s.item_id = :i order by s.id desc limit 1""")
                .param("i", itemId).query(Step.class).optional()
                .orElseThrow(() -> new NotFound("kind.supervision-item", itemId));
        backwards("at", at, step.previous());
        jdbc.sql("update supervision_step set at = :t where id = :id").param("t", at).param("id", step.id()).update();
        switch (step.action()) {
            case "assign" -> item(itemId, "assigned_at = :t, start_on = :d, working_days_total = :w", Map.of("t", at,
                    "d", at.toLocalDate(), "w", supervision.calendar().between(at.toLocalDate(), item.deadline())));
            case "accept" -> item(itemId, "accepted_at = :t", Map.of("t", at));
            case "close" -> item(itemId, "closed_at = :t", Map.of("t", at));
            case "request-extension" -> jdbc.sql("""
                    update extension_request set requested_at = :t where item_id = :i and state = 'REQUESTED'""")
                    .param("t", at).param("i", itemId).update();
            default -> {
                // the other steps set nothing beside the step's own time
            }
        }
        audit.record("supervision.date-step", "supervision_item", String.valueOf(itemId),
                Map.of("step", step.action(), "at", step.at().toString()), Map.of("step", step.action(), "at",
                        at.toString()));
    }

    /** Dates the item's newest progress (or completion) report at {@code at}. */
    public void dateLastReport(Viewer office, long itemId, OffsetDateTime at) {
        office.require(Permission.SUPERVISION_MANAGE);
        supervision.item(office, itemId);
        Step report = jdbc.sql("""
                select r.id, 'report' action, r.at,
                       (select max(p.at) from progress_report p where p.item_id = r.item_id and p.id < r.id) as previous
                from progress_report r where r.item_id = :i order by r.id desc limit 1""")
                .param("i", itemId).query(Step.class).optional()
                .orElseThrow(() -> new NotFound("kind.progress-report", itemId));
        backwards("at", at, report.previous());
        jdbc.sql("update progress_report set at = :t where id = :id").param("t", at).param("id", report.id()).update();
        audit.record("supervision.date-report", "supervision_item", String.valueOf(itemId),
                Map.of("at", report.at().toString()), Map.of("at", at.toString()));
    }

    /** Refuses a time in the future, or before the step that came before it. */
    private void backwards(String field, OffsetDateTime at, OffsetDateTime previous) {
        if (at.toInstant().isAfter(clock.instant())) {
            throw new InvalidInput(Violation.of(field, "supervision.history.future", at.toLocalDate()));
        }
        if (previous != null && at.toInstant().isBefore(previous.toInstant())) {
            throw new InvalidInput(Violation.of(field, "supervision.history.before-previous", at.toLocalDate(),
                    previous.toLocalDate()));
        }
    }

    private void item(long itemId, String set, Map<String, Object> params) {
        var sql = jdbc.sql("update supervision_item set " + set + " where id = :i").param("i", itemId);
        for (var p : params.entrySet()) {
            sql = sql.param(p.getKey(), p.getValue());
        }
        sql.update();
    }
}
