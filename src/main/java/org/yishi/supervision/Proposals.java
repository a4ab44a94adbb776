package org.yishi.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.audit.Audit;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Refused;
import org.yishi.platform.Text;
import org.yishi.platform.Violation;

/**
 * The supervision office's inbox of adopted decisions. A proposal is confirmed as one item or split into several,
 * merged into an item already registered, or dismissed with a reason. Confidential decisions show their wording only
 * to those who may read confidential items.
 */
@Service
@Transactional
public class Proposals {

    private final JdbcClient jdbc;
    private final Supervision supervision;
    private final SupervisionStore store;
    private final Audit audit;

    Proposals(JdbcClient jdbc, Supervision supervision, SupervisionStore store, Audit audit) {
        this.jdbc = jdbc;
        this.supervision = supervision;
        this.store = store;
        this.audit = audit;
    }

    private static final String SELECT = """
            select id, meeting_id, agenda_item_id, body_id, held_on, outcome, title_zh, title_en, conclusions_zh,
                   conclusions_en, visibility, state, received_at from supervision_proposal""";

    /** The proposals waiting, oldest first, as the viewer may see them. */
    @Transactional(readOnly = true)
    public List<Proposal> pending(Viewer viewer) {
        viewer.require(Permission.SUPERVISION_MANAGE);
        return jdbc.sql(SELECT + " where state = 'PENDING' order by received_at, id").query(Proposal.class).list()
                .stream().map(p -> shown(viewer, p)).toList();
    }

    @Transactional(readOnly = true)
    public Proposal proposal(Viewer viewer, long id) {
        viewer.require(Permission.SUPERVISION_MANAGE);
        return shown(viewer, find(id));
    }

    private Proposal find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Proposal.class).optional()
                .orElseThrow(() -> new NotFound("kind.proposal", id));
    }

    /** A confidential decision's wording is hidden from those who may not read confidential items. */
    private static Proposal shown(Viewer viewer, Proposal p) {
        if (!p.visibility().equals("CONFIDENTIAL") || viewer.can(Permission.ITEM_READ_CONFIDENTIAL)) {
            return p;
        }
        return new Proposal(p.id(), p.meetingId(), p.agendaItemId(), p.bodyId(), p.heldOn(), p.outcome(), null, null,
                null, null, p.visibility(), p.state(), p.receivedAt());
    }

    /** Confirms the proposal as one item, or several when it is split; each carries out the decision. */
    public List<SupervisionItem> confirm(Viewer viewer, long id, List<SupervisionDraft> drafts) {
        viewer.require(Permission.SUPERVISION_MANAGE);
        Proposal p = pendingLocked(id);
        if (drafts == null || drafts.isEmpty()) {
            throw new InvalidInput(Violation.of("", "supervision.proposal-needs-item"));
        }
        List<SupervisionItem> items = new ArrayList<>();
        // every row is checked, and its problems named by its place in the list ("[1].deadline"); nothing is kept
        // unless all are good
        List<Violation> problems = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            SupervisionDraft d = drafts.get(i) == null ? new SupervisionDraft(null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null) : drafts.get(i);
            try {
                items.add(supervision.register(viewer, new SupervisionDraft(Source.DECISION, d.sourceNote(),
                        p.meetingId(), p.agendaItemId(), d.content(), d.leadUnitId(), d.coUnitIds(), d.leaderPersonId(),
                        d.receivedOn(), d.deadline(), d.replyRequirements(), d.priority(), d.parentId(), d.weight(),
                        d.recurrence(), d.recurrenceDays()), id));
            } catch (InvalidInput e) {
                if (e instanceof Refused) {
                    throw e;
                }
                String row = "[" + i + "]";
                e.violations().forEach(v -> problems.add(new Violation(v.field().isEmpty() ? row : row + "." + v.field(),
                        v.code(), v.args())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        handled(viewer, id, "CONFIRMED", "proposal.confirm", Map.of("items", items.stream().map(SupervisionItem::id).toList()));
        return items;
    }

    /** Folds the proposal into an item already registered: the item's log records the decision it also carries out. */
    public SupervisionItem merge(Viewer viewer, long id, long itemId) {
        viewer.require(Permission.SUPERVISION_MANAGE);
        Proposal p = pendingLocked(id);
        SupervisionItem item = supervision.item(viewer, itemId);
        store.step(itemId, viewer.accountId(), "merge", item.state(), item.state(),
                "meeting " + p.meetingId() + ", item " + p.agendaItemId(), p.meetingId(), p.agendaItemId());
        handled(viewer, id, "CONFIRMED", "proposal.merge", Map.of("item", itemId));
        return item;
    }

    public void dismiss(Viewer viewer, long id, String reason) {
        viewer.require(Permission.SUPERVISION_MANAGE);
        pendingLocked(id);
        if (Text.blank(reason)) {
            throw new InvalidInput(Violation.of("reason", "supervision.reason-required"));
        }
        handled(viewer, id, "DISMISSED", "proposal.dismiss", Map.of("reason", reason.strip()));
    }

    private Proposal pendingLocked(long id) {
        jdbc.sql("select id from supervision_proposal where id = :id for update").param("id", id).query(Long.class)
                .optional().orElseThrow(() -> new NotFound("kind.proposal", id));
        Proposal p = find(id);
        if (!p.state().equals("PENDING")) {
            throw new Refused("supervision.proposal-handled");
        }
        return p;
    }

    private void handled(Viewer viewer, long id, String state, String action, Object after) {
        jdbc.sql("update supervision_proposal set state = :s, handled_at = now(), handled_by = :by where id = :id")
                .param("s", state).param("by", viewer.accountId()).param("id", id).update();
        audit.record(action, "supervision_proposal", String.valueOf(id), Map.of("state", "PENDING"), after);
    }

}
