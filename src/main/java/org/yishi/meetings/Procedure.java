package org.yishi.meetings;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Viewers;
import org.yishi.audit.Audit;
import org.yishi.directory.Directory;
import org.yishi.directory.Person;
import org.yishi.meetings.Steps.Step;
import org.yishi.meetings.rules.RuleSet;
import org.yishi.meetings.rules.RuleSets;
import org.yishi.meetings.rules.RulesOfProcedure;
import org.yishi.platform.Bilingual;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Refused;
import org.yishi.platform.Text;
import org.yishi.platform.Violation;

/**
 * The rules of procedure applied as a meeting happens: notice (which fixes the meeting's number), attendance
 * check-in, opening on a quorum, recusals, opinions, votes and decisions, closing and archiving. Every refusal says
 * why, with the numbers, and changes nothing; every step is audited. A secret ballot records who voted and the
 * tellers' counts, never who chose what. Adopting an item publishes {@link DecisionAdopted}.
 */
@Service
@Transactional
public class Procedure {

    private final Meetings meetings;
    private final MeetingStore store;
    private final ProceedingsStore proceedings;
    private final RuleSets ruleSets;
    private final Directives directives;
    private final Directory directory;
    private final Audit audit;
    private final ApplicationEventPublisher events;

    Procedure(Meetings meetings, MeetingStore store, ProceedingsStore proceedings, RuleSets ruleSets,
            Directives directives, Directory directory, Audit audit, ApplicationEventPublisher events) {
        this.meetings = meetings;
        this.store = store;
        this.proceedings = proceedings;
        this.ruleSets = ruleSets;
        this.directives = directives;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
    }

    /** How a member is checked in. */
    public enum Attendance {
        PRESENT, ON_LEAVE, ABSENT
    }

    /** Where a meeting stands against its quorum. */
    public record QuorumState(int membersDue, int present, RuleSet.QuorumCheck check, RuleSet.QuorumCheck personnel) {
    }

    // ------------------------------------------------------------------------------------------- reading

    /** Every item's proceedings, by item id. The caller has already checked that the viewer may see the meeting. */
    @Transactional(readOnly = true)
    public Map<Long, ItemProceedings> proceedings(long meetingId) {
        return proceedings.forMeeting(meetingId);
    }

    /** Members who should attend (应到): members of the body on the meeting's day. */
    @Transactional(readOnly = true)
    public Set<Long> membersDue(Meeting m) {
        return directory.membersOn(m.bodyId(), m.date());
    }

    @Transactional(readOnly = true)
    public QuorumState quorum(Meeting m) {
        return quorum(m, ruleSets.forBody(m.bodyId()).rules(), membersDue(m));
    }

    private static QuorumState quorum(Meeting m, RuleSet rules, Set<Long> due) {
        int present = (int) m.present().stream().filter(due::contains).count();
        int members = Math.max(1, due.size());
        int counted = Math.min(present, members);
        return new QuorumState(due.size(), present, rules.quorum(members, counted, false), rules.quorum(members, counted, true));
    }

