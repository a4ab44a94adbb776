package org.yishi.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.yishi.meetings.MeetingRoomPages.Offers;
import org.yishi.meetings.Steps.Ballot;
import org.yishi.meetings.Steps.ItemState;
import org.yishi.meetings.Steps.Step;

/**
 * The transition table of meetings and items against what the meeting room offers: for every state of the meeting and
 * every way an item can stand, a form is offered exactly when its step is not refused; and the rules the table holds,
 * read as the rules of procedure state them.
 */
class StepsTests {

    /** Every combination of the item's facts the table looks at. */
    private static List<ItemState> everyItem() {
        List<ItemState> all = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>(List.of(Outcome.values()));
        outcomes.add(null);
        for (boolean adHoc : new boolean[] {false, true}) {
            for (boolean consent : new boolean[] {false, true}) {
                for (boolean voteRequired : new boolean[] {false, true}) {
                    for (Ballot vote : Ballot.values()) {
                        for (VoteMethod method : vote == Ballot.NONE ? new VoteMethod[] {null} : VoteMethod.values()) {
                            for (Outcome outcome : outcomes) {
                                all.add(new ItemState(3, adHoc, consent, voteRequired, vote, method, outcome));
                            }
                        }
                    }
                }
            }
        }
        return all;
    }

    /** An item as the older tests name it: decided or not (adopted, when decided), its vote a named one when there is one. */
    private static ItemState state(int position, boolean adHoc, boolean consent, boolean voteRequired, Ballot vote,
            boolean decided) {
        return new ItemState(position, adHoc, consent, voteRequired, vote, vote == Ballot.NONE ? null : VoteMethod.NAMED,
                decided ? Outcome.ADOPTED : null);
    }

    private static final Map<Step, Predicate<Offers>> OFFERED = Map.ofEntries(
            Map.entry(Step.CONSENT, Offers::consent), Map.entry(Step.RECUSE, Offers::recuse),
            Map.entry(Step.WITHDRAW_RECUSAL, Offers::withdrawRecusal), Map.entry(Step.OPINION, Offers::opinion),
            Map.entry(Step.OPEN_VOTE, Offers::openVote), Map.entry(Step.CAST, Offers::ballot),
            Map.entry(Step.COUNT, Offers::count), Map.entry(Step.DECIDE, Offers::decide),
            Map.entry(Step.ADOPT_WITHOUT_VOTE, Offers::adoptWithoutVote), Map.entry(Step.CONCLUSIONS, Offers::conclusions),
            Map.entry(Step.CAST_ALL_EXCEPT, Offers::allExcept), Map.entry(Step.CORRECT_BALLOT, Offers::correctBallot),
            Map.entry(Step.REOPEN_ITEM, Offers::reopenItem));

    @Test
    void anItemsFormIsOfferedExactlyWhenItsStepIsNotRefused() {
        for (MeetingState state : MeetingState.values()) {
            for (ItemState item : everyItem()) {
                Offers offers = Offers.of(state, item);
                for (Step step : Step.values()) {
                    if (!step.onItem()) {
                        continue;
                    }
                    assertThat(OFFERED).as("the room has a form for %s", step).containsKey(step);
                    boolean refused = Steps.refusal(step, state, item).isPresent();
                    assertThat(OFFERED.get(step).test(offers)).as("%s offered in %s for %s", step, state, item)
                            .isEqualTo(!refused);
                }
            }
        }
    }

    @Test
    void theStateBarOffersTheOneLifecycleStepTheStateAllows() {
        for (MeetingState state : MeetingState.values()) {
            List<Step> allowed = List.of(Steps.LIFECYCLE).stream().filter(s -> Steps.refusal(s, state).isEmpty()).toList();
            assertThat(allowed.size()).as("lifecycle steps allowed in %s", state).isLessThanOrEqualTo(1);
            assertThat(Steps.next(state)).as("the next step in %s", state).isEqualTo(allowed.isEmpty() ? null : allowed.getFirst());
        }
        assertThat(Steps.next(MeetingState.DRAFT)).isEqualTo(Step.NOTIFY);
        assertThat(Steps.next(MeetingState.CLOSED)).as("minutes are issued from the minutes desk").isNull();
        assertThat(Steps.refusal(Step.NOTIFY, MeetingState.NOTIFIED)).get()
                .extracting(v -> v.code()).isEqualTo("procedure.wrong-state");
    }

