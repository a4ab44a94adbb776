package org.yishi.meetings;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yishi.accounts.Viewers;
import org.yishi.platform.Messages;
import org.yishi.platform.NotFound;
import org.yishi.meetings.rules.RuleTexts;

/**
 * Running a meeting through the API: the lifecycle, check-in, and what happens to each item. Refusals answer 409
 * with every reason; bad input 400. Only for those who run meetings (meeting:run); the proceedings also for those
 * who may read the record.
 */
@RestController
@Tag(name = "procedure", description = "Running a meeting under its rules of procedure")
class ProcedureApi {

    private final Procedure procedure;
    private final Corrections corrections;
    private final Meetings meetings;
    private final MeetingStore store;
    private final RuleTexts texts;
    private final MessageSource messages;

    ProcedureApi(Procedure procedure, Corrections corrections, Meetings meetings, MeetingStore store, RuleTexts texts,
            MessageSource messages) {
        this.procedure = procedure;
        this.corrections = corrections;
        this.meetings = meetings;
        this.store = store;
        this.texts = texts;
        this.messages = messages;
    }

    /** A meeting's standing under its rules: the quorum with its explanation, warnings, and each item's proceedings. */
    record Standing(long meetingId, MeetingState state, Integer sequence, Quorum quorum, List<String> warnings,
            List<ItemStanding> items) {
    }

    record Quorum(int membersDue, int present, int required, boolean met, String explanation, int personnelRequired,
            boolean personnelMet, String personnelExplanation) {
    }

    /** @param explanation the outcome with the numbers it was decided on, in the caller's language; null if undecided */
    record ItemStanding(long itemId, int position, boolean voteRequired, List<Long> entitledVoters,
            ItemProceedings proceedings, String explanation) {
    }

    record Check(Procedure.Attendance status, String reason) {
    }

    record RecusalInput(Long personId, String reason) {
    }

    record OpinionInput(Long personId, Boolean written, String text) {
    }

    record VoteInput(VoteMethod method) {
    }

    record BallotInput(Long personId, Choice choice) {
    }

    record CountInput(Integer yes, Integer no, Integer abstain, Boolean inPrinciple) {
    }

    record DecisionInput(Outcome outcome, String noteZh, String noteEn) {
    }

    record ConclusionsInput(String zh, String en) {
    }

    /** A correction's reason; for a ballot, the choice it should have recorded (none: the member did not vote). */
    record CorrectionInput(Choice choice, String reason) {
    }

    /** "All in favour, except …": the members who chose otherwise, by person id. */
    record AllExceptInput(Map<Long, Choice> except) {
    }

    @GetMapping("/api/meetings/{id}/proceedings")
    @PreAuthorize("hasAnyAuthority('meeting:run', 'record:read')")
    @Operation(summary = "The meeting under its rules", description = "Quorum with its explanation, agenda warnings, and for each item the recusals, opinions, vote (a secret ballot names only who voted) and decision with its explanation.")
    Standing standing(@PathVariable long id) {
        return standing(meetings.meetingFor(Viewers.current(), id), LocaleContextHolder.getLocale());
    }

    private Standing standing(Meeting m, Locale locale) {
        Procedure.QuorumState q = procedure.quorum(m);
        Quorum quorum = new Quorum(q.membersDue(), q.present(), q.check().required(), q.check().met(),
                texts.explain(q.check(), locale), q.personnel().required(), q.personnel().met(),
                texts.explain(q.personnel(), locale));
        Map<Long, ItemProceedings> all = procedure.proceedings(m.id());
        var due = procedure.membersDue(m);
        List<ItemStanding> items = m.items().stream().map(item -> {
            ItemProceedings p = all.get(item.id());
            List<Long> entitled = m.present().stream().filter(due::contains)
                    .filter(person -> p.recusals().stream().noneMatch(r -> r.personId() == person)).toList();
            return new ItemStanding(item.id(), item.position(), item.voteRequired(), entitled, p,
                    p.decision() == null ? null : texts.explain(p.decision(), p.vote(), locale));
        }).toList();
        List<String> warnings = procedure.warnings(m).stream().map(v -> Messages.resolve(messages, v, locale)).toList();
        return new Standing(m.id(), m.state(), m.sequence(), quorum, warnings, items);
    }