    /**
     * What the agenda rules warn of, without refusing anything: a first item that is not the study of the newest
     * pending central directive, materials that reached the members later than the body's deadline (or not yet), and
     * ad-hoc items without the presiding person's recorded consent.
     */
    @Transactional(readOnly = true)
    public List<Violation> warnings(Meeting m) {
        List<Violation> warnings = new ArrayList<>();
        // the first item is a rule for an agenda still to be held; once the meeting is over its agenda is what it was
        boolean over = m.state().compareTo(MeetingState.CLOSED) >= 0;
        var pending = over ? Optional.<Directive>empty() : directives.newestPending(m.bodyId(), m.id());
        AgendaItem first = m.items().isEmpty() ? null : m.items().getFirst();
        if (pending.isPresent()) {
            if (first == null || first.directiveId() == null || first.directiveId() != pending.get().id()) {
                warnings.add(Violation.of("items[0]", "procedure.warn.first-item-directive",
                        new Bilingual(pending.get().titleZh(), pending.get().titleEn()), pending.get().issuedOn()));
            }
        } else if (!over && (first == null || first.kind() != ItemKind.CONVEY_STUDY)) {
            warnings.add(Violation.of("items[0]", "procedure.warn.first-item-study"));
        }
        int days = ruleSets.forBody(m.bodyId()).materialsDays();
        LocalDate deadline = m.date().minusDays(days);
        for (int i = 0; i < m.items().size(); i++) {
            AgendaItem item = m.items().get(i);
            if (item.adHoc()) {
                if (!item.adHocConsent()) {
                    warnings.add(Violation.of("items[" + i + "]", "procedure.warn.ad-hoc-consent", i + 1));
                }
                continue;
            }
            if (item.materialsReceivedOn() == null) {
                if (!m.state().held()) {
                    warnings.add(Violation.of("items[" + i + "].materialsReceivedOn", "procedure.warn.materials-missing",
                            i + 1, days, deadline));
                }
            } else if (item.materialsReceivedOn().isAfter(deadline)) {
                warnings.add(Violation.of("items[" + i + "].materialsReceivedOn", "procedure.warn.materials-late", i + 1,
                        item.materialsReceivedOn(), ChronoUnit.DAYS.between(item.materialsReceivedOn(), m.date()), days));
            }
        }
        return warnings;
    }

    // ------------------------------------------------------------------------------------------- lifecycle

    /** DRAFT → NOTIFIED: the notice goes out and the meeting's number in the term is fixed. */
    public Meeting notify(long meetingId) {
        Meeting m = locked(meetingId);
        Steps.require(Step.NOTIFY, m.state());
        if (m.items().isEmpty()) {
            throw new Refused("procedure.no-agenda");
        }
        store.lockTerm(m.termId());
        int sequence = m.sequence() != null ? m.sequence() : store.nextSequence(m.termId());
        store.notify(meetingId, sequence);
        return logged("meeting.notify", m);
    }

    /** NOTIFIED → OPEN, when enough members are present; refused with the numbers otherwise. */
    public Meeting open(long meetingId) {
        Meeting m = locked(meetingId);
        Steps.require(Step.OPEN, m.state());
        QuorumState q = quorum(m);
        if (q.membersDue() == 0) {
            throw new Refused("procedure.no-members");
        }
        if (!q.check().met()) {
            throw new Refused("procedure.quorum-not-met", q.membersDue(), q.present(), q.check().required());
        }
        store.advance(meetingId, MeetingState.OPEN);
        return logged("meeting.open", m);
    }

    /** OPEN → CLOSED; refused while a vote is still open. */
    public Meeting close(long meetingId) {
        Meeting m = locked(meetingId);
        Steps.require(Step.CLOSE, m.state());
        Map<Long, ItemProceedings> all = proceedings.forMeeting(meetingId);
        List<Violation> open = new ArrayList<>();
        for (AgendaItem item : m.items()) {
            Vote vote = all.get(item.id()).vote();
            if (vote != null && vote.open()) {
                open.add(Violation.of("", "procedure.vote-still-open", item.position()));
            }
        }
        if (!open.isEmpty()) {
            throw new Refused(open);
        }
        store.advance(meetingId, MeetingState.CLOSED);
        return logged("meeting.close", m);
    }

    /** MINUTES_ISSUED → ARCHIVED. */
    public Meeting archive(long meetingId) {
        Meeting m = locked(meetingId);
        Steps.require(Step.ARCHIVE, m.state());
        store.advance(meetingId, MeetingState.ARCHIVED);
        return logged("meeting.archive", m);
    }

    /** CLOSED → MINUTES_ISSUED, when the minutes are issued; for {@link MinutesDesk} only. */
    public void minutesIssued(long meetingId) {
        store.advance(meetingId, MeetingState.MINUTES_ISSUED);
    }

    // ------------------------------------------------------------------------------------------- attendance