    @Test
    void aMemberMayBeRecusedWhileTheVoteIsOpenButNotOnceTheItemIsDecided() {
        ItemState voting = state(2, false, false, true, Ballot.OPEN, false);
        assertThat(Steps.allowed(Step.RECUSE, MeetingState.OPEN, voting)).isTrue();
        assertThat(Steps.allowed(Step.RECUSE, MeetingState.NOTIFIED, state(2, false, false, true, Ballot.NONE, false)))
                .as("before the meeting opens").isTrue();
        // a recusal recorded stands once the vote has begun
        assertThat(Steps.refusal(Step.WITHDRAW_RECUSAL, MeetingState.OPEN, voting)).get()
                .extracting(v -> v.code()).isEqualTo("procedure.recusal-locked");
        ItemState decided = state(2, false, false, true, Ballot.COUNTED, true);
        assertThat(Steps.refusal(Step.RECUSE, MeetingState.OPEN, decided)).get()
                .extracting(v -> v.code()).isEqualTo("procedure.already-decided");
        assertThat(Steps.refusal(Step.RECUSE, MeetingState.CLOSED, state(2, false, false, true, Ballot.NONE, false)))
                .get().extracting(v -> v.code()).isEqualTo("procedure.recusal-state");
    }

    @Test
    void votesAndDecisionsFollowTheRulesOfProcedure() {
        ItemState adHoc = state(4, true, false, false, Ballot.NONE, false);
        assertThat(Steps.refusal(Step.OPEN_VOTE, MeetingState.OPEN, adHoc)).get()
                .extracting(v -> v.code()).isEqualTo("procedure.ad-hoc-without-consent");
        assertThat(Steps.allowed(Step.CONSENT, MeetingState.OPEN, adHoc)).isTrue();
        ItemState consented = state(4, true, true, false, Ballot.NONE, false);
        assertThat(Steps.refusal(Step.CONSENT, MeetingState.OPEN, consented)).get()
                .extracting(v -> v.code()).isEqualTo("procedure.consent-recorded");
        assertThat(Steps.allowed(Step.ADOPT_WITHOUT_VOTE, MeetingState.OPEN, consented)).isTrue();

        ItemState major = state(2, false, false, true, Ballot.NONE, false);
        assertThat(Steps.refusal(Step.ADOPT_WITHOUT_VOTE, MeetingState.OPEN, major)).get()
                .extracting(v -> v.code()).isEqualTo("procedure.vote-required");
        assertThat(Steps.allowed(Step.DECIDE, MeetingState.OPEN, major)).as("deferring needs no vote").isTrue();
        assertThat(Steps.refusal(Step.CAST, MeetingState.OPEN, major)).get()
                .extracting(v -> v.code()).isEqualTo("procedure.vote-not-open");
        assertThat(Steps.refusal(Step.CAST, MeetingState.OPEN, state(2, false, false, true, Ballot.COUNTED, true)))
                .get().extracting(v -> v.code()).isEqualTo("procedure.vote-counted");
        assertThat(Steps.refusal(Step.OPEN_VOTE, MeetingState.CLOSED, major)).get()
                .extracting(v -> v.code()).isEqualTo("procedure.not-open");
    }

