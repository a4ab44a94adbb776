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
        for (boolean adHoc : new boolean[] {false, true}) {
            for (boolean consent : new boolean[] {false, true}) {
                for (boolean voteRequired : new boolean[] {false, true}) {
                    for (Ballot vote : Ballot.values()) {
                        for (boolean decided : new boolean[] {false, true}) {
                            all.add(new ItemState(3, adHoc, consent, voteRequired, vote, decided));
                        }
                    }
                }
            }
        }
        return all;
    }

    private static final Map<Step, Predicate<Offers>> OFFERED = Map.of(
            Step.CONSENT, Offers::consent, Step.RECUSE, Offers::recuse, Step.WITHDRAW_RECUSAL, Offers::withdrawRecusal,
            Step.OPINION, Offers::opinion, Step.OPEN_VOTE, Offers::openVote, Step.CAST, Offers::ballot,
            Step.COUNT, Offers::count, Step.DECIDE, Offers::decide, Step.ADOPT_WITHOUT_VOTE, Offers::adoptWithoutVote,
            Step.CONCLUSIONS, Offers::conclusions);

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
        ItemState voting = new ItemState(2, false, false, true, Ballot.OPEN, false);
        assertThat(Steps.allowed(Step.RECUSE, MeetingState.OPEN, voting)).isTrue();
        assertThat(Steps.allowed(Step.RECUSE, MeetingState.NOTIFIED, new ItemState(2, false, false, true, Ballot.NONE, false)))
                .as("before the meeting opens").isTrue();
        // a recusal recorded stands once the vote has begun
        assertThat(Steps.refusal(Step.WITHDRAW_RECUSAL, MeetingState.OPEN, voting)).get()
                .extracting(v -> v.code()).isEqualTo("procedure.recusal-locked");
        ItemState decided = new ItemState(2, false, false, true, Ballot.COUNTED, true);
        assertThat(Steps.refusal(Step.RECUSE, MeetingState.OPEN, decided)).get()
                .extracting(v -> v.code()).isEqualTo("procedure.already-decided");
        assertThat(Steps.refusal(Step.RECUSE, MeetingState.CLOSED, new ItemState(2, false, false, true, Ballot.NONE, false)))
                .get().extracting(v -> v.code()).isEqualTo("procedure.recusal-state");
    }

    @Test
    void votesAndDecisionsFollowTheRulesOfProcedure() {
        ItemState adHoc = new ItemState(4, true, false, false, Ballot.NONE, false);
        assertThat(Steps.refusal(Step.OPEN_VOTE, MeetingState.OPEN, adHoc)).get()
                .extracting(v -> v.code()).isEqualTo("procedure.ad-hoc-without-consent");
        assertThat(Steps.allowed(Step.CONSENT, MeetingState.OPEN, adHoc)).isTrue();
        ItemState consented = new ItemState(4, true, true, false, Ballot.NONE, false);
        assertThat(Steps.refusal(Step.CONSENT, MeetingState.OPEN, consented)).get()
                .extracting(v -> v.code()).isEqualTo("procedure.consent-recorded");
        assertThat(Steps.allowed(Step.ADOPT_WITHOUT_VOTE, MeetingState.OPEN, consented)).isTrue();

        ItemState major = new ItemState(2, false, false, true, Ballot.NONE, false);
        assertThat(Steps.refusal(Step.ADOPT_WITHOUT_VOTE, MeetingState.OPEN, major)).get()
                .extracting(v -> v.code()).isEqualTo("procedure.vote-required");
        assertThat(Steps.allowed(Step.DECIDE, MeetingState.OPEN, major)).as("deferring needs no vote").isTrue();
        assertThat(Steps.refusal(Step.CAST, MeetingState.OPEN, major)).get()
                .extracting(v -> v.code()).isEqualTo("procedure.vote-not-open");
        assertThat(Steps.refusal(Step.CAST, MeetingState.OPEN, new ItemState(2, false, false, true, Ballot.COUNTED, true)))
                .get().extracting(v -> v.code()).isEqualTo("procedure.vote-counted");
        assertThat(Steps.refusal(Step.OPEN_VOTE, MeetingState.CLOSED, major)).get()
                .extracting(v -> v.code()).isEqualTo("procedure.not-open");
    }
}