    /**
     * Checks a member in as present, on leave (with a reason) or absent, while the meeting is notified or open. Only
     * members of the body are checked in; the presiding person must be present.
     */
    public Meeting checkIn(long meetingId, Long personId, Attendance status, String reason) {
        Meeting m = locked(meetingId);
        Steps.require(Step.CHECK_IN, m.state());
        var problems = new InvalidInput.Collector();
        if (personId == null) {
            problems.add("personId", "input.required", InvalidInput.label("kind.person"));
        }
        if (status == null) {
            problems.add("status", "input.required", InvalidInput.label("field.attendance"));
        }
        if (status == Attendance.ON_LEAVE && Text.blank(reason)) {
            problems.add("reason", "procedure.leave-reason");
        }
        problems.throwIfAny();
        Person person = person(personId);
        if (!membersDue(m).contains(personId)) {
            throw new Refused("procedure.not-a-member", name(person));
        }
        if (personId == m.presidingPersonId() && status != Attendance.PRESENT) {
            throw new Refused("procedure.presiding-must-attend", name(person));
        }
        store.attendance(meetingId, personId, switch (status) {
            case PRESENT -> "PRESENT";
            case ON_LEAVE -> "ON_LEAVE";
            case ABSENT -> null;
        }, status == Attendance.ON_LEAVE ? reason.strip() : null);
        Meeting after = meetings.meeting(meetingId);
        audit.record("meeting.check-in", "meeting", String.valueOf(meetingId), null,
                Map.of("person", personId, "status", status.name()));
        return after;
    }

    // ------------------------------------------------------------------------------------------- items

    /** Adds an ad-hoc item (临时动议) while the meeting is open; it may be decided only once consent is recorded. */
    public Meeting addAdHocItem(long meetingId, ItemDraft draft) {
        Meeting m = locked(meetingId);
        Steps.require(Step.ADD_AD_HOC, m.state());
        var problems = new InvalidInput.Collector();
        if (draft == null || draft.kind() == null) {
            problems.add("kind", "input.required", InvalidInput.label("field.itemKind"));
        }
        if (draft == null || (Text.blank(draft.titleZh()) && Text.blank(draft.titleEn()))) {
            problems.add("titleZh", "meetings.item-title", m.items().size() + 1);
        }
        problems.throwIfAny();
        long itemId = store.addItem(meetingId, new ItemDraft(null, draft.kind(), draft.titleZh(), draft.titleEn(),
                draft.headline(), draft.visibility(), null, null, true, Boolean.TRUE.equals(draft.adHocConsent()),
                draft.collectiveDecision(), null, null));
        audit.record("item.add-ad-hoc", "agenda_item", String.valueOf(itemId), null,
                Map.of("meeting", meetingId, "consent", Boolean.TRUE.equals(draft.adHocConsent())));
        return meetings.meeting(meetingId);
    }

    /** Records that the presiding person agreed to take an ad-hoc item. */
    public void recordConsent(long itemId) {
        Item it = item(itemId, "procedure.consent");
        it.require(Step.CONSENT);
        proceedings.consent(itemId);
        audit.record("item.consent", "agenda_item", String.valueOf(itemId), null,
                Map.of("presiding", it.meeting().presidingPersonId()));
    }

    /** Records the item's conclusions as the readout and minutes give them, while the meeting is open or closed. */
    public void recordConclusions(long itemId, String zh, String en) {
        Item it = item(itemId, "procedure.conclusions");
        it.require(Step.CONCLUSIONS);
        store.conclusions(itemId, zh, en);
        audit.record("item.conclusions", "agenda_item", String.valueOf(itemId),
                Map.of("zh", String.valueOf(it.item().conclusionsZh()), "en", String.valueOf(it.item().conclusionsEn())),
                Map.of("zh", String.valueOf(Text.orNull(zh)), "en", String.valueOf(Text.orNull(en))));
    }

    /**
     * A member leaves the item: he neither discusses nor votes on it. He may do so from the notice until the item is
     * decided, also while its vote is open, as long as he has not cast a ballot on it; never after.
     */
    public void recuse(long itemId, Long personId, String reason) {
        Item it = item(itemId, "procedure.recuse");
        it.require(Step.RECUSE);
        requirePersonAndText(personId, "reason", reason, "procedure.recusal-reason");
        Person person = person(personId);
        if (!membersDue(it.meeting()).contains(personId)) {
            throw new Refused("procedure.not-a-member", name(person));
        }
        ItemProceedings p = it.proceedings();
        if (p.vote() != null && p.vote().castBy(personId)) {
            throw new Refused("procedure.recusal-after-vote", name(person));
        }
        proceedings.recuse(itemId, personId, reason);
        audit.record("item.recuse", "agenda_item", String.valueOf(itemId), null, Map.of("person", personId, "reason", reason.strip()));
    }

