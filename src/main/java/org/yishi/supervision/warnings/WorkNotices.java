package org.yishi.supervision.warnings;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yishi.supervision.SupervisionItem;

/**
 * Notices of new work, raised by the workflow's steps to whoever must act next: a decision arriving in the office's
 * inbox and an item returned by its unit, reported complete or asking for more time go to the supervision office; an
 * item assigned, sent back, or whose extension was decided goes to its lead unit (its liaisons). They are read, marked
 * and mailed as the warning notices are ({@link Notices}, {@link WarningMails}); the mail goes out once the step has
 * committed.
 */
@Component
public class WorkNotices {

    /** The kinds of new work noticed, each with who receives it. */
    public enum Kind {
        PROPOSAL(false), ASSIGNED(true), RETURNED(false), REPORTED(false), SENT_BACK(true), EXTENSION_REQUESTED(false),
        EXTENSION_APPROVED(true), EXTENSION_REFUSED(true);

        /** True when the lead unit must act, false when the supervision office must. */
        final boolean toUnit;

        Kind(boolean toUnit) {
            this.toUnit = toUnit;
        }
    }

    /** Published when work notices were raised, so that their mail goes out after the commit. */
    record Raised(int count) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    WorkNotices(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A decision arrived in the office's inbox as the proposal {@code proposalId}. */
    public void proposalArrived(long proposalId) {
        jdbc.sql("""
                insert into supervision_notice (proposal_id, unit_id, kind) values (:p, null, :k)
                on conflict do nothing""").param("p", proposalId).param("k", Kind.PROPOSAL.name()).update();
        events.publishEvent(new Raised(1));
    }

    /** The item took a step that gives its lead unit or the office new work; {@code note} is the step's reason. */
    public void raise(SupervisionItem item, Kind kind, String note) {
        jdbc.sql("""
                insert into supervision_notice (item_id, unit_id, kind, due_on, note) values (:i, :u, :k, :d, :n)""")
                .param("i", item.id()).param("u", kind.toUnit ? item.leadUnitId() : null).param("k", kind.name())
                .param("d", item.deadline()).param("n", note == null || note.isBlank() ? null : note.strip())
                .update();
        events.publishEvent(new Raised(1));
    }
}