    @Test
    void aBallotIsCorrectedOnlyBeforeTheCountAndAShowOfHandsIsRecordedInOneStep() {
        ItemState hands = new ItemState(2, false, false, true, Ballot.OPEN, VoteMethod.SHOW_OF_HANDS, null);
        assertThat(Steps.allowed(Step.CORRECT_BALLOT, MeetingState.OPEN, hands)).isTrue();
        assertThat(Steps.allowed(Step.CAST_ALL_EXCEPT, MeetingState.OPEN, hands)).isTrue();
        assertThat(Steps.allowed(Step.CAST_ALL_EXCEPT, MeetingState.OPEN,
                new ItemState(2, false, false, true, Ballot.OPEN, VoteMethod.ORAL, null))).isTrue();
        // each signs a named ballot, and a secret one names nobody: recorded one by one
        for (VoteMethod oneByOne : new VoteMethod[] {VoteMethod.NAMED, VoteMethod.SECRET}) {
            ItemState item = new ItemState(2, false, false, true, Ballot.OPEN, oneByOne, null);
            assertThat(Steps.refusal(Step.CAST_ALL_EXCEPT, MeetingState.OPEN, item)).get()
                    .extracting(v -> v.code()).isEqualTo("procedure.all-except-method");
            assertThat(Steps.allowed(Step.CORRECT_BALLOT, MeetingState.OPEN, item)).as("a ballot mark taken back").isTrue();
        }
        ItemState counted = new ItemState(2, false, false, true, Ballot.COUNTED, VoteMethod.SHOW_OF_HANDS, Outcome.ADOPTED);
        assertThat(Steps.refusal(Step.CORRECT_BALLOT, MeetingState.OPEN, counted)).get()
                .extracting(v -> v.code()).isEqualTo("procedure.vote-counted");
        assertThat(Steps.refusal(Step.CAST_ALL_EXCEPT, MeetingState.OPEN, counted)).get()
                .extracting(v -> v.code()).isEqualTo("procedure.vote-counted");
        assertThat(Steps.refusal(Step.CORRECT_BALLOT, MeetingState.OPEN, state(2, false, false, true, Ballot.NONE, false)))
                .get().extracting(v -> v.code()).isEqualTo("procedure.vote-not-open");
    }

    @Test
    void aDeferralIsReopenedWhileTheMeetingSitsButAVotesOutcomeNever() {
        for (Outcome outcome : List.of(Outcome.DEFERRED, Outcome.FURTHER_STUDY)) {
            ItemState deferred = new ItemState(5, false, false, false, Ballot.NONE, null, outcome);
            assertThat(Steps.allowed(Step.REOPEN_ITEM, MeetingState.OPEN, deferred)).isTrue();
            assertThat(Steps.refusal(Step.REOPEN_ITEM, MeetingState.CLOSED, deferred)).get()
                    .extracting(v -> v.code()).isEqualTo("procedure.not-open");
        }
        for (Outcome outcome : List.of(Outcome.ADOPTED, Outcome.ADOPTED_IN_PRINCIPLE, Outcome.REJECTED)) {
            ItemState voted = new ItemState(5, false, false, true, Ballot.COUNTED, VoteMethod.NAMED, outcome);
            assertThat(Steps.refusal(Step.REOPEN_ITEM, MeetingState.OPEN, voted)).get()
                    .extracting(v -> v.code()).isEqualTo("procedure.reopen-outcome");
        }
        assertThat(Steps.refusal(Step.REOPEN_ITEM, MeetingState.OPEN, state(5, false, false, false, Ballot.NONE, false)))
                .get().extracting(v -> v.code()).isEqualTo("procedure.reopen-undecided");
    }

    @Test
    void aClosedMeetingIsReopenedOnlyUntilItsMinutesAreBegun() {
        assertThat(Steps.refusal(Step.REOPEN, MeetingState.CLOSED, false)).isEmpty();
        assertThat(Steps.refusal(Step.REOPEN, MeetingState.CLOSED, true)).get()
                .extracting(v -> v.code()).isEqualTo("procedure.reopen-minutes");
        for (MeetingState state : MeetingState.values()) {
            if (state != MeetingState.CLOSED) {
                assertThat(Steps.refusal(Step.REOPEN, state, false)).as("reopen in %s", state).get()
                        .extracting(v -> v.code()).isEqualTo("procedure.wrong-state");
            }
        }
        assertThat(List.of(Steps.LIFECYCLE)).as("reopening is a correction, never the next step").doesNotContain(Step.REOPEN);
    }

    @Test
    void opinionsAreRecordedWhileTheMeetingSitsAndNoLongerChangeOnceItIsClosed() {
        ItemState item = state(1, false, false, false, Ballot.NONE, false);
        assertThat(Steps.allowed(Step.OPINION, MeetingState.OPEN, item)).isTrue();
        assertThat(Steps.refusal(Step.OPINION, MeetingState.CLOSED, item)).get()
                .extracting(v -> v.code()).isEqualTo("procedure.opinion-state");
    }
}