    /** Withdraws a recusal recorded in error, before the item's vote opens and before it is decided. */
    public void withdrawRecusal(long itemId, long personId) {
        Item it = item(itemId, "procedure.recuse");
        it.require(Step.WITHDRAW_RECUSAL);
        if (proceedings.withdrawRecusal(itemId, personId)) {
            audit.record("item.withdraw-recusal", "agenda_item", String.valueOf(itemId), Map.of("person", personId), null);
        }
    }

    /**
     * Records what a member said on the item, or, with {@code written}, what an absent member sent in writing (recorded,
     * never counted). A member recused from the item does not discuss it.
     */
    public long recordOpinion(long itemId, Long personId, boolean written, String text) {
        Item it = item(itemId, "procedure.opinion");
        it.require(Step.OPINION);
        requirePersonAndText(personId, "text", text, "procedure.opinion-text");
        Person person = person(personId);
        Meeting m = it.meeting();
        boolean present = m.present().contains(personId);
        if (written) {
            if (present) {
                throw new Refused("procedure.written-by-present", name(person));
            }
            if (!membersDue(m).contains(personId)) {
                throw new Refused("procedure.not-a-member", name(person));
            }
        } else {
            if (!present && !m.inAttendance().contains(personId)) {
                throw new Refused("procedure.opinion-absent", name(person));
            }
            ItemProceedings p = it.proceedings();
            if (p.recusals().stream().anyMatch(r -> r.personId() == personId)) {
                throw new Refused("procedure.opinion-recused", name(person));
            }
        }
        long id = proceedings.addOpinion(itemId, personId, written, text);
        audit.record("item.opinion", "agenda_item", String.valueOf(itemId), null,
                Map.of("person", personId, "written", written, "opinion", id));
        return id;
    }

    public void removeOpinion(long itemId, long opinionId) {
        Item it = item(itemId, "procedure.opinion");
        it.require(Step.OPINION);
        if (proceedings.removeOpinion(itemId, opinionId)) {
            audit.record("item.remove-opinion", "agenda_item", String.valueOf(itemId), Map.of("opinion", opinionId), null);
        }
    }

    // ------------------------------------------------------------------------------------------- votes

    /** Opens the vote on an item. A personnel item needs its own quorum; an ad-hoc item needs consent. */
    public void openVote(long itemId, VoteMethod method) {
        Item it = item(itemId, "procedure.vote");
        it.require(Step.OPEN_VOTE);
        if (method == null) {
            throw new InvalidInput(Violation.of("method", "input.required", InvalidInput.label("field.voteMethod")));
        }
        AgendaItem item = it.item();
        QuorumState q = quorum(it.meeting());
        requireQuorum(q);
        if (item.kind() == ItemKind.PERSONNEL) {
            if (!q.personnel().met()) {
                throw new Refused("procedure.personnel-quorum-not-met", q.membersDue(), q.present(), q.personnel().required());
            }
        }
        proceedings.openVote(itemId, method);
        audit.record("vote.open", "agenda_item", String.valueOf(itemId), null, Map.of("method", method.name()));
    }