    @PostMapping("/api/meetings/{id}/notify")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Send the notice", description = "DRAFT → NOTIFIED; fixes the meeting's number in its term.")
    Meeting notify(@PathVariable long id) {
        visible(id);
        return procedure.notify(id);
    }

    @PostMapping("/api/meetings/{id}/open")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Open the meeting", description = "NOTIFIED → OPEN; refused with the numbers when the quorum is not met.")
    Meeting open(@PathVariable long id) {
        visible(id);
        return procedure.open(id);
    }

    @PostMapping("/api/meetings/{id}/close")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Close the meeting", description = "OPEN → CLOSED; refused while a vote is open.")
    Meeting close(@PathVariable long id) {
        visible(id);
        return procedure.close(id);
    }

    @PostMapping("/api/meetings/{id}/archive")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Archive the meeting", description = "MINUTES_ISSUED → ARCHIVED.")
    Meeting archive(@PathVariable long id) {
        visible(id);
        return procedure.archive(id);
    }

    @PutMapping("/api/meetings/{id}/attendance/{personId}")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Check a member in", description = "PRESENT, ON_LEAVE (with a reason) or ABSENT, while the meeting is notified or open.")
    Meeting checkIn(@PathVariable long id, @PathVariable long personId, @RequestBody Check check) {
        visible(id);
        return procedure.checkIn(id, personId, check.status(), check.reason());
    }

    @PostMapping("/api/meetings/{id}/items")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Raise an ad-hoc item", description = "While the meeting is open; adHocConsent records the presiding person's consent.")
    Meeting adHoc(@PathVariable long id, @RequestBody ItemDraft item) {
        visible(id);
        return procedure.addAdHocItem(id, item);
    }

