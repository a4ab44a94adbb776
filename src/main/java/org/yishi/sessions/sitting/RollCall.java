package org.yishi.sessions.sitting;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.audit.Audit;
import org.yishi.meetings.BodyRules;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Refused;
import org.yishi.platform.Text;
import org.yishi.platform.Violation;
import org.yishi.sessions.roster.AssemblyTerm;
import org.yishi.sessions.roster.RosterEntry;
import org.yishi.sessions.roster.Rosters;

/**
 * The roll call of a session's meeting, as the check-in desk runs it: a deputy is found by card number or full name
 * and checked in, or given leave with a reason; the quorum is counted against every deputy on the term's roster
 * (应出席) under the body's rules of procedure (a congress: two thirds [law: Local Organic Law art. 14]). A meeting
 * opens only on its quorum, refused with the numbers otherwise. Resolutions and elections are counted against all
 * deputies of the term [art. 25], whoever is present. Every step is audited.
 */
@Service
@Transactional(readOnly = true)
public class RollCall {

    private final SessionStore store;
    private final Sessions sessions;
    private final Rosters rosters;
    private final BodyRules rules;
    private final Audit audit;

    RollCall(SessionStore store, Sessions sessions, Rosters rosters, BodyRules rules, Audit audit) {
        this.store = store;
        this.sessions = sessions;
        this.rosters = rosters;
        this.rules = rules;
        this.audit = audit;
    }

    /** What a check-in found: the deputy checked in (or already in), or the deputies the text could mean. */
    public record CheckIn(Outcome outcome, RosterEntry entry, List<RosterEntry> choices, Quorum quorum) {
    }

    public enum Outcome {
        CHECKED_IN, ALREADY_PRESENT, CHOOSE
    }

    /** A deputy's standing in the roll call: PRESENT or ON_LEAVE with the reason. */
    public record Call(RosterEntry entry, String status, String reason) {
    }

    private AssemblyTerm termOf(Sitting sitting) {
        return rosters.term(sessions.sessionOf(sitting).termId());
    }

    public Quorum quorum(long sittingId) {
        return quorum(sessions.sitting(sittingId));
    }

    Quorum quorum(Sitting sitting) {
        AssemblyTerm term = termOf(sitting);
        int due = rosters.count(term.termId());
        SessionStore.Counts counts = store.counts(sitting.id());
        if (due == 0) {
            return new Quorum(0, 0, 0, 1, false);
        }
        BodyRules.QuorumCount q = rules.quorum(term.bodyId(), due, counts.present());
        return new Quorum(due, counts.present(), counts.onLeave(), q.required(), q.met());
    }

    /** Who has been called, latest first. */
    public List<Call> calls(long sittingId) {
        Sitting sitting = sessions.sitting(sittingId);
        Map<Long, RosterEntry> roster = new java.util.HashMap<>();
        rosters.entries(termOf(sitting).termId()).forEach(e -> roster.put(e.id(), e));
        return store.calls(sittingId).stream().map(c -> new Call(roster.get(c.seatId()), c.status(), c.reason())).toList();
    }

    @Transactional
    public CheckIn checkIn(Viewer viewer, long sittingId, SittingDrafts.CheckInDraft d) {
        viewer.require(Permission.CONGRESS_ROLL_CALL);
        Sitting sitting = callable(sittingId);
        List<RosterEntry> found = find(sitting, d.entryId(), d.query());
        if (found.size() > 1) {
            return new CheckIn(Outcome.CHOOSE, null, found, quorum(sitting));
        }
        RosterEntry entry = found.getFirst();
        var before = store.call(sittingId, entry.id());
        if (before.isPresent() && before.get().status().equals("PRESENT")) {
            return new CheckIn(Outcome.ALREADY_PRESENT, entry, List.of(), quorum(sitting));
        }
        store.record(sittingId, entry.id(), "PRESENT", null, viewer.username());
        audit.record("rollcall.check-in", "session_sitting", String.valueOf(sittingId), before.orElse(null),
                Map.of("entry", entry.id(), "cardNumber", entry.cardNumber(), "status", "PRESENT"));
        return new CheckIn(Outcome.CHECKED_IN, entry, List.of(), quorum(sitting));
    }

    @Transactional
    public Call leave(Viewer viewer, long sittingId, SittingDrafts.LeaveDraft d) {
        viewer.require(Permission.CONGRESS_ROLL_CALL);
        Sitting sitting = callable(sittingId);
        if (Text.blank(d.reason())) {
            throw new InvalidInput(Violation.of("reason", "sessions.desk.reason-required"));
        }
        List<RosterEntry> found = find(sitting, d.entryId(), d.query());
        if (found.size() > 1) {
            throw new InvalidInput(Violation.of("query", "sessions.desk.ambiguous", d.query().strip(),
                    String.join("、", found.stream().map(e -> e.cardNumber() + " " + e.name(false)).toList())));
        }
        RosterEntry entry = found.getFirst();
        var before = store.call(sittingId, entry.id());
        store.record(sittingId, entry.id(), "ON_LEAVE", d.reason().strip(), viewer.username());
        audit.record("rollcall.leave", "session_sitting", String.valueOf(sittingId), before.orElse(null),
                Map.of("entry", entry.id(), "cardNumber", entry.cardNumber(), "status", "ON_LEAVE", "reason", d.reason().strip()));
        return new Call(entry, "ON_LEAVE", d.reason().strip());
    }