    /**
     * Records a member's ballot. Refused when the vote is not open, the member is not a member present, is recused,
     * or has voted already. In a secret ballot {@code choice} must be empty: only the fact of voting is recorded, and
     * the tellers' counts are entered when the vote is counted.
     */
    public void cast(long itemId, Long personId, Choice choice) {
        Item it = item(itemId, "procedure.cast");
        Meeting m = it.meeting();
        AgendaItem item = it.item();
        it.require(Step.CAST);
        ItemProceedings p = it.proceedings();
        if (personId == null) {
            throw new InvalidInput(Violation.of("personId", "input.required", InvalidInput.label("kind.person")));
        }
        Person person = person(personId);
        boolean secret = p.vote().method() == VoteMethod.SECRET;
        if (secret && choice != null) {
            throw new Refused("procedure.secret-no-choice");
        }
        if (!secret && choice == null) {
            throw new InvalidInput(Violation.of("choice", "input.required", InvalidInput.label("field.choice")));
        }
        if (!membersDue(m).contains(personId)) {
            throw new Refused("procedure.vote-not-entitled", name(person));
        }
        if (!m.present().contains(personId)) {
            throw new Refused("procedure.vote-absent", name(person));
        }
        if (p.recusals().stream().anyMatch(r -> r.personId() == personId)) {
            throw new Refused("procedure.vote-recused", name(person), item.position());
        }
        if (p.vote().castBy(personId)) {
            throw new Refused("procedure.vote-twice", name(person), item.position());
        }
        proceedings.cast(itemId, personId, choice);
        // a secret ballot is audited as cast, never with the choice
        audit.record("vote.cast", "agenda_item", String.valueOf(itemId), null,
                secret ? Map.of("person", personId) : Map.of("person", personId, "choice", choice.name()));
    }

    /**
     * Counts the vote and decides the item against the body's rule set: adopted (or adopted in principle, when
     * {@code inPrinciple}) or rejected, with the numbers kept. For a secret ballot the tellers' counts are given and
     * must add up to the ballots cast; otherwise the counts follow from the ballots and none may be given.
     */
    public Decision count(long itemId, Integer yes, Integer no, Integer abstain, boolean inPrinciple) {
        Item it = item(itemId, "procedure.count");
        Meeting m = it.meeting();
        AgendaItem item = it.item();
        it.require(Step.COUNT);
        ItemProceedings p = it.proceedings();
        int y;
        int n;
        int a;
        int cast = p.vote().ballots().size();
        if (p.vote().method() == VoteMethod.SECRET) {
            if (yes == null || no == null || abstain == null || yes < 0 || no < 0 || abstain < 0) {
                throw new InvalidInput(Violation.of("yes", "procedure.secret-counts"));
            }
            if (yes + no + abstain != cast) {
                throw new Refused("procedure.secret-counts-mismatch", yes + no + abstain, cast);
            }
            y = yes;
            n = no;
            a = abstain;
        } else {
            if (yes != null || no != null || abstain != null) {
                throw new Refused("procedure.counts-from-ballots");
            }
            Vote.Counts counts = p.vote().counts();
            y = counts.yes();
            n = counts.no();
            a = counts.abstain();
        }
        RulesOfProcedure rules = ruleSets.forBody(m.bodyId());
        Set<Long> due = membersDue(m);
        QuorumState q = quorum(m, rules.rules(), due);
        requireQuorum(q);
        if (item.kind() == ItemKind.PERSONNEL && !q.personnel().met()) {
            throw new Refused("procedure.personnel-quorum-not-met", q.membersDue(), q.present(), q.personnel().required());
        }
        int recused = (int) p.recusals().stream().filter(r -> due.contains(r.personId())).count();
        RuleSet.Tally tally = rules.rules().tally(due.size(), recused, y, n, a);
        Outcome outcome = tally.adopted() ? (inPrinciple ? Outcome.ADOPTED_IN_PRINCIPLE : Outcome.ADOPTED) : Outcome.REJECTED;
        proceedings.count(itemId, y, n, a);
        Decision decision = new Decision(outcome, due.size(), q.present(), recused, tally.basis(), tally.threshold(),
                tally.strictlyMore(), tally.base(), rules.code(), null, null, null);
        proceedings.decide(itemId, decision, Viewers.find().map(v -> v.accountId()).orElse(null));
        audit.record("vote.count", "agenda_item", String.valueOf(itemId), null,
                Map.of("yes", y, "no", n, "abstain", a, "outcome", outcome.name(), "rules", rules.code()));
        published(m, item, outcome);
        return proceedings.forItem(itemId).decision();
    }

