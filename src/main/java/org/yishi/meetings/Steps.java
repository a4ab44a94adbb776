package org.yishi.meetings;

import java.util.Optional;
import java.util.Set;

import org.yishi.platform.InvalidInput;
import org.yishi.platform.Refused;
import org.yishi.platform.Violation;

/**
 * The transition table of a meeting and of its agenda items: for each step, what the meeting's state and the item's
 * proceedings must be, and the reason a step is refused otherwise. {@link Procedure} and {@link Meetings} ask it before
 * they change anything; the meeting room asks it to decide which forms to offer, so that a form is offered exactly when
 * its step would not be refused for the state it is in. What depends on people and numbers (the quorum, who is a
 * member, who has voted) is checked by {@link Procedure} against the data and is not part of the table.
 */
final class Steps {

    private Steps() {
    }

    /** A step of the procedure: on the meeting as a whole, or on one of its items. */
    enum Step {
        REVISE, NOTIFY, OPEN, CLOSE, ARCHIVE, CHECK_IN, ADD_AD_HOC, REOPEN,
        CONSENT, CONCLUSIONS, RECUSE, WITHDRAW_RECUSAL, OPINION, OPEN_VOTE, CAST, COUNT, DECIDE, ADOPT_WITHOUT_VOTE,
        CAST_ALL_EXCEPT, CORRECT_BALLOT, REOPEN_ITEM;

        boolean onItem() {
            return compareTo(CONSENT) >= 0;
        }
    }

    /** Where an item's vote stands. */
    enum Ballot {
        NONE, OPEN, COUNTED
    }

    /**
     * What of an item and of its proceedings the table looks at.
     *
     * @param position the item's number on the agenda, for the reason given
     * @param method how the item's vote is taken; null when there is none
     * @param outcome what was decided; null while the item is undecided
     */
    record ItemState(int position, boolean adHoc, boolean consent, boolean voteRequired, Ballot vote, VoteMethod method,
            Outcome outcome) {

        static ItemState of(AgendaItem item, ItemProceedings p) {
            Ballot vote = p.vote() == null ? Ballot.NONE : p.vote().open() ? Ballot.OPEN : Ballot.COUNTED;
            return new ItemState(item.position(), item.adHoc(), item.adHocConsent(), item.voteRequired(), vote,
                    p.vote() == null ? null : p.vote().method(), p.decision() == null ? null : p.decision().outcome());
        }

        boolean decided() {
            return outcome != null;
        }

        boolean needsConsent() {
            return adHoc && !consent;
        }
    }

    /** The steps on the meeting as a whole, in the order of the lifecycle: the state bar offers the first allowed. */
    static final Step[] LIFECYCLE = {Step.NOTIFY, Step.OPEN, Step.CLOSE, Step.ARCHIVE};

    private static final Set<MeetingState> BEFORE_OR_DURING = Set.of(MeetingState.NOTIFIED, MeetingState.OPEN);
    private static final Set<MeetingState> DURING_OR_AFTER = Set.of(MeetingState.OPEN, MeetingState.CLOSED);

    /**
     * The votes that may be recorded in one step as "all in favour, except …": those where the members' choices are seen
     * together (a show of hands, an oral vote). A named ballot is signed by each member, and a secret one names nobody.
     */
    static final Set<VoteMethod> ALL_AT_ONCE = Set.of(VoteMethod.SHOW_OF_HANDS, VoteMethod.ORAL);

    /**
     * The decisions an item's panel may reopen while the meeting is open: a deferral or a call for further study taken
     * without a vote, so that the meeting can come back to the item. A vote's outcome is not reopened: once counted, an
     * adoption has gone to supervision and a rejection is reconsidered only by a new resolution (复议).
     */
    static final Set<Outcome> REOPENABLE = Set.of(Outcome.DEFERRED, Outcome.FURTHER_STUDY);

    /**
     * Why a step on the meeting is refused in this state, with its minutes begun ({@code minutesBegun}) or not; empty
     * when it is allowed. A closed meeting may be reopened (a member's late word, an item forgotten) only until the
     * office starts its minutes: from the first draft on, the minutes are what the meeting was.
     */
    static Optional<Violation> refusal(Step step, MeetingState state, boolean minutesBegun) {
        if (step != Step.REOPEN) {
            return refusal(step, state);
        }
        return Optional.ofNullable(state != MeetingState.CLOSED
                ? Violation.of("", "procedure.wrong-state", InvalidInput.label("procedure.reopen"), label(state),
                        label(MeetingState.CLOSED))
                : minutesBegun ? Violation.of("", "procedure.reopen-minutes") : null);
    }

    /** Why a step on the meeting is refused in this state; empty when it is allowed. */
    static Optional<Violation> refusal(Step step, MeetingState state) {
        if (step.onItem()) {
            throw new IllegalArgumentException(step + " is a step on an item");
        }
        if (step == Step.REOPEN) {
            throw new IllegalArgumentException("reopening depends on the minutes: ask with minutesBegun");
        }
        return Optional.ofNullable(switch (step) {
            case REVISE -> state.held() ? Violation.of("", "meetings.revise-held", label(state)) : null;
            case NOTIFY -> expect(state, MeetingState.DRAFT, "procedure.notify");
            case OPEN -> expect(state, MeetingState.NOTIFIED, "procedure.open");
            case CLOSE -> expect(state, MeetingState.OPEN, "procedure.close");
            case ARCHIVE -> expect(state, MeetingState.MINUTES_ISSUED, "procedure.archive");
            case CHECK_IN -> BEFORE_OR_DURING.contains(state) ? null
                    : Violation.of("", "procedure.check-in-state", label(state));
            case ADD_AD_HOC -> state == MeetingState.OPEN ? null : Violation.of("", "procedure.ad-hoc-state");
            default -> throw new IllegalStateException(step.name());
        });
    }