    /** Takes back a check-in or a leave recorded by mistake. */
    @Transactional
    public void undo(Viewer viewer, long sittingId, long entryId) {
        viewer.require(Permission.CONGRESS_ROLL_CALL);
        callable(sittingId);
        var before = store.call(sittingId, entryId).orElseThrow(() -> new NotFound("kind.roster-entry", entryId));
        store.forget(sittingId, entryId);
        audit.record("rollcall.undo", "session_sitting", String.valueOf(sittingId), before, null);
    }

    @Transactional
    public Sitting open(Viewer viewer, long sittingId) {
        viewer.require(Permission.CONGRESS_ROLL_CALL);
        Sitting sitting = store.sittingLocked(sittingId).orElseThrow(() -> new NotFound("kind.session-sitting", sittingId));
        if (sitting.state() != Sitting.State.PLANNED) {
            throw new Refused("sessions.sitting.not-planned");
        }
        if (sitting.kind() == Sitting.Kind.PLENARY && sessions.sessionOf(sitting).agendaAdoptedAt() == null) {
            throw new Refused("sessions.sitting.agenda-not-adopted");
        }
        Quorum q = quorum(sitting);
        if (!q.met()) {
            throw new Refused("sessions.sitting.no-quorum", q.due(), q.present(), q.required());
        }
        store.setState(sittingId, Sitting.State.OPEN);
        Sitting after = sessions.sitting(sittingId);
        audit.record("session.sitting-open", "session_sitting", String.valueOf(sittingId), sitting,
                Map.of("due", q.due(), "present", q.present(), "onLeave", q.onLeave(), "required", q.required()));
        return after;
    }

    @Transactional
    public Sitting close(Viewer viewer, long sittingId) {
        viewer.require(Permission.CONGRESS_ROLL_CALL);
        Sitting sitting = store.sittingLocked(sittingId).orElseThrow(() -> new NotFound("kind.session-sitting", sittingId));
        if (sitting.state() != Sitting.State.OPEN) {
            throw new Refused("sessions.sitting.not-open");
        }
        store.setState(sittingId, Sitting.State.CLOSED);
        Sitting after = sessions.sitting(sittingId);
        audit.record("session.sitting-close", "session_sitting", String.valueOf(sittingId), sitting, after);
        return after;
    }

    /**
     * The tellers' count of a resolution or an election at an open plenary meeting: adopted with a majority of all
     * deputies of the term (the rule set's base), not of those present.
     */
    @Transactional
    public AgendaEntry count(Viewer viewer, long agendaEntryId, SittingDrafts.CountDraft d) {
        viewer.require(Permission.CONGRESS_ROLL_CALL);
        AgendaEntry entry = store.agendaEntry(agendaEntryId).orElseThrow(() -> new NotFound("kind.agenda-entry", agendaEntryId));
        if (!entry.kind().voted()) {
            throw new Refused("sessions.count.not-voted");
        }
        Sitting open = store.sittings(entry.sessionId()).stream()
                .filter(s -> s.kind() == Sitting.Kind.PLENARY && s.state() == Sitting.State.OPEN).findFirst()
                .orElseThrow(() -> new Refused("sessions.count.no-open-plenary"));
        Quorum q = quorum(open);
        var problems = new InvalidInput.Collector();
        for (var f : List.of(Map.entry("yes", d.yes() == null ? -1 : d.yes()), Map.entry("no", d.no() == null ? -1 : d.no()),
                Map.entry("abstain", d.abstain() == null ? -1 : d.abstain()))) {
            if (f.getValue() < 0) {
                problems.add(f.getKey(), "sessions.count.number", InvalidInput.label("sessions.field." + f.getKey()));
            }
        }
        problems.throwIfAny();
        if (d.yes() + d.no() + d.abstain() > q.present()) {
            throw new InvalidInput(Violation.of("yes", "sessions.count.more-than-present",
                    d.yes() + d.no() + d.abstain(), q.present()));
        }
        AssemblyTerm term = termOf(open);
        BodyRules.MajorityCount count = rules.tally(term.bodyId(), q.due(), d.yes(), d.no(), d.abstain());
        store.count(agendaEntryId, q.due(), d.yes(), d.no(), d.abstain(), count.required(), count.adopted());
        AgendaEntry after = store.agendaEntry(agendaEntryId).orElseThrow();
        audit.record("session.agenda-count", "assembly_session", String.valueOf(entry.sessionId()), entry, after);
        return after;
    }

    private Sitting callable(long sittingId) {
        Sitting sitting = sessions.sitting(sittingId);
        if (sitting.state() == Sitting.State.CLOSED) {
            throw new Refused("sessions.sitting.closed");
        }
        return sitting;
    }

    /** The roster entries the clerk means: by id, or by the card number or full name typed. */
    private List<RosterEntry> find(Sitting sitting, Long entryId, String query) {
        long termId = termOf(sitting).termId();
        if (entryId != null) {
            return rosters.findEntry(entryId).filter(e -> e.termId() == termId).map(List::of)
                    .orElseThrow(() -> new InvalidInput(Violation.of("entryId", "sessions.desk.not-on-roster", entryId)));
        }
        if (Text.blank(query)) {
            throw new InvalidInput(Violation.of("query", "sessions.desk.query-required"));
        }
        List<RosterEntry> found = rosters.find(termId, query);
        if (found.isEmpty()) {
            throw new InvalidInput(Violation.of("query", "sessions.desk.not-found", query.strip()));
        }
        return found;
    }
}