    @PostMapping("/api/items/{itemId}/consent")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Record the presiding person's consent to an ad-hoc item")
    ResponseEntity<Void> consent(@PathVariable long itemId) {
        visibleItem(itemId);
        procedure.recordConsent(itemId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/items/{itemId}/conclusions")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Record the item's conclusions", description = "As the readout and the minutes give them.")
    ResponseEntity<Void> conclusions(@PathVariable long itemId, @RequestBody ConclusionsInput input) {
        visibleItem(itemId);
        procedure.recordConclusions(itemId, input.zh(), input.en());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/items/{itemId}/recusals")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Recuse a member from an item")
    ResponseEntity<Void> recuse(@PathVariable long itemId, @RequestBody RecusalInput input) {
        visibleItem(itemId);
        procedure.recuse(itemId, input.personId(), input.reason());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/items/{itemId}/recusals/{personId}")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Withdraw a recusal", description = "Only before the item's vote opens.")
    ResponseEntity<Void> withdraw(@PathVariable long itemId, @PathVariable long personId) {
        visibleItem(itemId);
        procedure.withdrawRecusal(itemId, personId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/items/{itemId}/opinions")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Record an opinion", description = "What a present member said, or (written=true) what an absent member sent in writing: recorded, never counted.")
    Map<String, Long> opinion(@PathVariable long itemId, @RequestBody OpinionInput input) {
        visibleItem(itemId);
        return Map.of("id", procedure.recordOpinion(itemId, input.personId(), Boolean.TRUE.equals(input.written()), input.text()));
    }

    @DeleteMapping("/api/items/{itemId}/opinions/{opinionId}")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Remove an opinion recorded by mistake")
    ResponseEntity<Void> removeOpinion(@PathVariable long itemId, @PathVariable long opinionId) {
        visibleItem(itemId);
        procedure.removeOpinion(itemId, opinionId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/items/{itemId}/vote")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Open the vote on an item", description = "ORAL, SHOW_OF_HANDS, NAMED or SECRET; a personnel item needs its own quorum.")
    ResponseEntity<Void> openVote(@PathVariable long itemId, @RequestBody VoteInput input) {
        visibleItem(itemId);
        procedure.openVote(itemId, input.method());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/items/{itemId}/ballots")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Record a member's ballot", description = "Refused for the absent, the recused, non-members, a second ballot, and after the count. In a secret ballot give no choice.")
    ResponseEntity<Void> cast(@PathVariable long itemId, @RequestBody BallotInput input) {
        visibleItem(itemId);
        procedure.cast(itemId, input.personId(), input.choice());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/items/{itemId}/count")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Count the vote and decide", description = "Secret ballot: give the tellers' counts; otherwise none. The outcome follows the body's rule set.")
    Map<String, Object> count(@PathVariable long itemId, @RequestBody(required = false) CountInput input) {
        visibleItem(itemId);
        CountInput in = input == null ? new CountInput(null, null, null, false) : input;
        Decision d = procedure.count(itemId, in.yes(), in.no(), in.abstain(), Boolean.TRUE.equals(in.inPrinciple()));
        return explained(itemId, d);
    }

    @PostMapping("/api/items/{itemId}/decision")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Decide without a vote", description = "DEFERRED or FURTHER_STUDY; ADOPTED or ADOPTED_IN_PRINCIPLE only for items that need no vote.")
    Map<String, Object> decide(@PathVariable long itemId, @RequestBody DecisionInput input) {
        visibleItem(itemId);
        return explained(itemId, procedure.decide(itemId, input.outcome(), input.noteZh(), input.noteEn()));
    }

    @PostMapping("/api/items/{itemId}/ballots/{personId}/correction")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Correct a ballot recorded by mistake", description = "Before the count, with a reason: the choice it should have recorded, or none to take the ballot back (in a secret ballot, the only correction). Audited with the choice it had.")
    ResponseEntity<Void> correctBallot(@PathVariable long itemId, @PathVariable long personId,
            @RequestBody CorrectionInput input) {
        visibleItem(itemId);
        corrections.correctBallot(itemId, personId, input.choice(), input.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/items/{itemId}/ballots/all-except")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Record a show of hands in one step", description = "Every member entitled who has not voted is in favour, except those given with their choice. Show of hands and oral votes only.")
    Map<String, Integer> castAllExcept(@PathVariable long itemId, @RequestBody(required = false) AllExceptInput input) {
        visibleItem(itemId);
        Map<Long, Choice> except = input == null || input.except() == null ? Map.of() : input.except();
        return Map.of("recorded", corrections.castAllExcept(itemId, except));
    }

    @PostMapping("/api/items/{itemId}/decision/reopen")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Reopen an item's deferral", description = "While the meeting is open, with a reason: a deferral or a call for further study taken without a vote is taken back. A vote's outcome is never reopened.")
    ResponseEntity<Void> reopenItem(@PathVariable long itemId, @RequestBody CorrectionInput input) {
        visibleItem(itemId);
        corrections.reopenItem(itemId, input.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/meetings/{id}/reopen")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Reopen a closed meeting", description = "CLOSED → OPEN, with a reason, until the minutes are begun.")
    Meeting reopen(@PathVariable long id, @RequestBody CorrectionInput input) {
        visible(id);
        return corrections.reopen(id, input.reason());
    }

    private Map<String, Object> explained(long itemId, Decision d) {
        Long meetingId = store.meetingOfItem(itemId).orElseThrow();
        Vote vote = procedure.proceedings(meetingId).get(itemId).vote();
        return Map.of("decision", d, "explanation", texts.explain(d, vote, LocaleContextHolder.getLocale()));
    }

    private Meeting visible(long meetingId) {
        return meetings.meetingFor(Viewers.current(), meetingId);
    }

    /** The item, if the caller may see it; otherwise it does not exist for them. */
    private void visibleItem(long itemId) {
        Long meetingId = store.meetingOfItem(itemId).orElseThrow(() -> new NotFound("kind.item", itemId));
        if (visible(meetingId).item(itemId) == null) {
            throw new NotFound("kind.item", itemId);
        }
    }
}
