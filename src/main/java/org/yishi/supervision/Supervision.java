package org.yishi.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.audit.Audit;
import org.yishi.directory.Directory;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Refused;
import org.yishi.platform.Text;
import org.yishi.platform.Violation;
import org.yishi.supervision.reports.ReportObligations;
import org.yishi.supervision.warnings.WorkNotices;

/**
 * The supervision workflow: register → assign (交办) → the lead unit accepts (签收), or returns the item as outside
 * its remit within 5 working days → in progress → completion report (报送) → review: accept and close (销号), or send
 * back (退办) with reasons. Suspension and resumption; extensions requested before the deadline, approved or refused.
 *
 * <p>Who may do what: the supervision office (supervision:manage) registers, assigns, reviews, suspends and decides
 * extensions; the lead unit's liaison (supervision:report, linked to the unit) accepts, returns, reports and asks for
 * extensions. A liaison sees only the items of their unit, as lead or co-operating unit; for anyone else another
 * unit's item does not exist. Every step records who and when, and is audited. An illegal step is refused with
 * what the item's state allows.
 */
@Service
@Transactional
public class Supervision {

    /** Working days within which a unit may return an item as outside its remit. */
    static final int RETURN_WITHIN_WORKING_DAYS = 5;

    private final SupervisionStore store;
    private final Directory directory;
    private final Audit audit;
    private final Clock clock;
    private final ReportObligations obligations;
    private final WorkNotices work;

