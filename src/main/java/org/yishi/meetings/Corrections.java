package org.yishi.meetings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.audit.Audit;
import org.yishi.directory.Person;
import org.yishi.meetings.Steps.Step;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.Refused;
import org.yishi.platform.Text;
import org.yishi.platform.Violation;

/**
 * What the office may put right while a meeting is held, each with a reason and audited with what it was before: a
 * ballot recorded by mistake (before the count), a show of hands recorded in one step as "all in favour, except …",
 * a closed meeting reopened before its minutes are begun, and an item's deferral reopened while the meeting is open.
 * The transition table ({@link Steps}) says when each is allowed; this class checks the people and the reasons.
 */
@Service
@Transactional
class Corrections {

    private final Procedure procedure;
    private final Meetings meetings;
    private final MeetingStore store;
    private final ProceedingsStore proceedings;
    private final Audit audit;

    Corrections(Procedure procedure, Meetings meetings, MeetingStore store, ProceedingsStore proceedings, Audit audit) {
        this.procedure = procedure;
        this.meetings = meetings;
        this.store = store;
        this.proceedings = proceedings;
        this.audit = audit;
    }

    /**
     * Corrects a member's ballot before the count: to {@code choice}, or, with none, takes it back (the member had not
     * voted; in a secret ballot the only mistake there can be, since no choice is recorded).
     */
    void correctBallot(long itemId, Long personId, Choice choice, String reason) {
        Procedure.Item it = procedure.item(itemId, "procedure.correct-ballot");
        it.require(Step.CORRECT_BALLOT);
        requireReason(personId, reason);
        Person person = procedure.person(personId);
        Vote vote = it.proceedings().vote();
        boolean secret = vote.method() == VoteMethod.SECRET;
        Ballot was = vote.ballots().stream().filter(b -> b.personId() == personId).findFirst()
                .orElseThrow(() -> new Refused("procedure.no-ballot", Procedure.name(person), it.item().position()));
        if (secret && choice != null) {
            throw new Refused("procedure.secret-no-choice");
        }
        if (choice != null && choice == was.choice()) {
            throw new Refused("procedure.ballot-unchanged", Procedure.name(person),
                    InvalidInput.label("enum.Choice." + choice.name()));
        }
        proceedings.correctBallot(itemId, personId, choice);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("person", personId);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("person", personId);
        // a secret ballot is audited as cast or not, never with a choice
        if (!secret) {
            before.put("choice", was.choice().name());
            after.put("choice", choice == null ? "NONE" : choice.name());
        } else {
            after.put("withdrawn", true);
        }
        after.put("reason", reason.strip());
        audit.record("vote.correct-ballot", "agenda_item", String.valueOf(itemId), before, after);
    }

    /**
     * Records a show of hands (or an oral vote) in one step: every member entitled who has not voted yet is in favour,
     * except those named in {@code exceptions} with their choice. Refused, naming them, for anyone who may not vote.
     *
     * @return how many ballots were recorded
     */
    int castAllExcept(long itemId, Map<Long, Choice> exceptions) {
        Procedure.Item it = procedure.item(itemId, "procedure.cast");
        it.require(Step.CAST_ALL_EXCEPT);
        Meeting m = it.meeting();
        ItemProceedings p = it.proceedings();
        Set<Long> voted = p.vote().ballots().stream().map(Ballot::personId).collect(Collectors.toSet());
        Set<Long> recused = p.recusals().stream().map(Recusal::personId).collect(Collectors.toSet());
        Set<Long> due = procedure.membersDue(m);
        List<Long> remaining = m.present().stream().filter(due::contains)
                .filter(id -> !recused.contains(id) && !voted.contains(id)).toList();
        List<Violation> problems = new java.util.ArrayList<>();
        exceptions.forEach((personId, choice) -> {
            Person person = procedure.person(personId);
            if (choice == null) {
                problems.add(Violation.of("choice", "input.required", InvalidInput.label("field.choice")));
            } else if (!remaining.contains(personId)) {
                problems.add(Violation.of("", voted.contains(personId) ? "procedure.vote-twice"
                        : recused.contains(personId) ? "procedure.vote-recused" : "procedure.vote-absent",
                        Procedure.name(person), it.item().position()));
            }
        });
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        if (remaining.isEmpty()) {
            throw new Refused("procedure.all-voted", it.item().position());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (long personId : remaining) {
            Choice choice = exceptions.getOrDefault(personId, Choice.YES);
            proceedings.cast(itemId, personId, choice);
            counts.merge(choice.name(), 1, Integer::sum);
        }
        Map<String, Object> after = new LinkedHashMap<>(counts);
        after.put("except", exceptions.entrySet().stream()
                .collect(Collectors.toMap(e -> String.valueOf(e.getKey()), e -> e.getValue().name())));
        audit.record("vote.cast-all-except", "agenda_item", String.valueOf(itemId), null, after);
        return remaining.size();
    }

    /** CLOSED → OPEN again, with a reason, as long as the office has not begun the minutes. */
    Meeting reopen(long meetingId, String reason) {
        Meeting m = procedure.locked(meetingId);
        Steps.require(Step.REOPEN, m.state(), store.minutesBegun(meetingId));
        if (Text.blank(reason)) {
            throw new InvalidInput(Violation.of("reason", "procedure.correction-reason"));
        }
        store.reopen(meetingId);
        Meeting after = meetings.meeting(meetingId);
        audit.record("meeting.reopen", "meeting", String.valueOf(meetingId), Map.of("state", m.state().name()),
                Map.of("state", after.state().name(), "reason", reason.strip()));
        return after;
    }

    /** Takes back an item's deferral (or call for further study) while the meeting is open, with a reason. */
    void reopenItem(long itemId, String reason) {
        Procedure.Item it = procedure.item(itemId, "procedure.reopen-item");
        it.require(Step.REOPEN_ITEM);
        if (Text.blank(reason)) {
            throw new InvalidInput(Violation.of("reason", "procedure.correction-reason"));
        }
        Decision was = it.proceedings().decision();
        proceedings.undecide(itemId);
        audit.record("item.reopen", "agenda_item", String.valueOf(itemId), Map.of("outcome", was.outcome().name()),
                Map.of("reason", reason.strip()));
    }

    private static void requireReason(Long personId, String reason) {
        var problems = new InvalidInput.Collector();
        if (personId == null) {
            problems.add("personId", "input.required", InvalidInput.label("kind.person"));
        }
        if (Text.blank(reason)) {
            problems.add("reason", "procedure.correction-reason");
        }
        problems.throwIfAny();
    }
}