    /**
     * Decides an item without a vote: deferred (缓议) or to be studied further (再研究) at any time, dropping a vote not
     * yet counted; adopted or adopted in principle only for an item that need not be voted on.
     */
    public Decision decide(long itemId, Outcome outcome, String noteZh, String noteEn) {
        Item it = item(itemId, "procedure.decide");
        Meeting m = it.meeting();
        AgendaItem item = it.item();
        it.require(Step.DECIDE);
        if (outcome == null) {
            throw new InvalidInput(Violation.of("outcome", "input.required", InvalidInput.label("field.outcome")));
        }
        ItemProceedings p = it.proceedings();
        RulesOfProcedure rules = ruleSets.forBody(m.bodyId());
        Set<Long> due = membersDue(m);
        QuorumState q = quorum(m, rules.rules(), due);
        requireQuorum(q);
        switch (outcome) {
            case REJECTED -> throw new Refused("procedure.reject-needs-vote", item.position());
            case ADOPTED, ADOPTED_IN_PRINCIPLE -> it.require(Step.ADOPT_WITHOUT_VOTE);
            default -> proceedings.dropVote(itemId);
        }
        int recused = (int) p.recusals().stream().filter(r -> due.contains(r.personId())).count();
        proceedings.decide(itemId, new Decision(outcome, due.size(), q.present(), recused, null, null, null, null,
                rules.code(), noteZh, noteEn, null), Viewers.find().map(v -> v.accountId()).orElse(null));
        audit.record("item.decide", "agenda_item", String.valueOf(itemId), null, Map.of("outcome", outcome.name()));
        published(m, item, outcome);
        return proceedings.forItem(itemId).decision();
    }

    /**
     * Below the quorum nothing is decided, not even a rejection or a deferral, and no vote is opened: members who left
     * an open meeting (checked out as on leave or absent) can take its quorum away after the opening.
     */
    private static void requireQuorum(QuorumState q) {
        if (!q.check().met()) {
            throw new Refused("procedure.quorum-lost", q.membersDue(), q.present(), q.check().required());
        }
    }

    private void published(Meeting m, AgendaItem item, Outcome outcome) {
        if (outcome.adopted()) {
            events.publishEvent(new DecisionAdopted(m.id(), item.id(), m.bodyId(), m.date(), outcome, item.titleZh(),
                    item.titleEn(), item.conclusionsZh(), item.conclusionsEn(), item.visibility()));
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    record Item(Meeting meeting, AgendaItem item, ItemProceedings proceedings) {

        /** Refuses the step unless the transition table allows it for the meeting and the item as they stand. */
        void require(Step step) {
            Steps.require(step, meeting.state(), Steps.ItemState.of(item, proceedings));
        }
    }

    /** The item, its meeting and its proceedings, with the item locked so that ballots and counts on it go one at a time. */
    Item item(long itemId, String action) {
        Long meetingId = proceedings.lockItem(itemId).orElseThrow(() -> new NotFound("kind.item", itemId));
        Meeting m = meetings.meeting(meetingId);
        return new Item(m, m.item(itemId), proceedings.forItem(itemId));
    }

    Meeting locked(long meetingId) {
        store.lock(meetingId);
        return meetings.meeting(meetingId);
    }

    Meeting logged(String action, Meeting before) {
        Meeting after = meetings.meeting(before.id());
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("state", before.state().name());
        Map<String, Object> is = new LinkedHashMap<>();
        is.put("state", after.state().name());
        is.put("sequence", after.sequence());
        audit.record(action, "meeting", String.valueOf(before.id()), was, is);
        return after;
    }

    /** Refuses a missing person and a blank {@code field}, naming both when both are missing. */
    private static void requirePersonAndText(Long personId, String field, String text, String blankKey) {
        var problems = new InvalidInput.Collector();
        if (personId == null) {
            problems.add("personId", "input.required", InvalidInput.label("kind.person"));
        }
        if (Text.blank(text)) {
            problems.add(field, blankKey);
        }
        problems.throwIfAny();
    }

    Person person(Long id) {
        return directory.findPerson(id).orElseThrow(() -> new InvalidInput(Violation.of("personId", "input.unknown",
                InvalidInput.label("kind.person"), id)));
    }

    static Bilingual name(Person p) {
        return new Bilingual(p.nameZh(), p.nameRomanized());
    }
}