    Supervision(SupervisionStore store, Directory directory, Audit audit, Optional<Clock> clock,
            ReportObligations obligations, WorkNotices work) {
        this.store = store;
        this.work = work;
        this.obligations = obligations;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** How far ahead a deadline may lie: beyond it a date is a typing error, not a plan (issue 11). */
    static final int MAX_YEARS_AHEAD = 10;

    LocalDate today() {
        return LocalDate.now(clock);
    }

    public WorkingCalendar calendar() {
        return new WorkingCalendar(store.calendarExceptions());
    }

    // ------------------------------------------------------------------------------------------- reading

    /** Whether no item has been registered yet (the demo fills only an empty ledger). */
    @Transactional(readOnly = true)
    public boolean noItems() {
        return store.noItems();
    }

    /** The item as the viewer may see it; for a viewer who may not, it does not exist. */
    @Transactional(readOnly = true)
    public SupervisionItem item(Viewer viewer, long id) {
        SupervisionItem item = store.find(id).orElseThrow(() -> new NotFound("kind.supervision-item", id));
        if (!visible(viewer, item)) {
            throw new NotFound("kind.supervision-item", id);
        }
        return item;
    }

    /**
     * The supervised items that carry out the given decisions (agenda items), as far as the viewer may see them: for a
     * viewer who may not, an item does not exist here either. Ordered by agenda item, then serial number; empty when
     * none.
     */
    @Transactional(readOnly = true)
    public java.util.List<SupervisionItem> itemsFromAgendaItems(Viewer viewer, java.util.Collection<Long> agendaItemIds) {
        if (agendaItemIds.isEmpty()) {
            return java.util.List.of();
        }
        return store.ofAgendaItems(agendaItemIds).stream().filter(i -> visible(viewer, i)).toList();
    }

    /**
     * Every item, by id, after {@code afterId}, at most {@code limit}: for an index that files each item with the
     * units it concerns and filters by them itself (the search module). Not for showing to a viewer as it is.
     */
    @Transactional(readOnly = true)
    public java.util.List<SupervisionItem> itemsAfter(long afterId, int limit) {
        return store.after(afterId, Math.clamp(limit, 1, 5000));
    }

    /** Whether the viewer may see the item: the office sees all, a liaison the items of their unit. */
    public static boolean visible(Viewer viewer, SupervisionItem item) {
        if (viewer.can(Permission.SUPERVISION_READ_ALL)) {
            return true;
        }
        return viewer.can(Permission.SUPERVISION_REPORT) && viewer.unitId() != null && item.concerns(viewer.unitId());
    }

    // ------------------------------------------------------------------------------------------- the office

    /** Registers an item by hand (or from a proposal, with its id). Checked as a whole; nothing saved on a problem. */
    public SupervisionItem register(Viewer viewer, SupervisionDraft draft, Long proposalId) {
        viewer.require(Permission.SUPERVISION_MANAGE);
        SupervisionDraft d = complete(draft);
        check(d);
        int year = d.receivedOn().getYear();
        long id = store.insert(d, year, store.nextSerial(year), proposalId);
        store.step(id, viewer.accountId(), "register", null, ItemState.REGISTERED, null);
        SupervisionItem item = store.find(id).orElseThrow();
        audit.record("supervision.register", "supervision_item", String.valueOf(id), null, item);
        return item;
    }

    private SupervisionDraft complete(SupervisionDraft d) {
        return new SupervisionDraft(d.source(), d.sourceNote(), d.meetingId(), d.agendaItemId(), d.content(),
                d.leadUnitId(), d.coUnitIds(), d.leaderPersonId(), d.receivedOn() == null ? today() : d.receivedOn(),
                d.deadline(), d.replyRequirements(), d.priority(), d.parentId(), d.weight(), d.recurrence(),
                d.recurrenceDays());
    }

    private void check(SupervisionDraft d) {
        var problems = new InvalidInput.Collector();
        if (d.source() == null) {
            problems.add("source", "input.required", InvalidInput.label("field.source"));
        }
        if (Text.blank(d.content())) {
            problems.add("content", "input.required", InvalidInput.label("field.content"));
        }
        if (d.leadUnitId() == null) {
            problems.add("leadUnitId", "input.required", InvalidInput.label("field.leadUnit"));
        } else if (directory.units().stream().noneMatch(u -> u.id() == d.leadUnitId())) {
            problems.add("leadUnitId", "input.unknown", InvalidInput.label("kind.unit"), d.leadUnitId());
        }
        Set<Long> units = new java.util.HashSet<>(directory.units().stream().map(u -> u.id()).toList());
        for (int i = 0; i < d.coUnitIds().size(); i++) {
            Long u = d.coUnitIds().get(i);
            if (u == null || !units.contains(u)) {
                problems.add("coUnitIds[" + i + "]", "input.unknown", InvalidInput.label("kind.unit"), u);
            } else if (u.equals(d.leadUnitId())) {
                problems.add("coUnitIds[" + i + "]", "supervision.co-unit-is-lead");
            }
        }
        if (d.leaderPersonId() != null && directory.findPerson(d.leaderPersonId()).isEmpty()) {
            problems.add("leaderPersonId", "input.unknown", InvalidInput.label("kind.person"), d.leaderPersonId());
        }
        if (d.deadline() == null) {
            problems.add("deadline", "input.required", InvalidInput.label("field.deadline"));
        } else if (d.deadline().isBefore(d.receivedOn())) {
            problems.add("deadline", "supervision.deadline-before-received");
        } else if (d.deadline().isAfter(today().plusYears(MAX_YEARS_AHEAD))) {
            problems.add("deadline", "input.deadline-too-far", String.valueOf(MAX_YEARS_AHEAD));
        }
        if (d.weight() != null && (d.weight() < 1 || d.weight() > 100)) {
            problems.add("weight", "supervision.weight");
        }
        if (d.parentId() != null && store.find(d.parentId()).isEmpty()) {
            problems.add("parentId", "input.unknown", InvalidInput.label("kind.supervision-item"), d.parentId());
        }
        if (d.recurrence() == Recurrence.FIXED_DAYS && (d.recurrenceDays().isEmpty()
                || d.recurrenceDays().stream().anyMatch(day -> day == null || day < 1 || day > 28))) {
            problems.add("recurrenceDays", "supervision.recurrence-days");
        }
        if (d.source() == Source.DECISION && d.agendaItemId() == null) {
            problems.add("agendaItemId", "supervision.decision-needs-item");
        }
        problems.throwIfAny();
    }

    /** REGISTERED or RETURNED → ASSIGNED: to its lead unit (a returned item may go to another). */
    public SupervisionItem assign(Viewer viewer, long id, Long leadUnitId) {
        viewer.require(Permission.SUPERVISION_MANAGE);
        SupervisionItem item = locked(viewer, id);
        ItemStep.ASSIGN.expectState(item.state());
        long lead = leadUnitId != null ? leadUnitId : item.leadUnitId();
        if (directory.units().stream().noneMatch(u -> u.id() == lead)) {
            throw new InvalidInput(Violation.of("leadUnitId", "input.unknown", InvalidInput.label("kind.unit"), lead));
        }
        LocalDate start = today();
        int total = calendar().between(start, item.deadline());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lead", lead);
        p.put("start", start);
        p.put("total", total);
        store.move(id, ItemState.ASSIGNED, "lead_unit_id = :lead, assigned_at = now(), start_on = :start, "
                + "working_days_total = :total", p);
        return noticed(stepped(viewer, item, "assign", ItemState.ASSIGNED, null), WorkNotices.Kind.ASSIGNED, null);
    }

    /** REPORTED → CLOSED (销号): the completion report is accepted. */
    public SupervisionItem close(Viewer viewer, long id) {
        viewer.require(Permission.SUPERVISION_MANAGE);
        SupervisionItem item = locked(viewer, id);
        ItemStep.CLOSE.expectState(item.state());
        store.move(id, ItemState.CLOSED, "closed_at = now(), progress = 100", Map.of());
        return stepped(viewer, item, "close", ItemState.CLOSED, null);
    }

    /** REPORTED → IN_PROGRESS (退办): the completion report is sent back, with the reasons. */
    public SupervisionItem sendBack(Viewer viewer, long id, String reasons) {
        viewer.require(Permission.SUPERVISION_MANAGE);
        SupervisionItem item = locked(viewer, id);
        ItemStep.SEND_BACK.expectState(item.state());
        reason(reasons);
        store.move(id, ItemState.IN_PROGRESS, "sent_back = sent_back + 1", Map.of());
        return noticed(stepped(viewer, item, "send-back", ItemState.IN_PROGRESS, reasons), WorkNotices.Kind.SENT_BACK,
                reasons);
    }

    public SupervisionItem suspend(Viewer viewer, long id, String reason) {
        viewer.require(Permission.SUPERVISION_MANAGE);
        SupervisionItem item = locked(viewer, id);
        ItemStep.SUSPEND.expectState(item.state());
        reason(reason);
        store.move(id, ItemState.SUSPENDED, "suspended_from = :from", Map.of("from", item.state().name()));
        return stepped(viewer, item, "suspend", ItemState.SUSPENDED, reason);
    }

    public SupervisionItem resume(Viewer viewer, long id) {
        viewer.require(Permission.SUPERVISION_MANAGE);
        SupervisionItem item = locked(viewer, id);
        ItemStep.RESUME.expectState(item.state());
        ItemState back = ItemState.valueOf(store.suspendedFrom(id));
        store.move(id, back, "suspended_from = null", Map.of());
        return stepped(viewer, item, "resume", back, null);
    }

    // ------------------------------------------------------------------------------------------- the lead unit

    /** ASSIGNED → IN_PROGRESS (签收), by the lead unit. */
    public SupervisionItem accept(Viewer viewer, long id) {
        SupervisionItem item = lockedForLeadUnit(viewer, id);
        ItemStep.ACCEPT.expectState(item.state());
        store.move(id, ItemState.IN_PROGRESS, "accepted_at = now()", Map.of());
        return stepped(viewer, item, "accept", ItemState.IN_PROGRESS, null);
    }

    /** ASSIGNED → RETURNED, by the lead unit, as outside its remit: within 5 working days of assignment, with a reason. */
    public SupervisionItem returnOutsideRemit(Viewer viewer, long id, String reason) {
        SupervisionItem item = lockedForLeadUnit(viewer, id);
        ItemStep.RETURN.expectState(item.state());
        reason(reason);
        expectTiming(ItemStep.RETURN, item, Optional.empty());
        store.move(id, ItemState.RETURNED, null, Map.of());
        return noticed(stepped(viewer, item, "return", ItemState.RETURNED, reason), WorkNotices.Kind.RETURNED, reason);
    }

    /**
     * Records the lead unit's progress; the parent's progress follows as the weighted average of its children. For a
     * regular item the report fulfils the oldest report obligation whose cycle has begun.
     */
    public SupervisionItem reportProgress(Viewer viewer, long id, String text, Integer percent) {
        SupervisionItem item = lockedForLeadUnit(viewer, id);
        ItemStep.REPORT_PROGRESS.expectState(item.state());
        progressInput(text, percent);
        obligations.fulfil(id, store.report(id, viewer.accountId(), text, percent, false), today());
        store.move(id, ItemState.IN_PROGRESS, "progress = :p", Map.of("p", percent));
        store.rollUp(item.parentId());
        audit.record("supervision.report-progress", "supervision_item", String.valueOf(id), null,
                Map.of("percent", percent));
        return store.find(id).orElseThrow();
    }

    /** IN_PROGRESS → REPORTED (报送): the lead unit reports the item complete (fulfilling an obligation owed, too). */
    public SupervisionItem reportCompletion(Viewer viewer, long id, String text) {
        SupervisionItem item = lockedForLeadUnit(viewer, id);
        ItemStep.REPORT_COMPLETION.expectState(item.state());
        progressInput(text, 100);
        obligations.fulfil(id, store.report(id, viewer.accountId(), text, 100, true), today());
        store.move(id, ItemState.REPORTED, "progress = 100", Map.of());
        store.rollUp(item.parentId());
        return noticed(stepped(viewer, item, "report-completion", ItemState.REPORTED, null), WorkNotices.Kind.REPORTED,
                text);
    }

    /** Asks for more time, before the deadline, with a reason and a later date; one request at a time. */
    public void requestExtension(Viewer viewer, long id, String reason, LocalDate newDeadline) {
        SupervisionItem item = lockedForLeadUnit(viewer, id);
        ItemStep.REQUEST_EXTENSION.expectState(item.state());
        var problems = new InvalidInput.Collector();
        if (Text.blank(reason)) {
            problems.add("reason", "supervision.reason-required");
        }
        if (newDeadline == null) {
            problems.add("newDeadline", "input.required", InvalidInput.label("field.newDeadline"));
        } else if (!newDeadline.isAfter(item.deadline())) {
            problems.add("newDeadline", "supervision.extension-not-later", item.deadline());
        } else if (newDeadline.isAfter(today().plusYears(MAX_YEARS_AHEAD))) {
            problems.add("newDeadline", "input.deadline-too-far", String.valueOf(MAX_YEARS_AHEAD));
        }
        problems.throwIfAny();
        expectTiming(ItemStep.REQUEST_EXTENSION, item, store.pendingExtension(id));
        store.requestExtension(id, viewer.accountId(), reason, item.deadline(), newDeadline);
        store.step(id, viewer.accountId(), "request-extension", item.state(), item.state(), reason);
        audit.record("supervision.request-extension", "supervision_item", String.valueOf(id), null,
                Map.of("newDeadline", newDeadline.toString(), "reason", reason.strip()));
        work.raise(item, WorkNotices.Kind.EXTENSION_REQUESTED, reason);
    }

    /** The office approves (the deadline moves) or refuses the pending extension request. */
    public SupervisionItem decideExtension(Viewer viewer, long id, boolean approve, String note) {
        viewer.require(Permission.SUPERVISION_MANAGE);
        SupervisionItem item = locked(viewer, id);
        Optional<ExtensionRequest> pending = store.pendingExtension(id);
        ItemStep.DECIDE_EXTENSION.expectState(item.state());
        expectTiming(ItemStep.DECIDE_EXTENSION, item, pending);
        ExtensionRequest request = pending.orElseThrow();
        store.decideExtension(request.id(), approve, viewer.accountId(), note);
        if (approve) {
            LocalDate start = item.startOn() != null ? item.startOn() : item.receivedOn();
            store.move(id, item.state(), "deadline = :d, working_days_total = :t",
                    Map.of("d", request.newDeadline(), "t", calendar().between(start, request.newDeadline())));
        }
        String action = approve ? "approve-extension" : "refuse-extension";
        store.step(id, viewer.accountId(), action, item.state(), item.state(), note);
        SupervisionItem after = store.find(id).orElseThrow();
        audit.record("supervision." + action, "supervision_item", String.valueOf(id), item, after);
        return noticed(after, approve ? WorkNotices.Kind.EXTENSION_APPROVED : WorkNotices.Kind.EXTENSION_REFUSED, note);
    }

    // ------------------------------------------------------------------------------------------- helpers


    private SupervisionItem locked(Viewer viewer, long id) {
        SupervisionItem item = store.lock(id).orElseThrow(() -> new NotFound("kind.supervision-item", id));
        if (!visible(viewer, item)) {
            throw new NotFound("kind.supervision-item", id);
        }
        return item;
    }

    /** The item, when the viewer acts for its lead unit; a co-operating unit may read it but not act on it. */
    private SupervisionItem lockedForLeadUnit(Viewer viewer, long id) {
        SupervisionItem item = locked(viewer, id);
        if (!viewer.can(Permission.SUPERVISION_REPORT) || viewer.unitId() == null || viewer.unitId() != item.leadUnitId()) {
            throw new AccessDeniedException("not the lead unit");
        }
        return item;
    }

    private SupervisionItem noticed(SupervisionItem item, WorkNotices.Kind kind, String note) {
        work.raise(item, kind, note);
        return item;
    }

    /** The last day on which the lead unit may return the item as outside its remit; none before assignment. */
    LocalDate returnBy(SupervisionItem item, WorkingCalendar calendar) {
        return item.startOn() == null ? null : calendar.plus(item.startOn(), RETURN_WITHIN_WORKING_DAYS);
    }

    /** Refuses the step when its timing does not allow it now (see {@link ItemStep#timing}). */
    private void expectTiming(ItemStep step, SupervisionItem item, Optional<ExtensionRequest> pending) {
        var situation = ItemStep.Situation.of(item, false, false, today(), returnBy(item, calendar()),
                pending.isPresent());
        step.timing(situation).ifPresent(refusal -> {
            throw refusal;
        });
    }

    private static void reason(String reason) {
        if (Text.blank(reason)) {
            throw new InvalidInput(Violation.of("reason", "supervision.reason-required"));
        }
    }

    private static void progressInput(String text, Integer percent) {
        var problems = new InvalidInput.Collector();
        if (Text.blank(text)) {
            problems.add("text", "supervision.report-text");
        }
        if (percent == null || percent < 0 || percent > 100) {
            problems.add("percent", "supervision.percent");
        }
        problems.throwIfAny();
    }

    private SupervisionItem stepped(Viewer viewer, SupervisionItem before, String action, ItemState to, String reason) {
        store.step(before.id(), viewer.accountId(), action, before.state(), to, reason);
        SupervisionItem after = store.find(before.id()).orElseThrow();
        Map<String, Object> was = Map.of("state", before.state().name());
        Map<String, Object> is = new LinkedHashMap<>();
        is.put("state", after.state().name());
        if (reason != null) {
            is.put("reason", reason.strip());
        }
        audit.record("supervision." + action, "supervision_item", String.valueOf(before.id()), was, is);
        return after;
    }
}