    /** Why a step on an item is refused with the meeting in this state and the item as it stands; empty if allowed. */
    static Optional<Violation> refusal(Step step, MeetingState state, ItemState item) {
        if (!step.onItem()) {
            return refusal(step, state);
        }
        int at = item.position();
        return Optional.ofNullable(switch (step) {
            case CONSENT -> notOpen(state) != null ? notOpen(state)
                    : !item.adHoc() ? Violation.of("", "procedure.not-ad-hoc", at)
                    : item.consent() ? Violation.of("", "procedure.consent-recorded", at) : null;
            case CONCLUSIONS -> DURING_OR_AFTER.contains(state) ? null
                    : Violation.of("", "procedure.conclusions-state", label(state));
            case RECUSE -> !BEFORE_OR_DURING.contains(state) ? Violation.of("", "procedure.recusal-state", label(state))
                    : item.decided() ? Violation.of("", "procedure.already-decided", at) : null;
            case WITHDRAW_RECUSAL -> !BEFORE_OR_DURING.contains(state)
                    ? Violation.of("", "procedure.recusal-state", label(state))
                    : item.decided() || item.vote() != Ballot.NONE ? Violation.of("", "procedure.recusal-locked", at) : null;
            case OPINION -> state == MeetingState.OPEN ? null : Violation.of("", "procedure.opinion-state", label(state));
            case OPEN_VOTE -> notOpen(state) != null ? notOpen(state)
                    : item.decided() ? Violation.of("", "procedure.already-decided", at)
                    : item.vote() != Ballot.NONE ? Violation.of("", "procedure.vote-exists", at)
                    : item.needsConsent() ? Violation.of("", "procedure.ad-hoc-without-consent", at) : null;
            case CAST, COUNT, CORRECT_BALLOT -> item.vote() == Ballot.COUNTED ? Violation.of("", "procedure.vote-counted", at)
                    : state != MeetingState.OPEN || item.vote() == Ballot.NONE
                    ? Violation.of("", "procedure.vote-not-open", at) : null;
            case CAST_ALL_EXCEPT -> refusal(Step.CAST, state, item).orElseGet(() -> ALL_AT_ONCE.contains(item.method())
                    ? null : Violation.of("", "procedure.all-except-method", InvalidInput.label("enum.VoteMethod." + item.method())));
            case REOPEN_ITEM -> notOpen(state) != null ? notOpen(state)
                    : !item.decided() ? Violation.of("", "procedure.reopen-undecided", at)
                    : !REOPENABLE.contains(item.outcome()) ? Violation.of("", "procedure.reopen-outcome", at,
                            InvalidInput.label("enum.Outcome." + item.outcome())) : null;
            case DECIDE -> notOpen(state) != null ? notOpen(state)
                    : item.decided() ? Violation.of("", "procedure.already-decided", at)
                    : item.needsConsent() ? Violation.of("", "procedure.ad-hoc-without-consent", at) : null;
            case ADOPT_WITHOUT_VOTE -> refusal(Step.DECIDE, state, item).orElse(
                    item.voteRequired() ? Violation.of("", "procedure.vote-required", at)
                    : item.vote() != Ballot.NONE ? Violation.of("", "procedure.vote-exists", at) : null);
            default -> throw new IllegalStateException(step.name());
        });
    }

    static boolean allowed(Step step, MeetingState state) {
        return refusal(step, state).isEmpty();
    }

    static boolean allowed(Step step, MeetingState state, ItemState item) {
        return refusal(step, state, item).isEmpty();
    }

    /** Refuses the step, with its reason, unless the table allows it. */
    static void require(Step step, MeetingState state) {
        refusal(step, state).ifPresent(v -> {
            throw new Refused(java.util.List.of(v));
        });
    }

    static void require(Step step, MeetingState state, boolean minutesBegun) {
        refusal(step, state, minutesBegun).ifPresent(v -> {
            throw new Refused(java.util.List.of(v));
        });
    }

    static void require(Step step, MeetingState state, ItemState item) {
        refusal(step, state, item).ifPresent(v -> {
            throw new Refused(java.util.List.of(v));
        });
    }

    /** The one lifecycle step the meeting's state allows; null when none does. */
    static Step next(MeetingState state) {
        for (Step step : LIFECYCLE) {
            if (allowed(step, state)) {
                return step;
            }
        }
        return null;
    }

    private static Violation notOpen(MeetingState state) {
        return state == MeetingState.OPEN ? null : Violation.of("", "procedure.not-open", label(state));
    }

    private static Violation expect(MeetingState state, MeetingState from, String action) {
        return state == from ? null
                : Violation.of("", "procedure.wrong-state", InvalidInput.label(action), label(state), label(from));
    }

    private static Object label(MeetingState s) {
        return InvalidInput.label("enum.MeetingState." + s.name());
    }
}
