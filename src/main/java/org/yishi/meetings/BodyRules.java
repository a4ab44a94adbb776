package org.yishi.meetings;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.meetings.rules.RuleSet;
import org.yishi.meetings.rules.RuleSets;

/**
 * A body's rules of procedure applied to numbers another module counts itself: the roll call of a congress session's
 * plenary meeting, the votes on its resolutions. The rule set is the one assigned to the body, or the default for its
 * kind (a people's congress: two thirds present; adopted by a majority of all deputies). Counts are whole numbers and
 * compared exactly, never rounded.
 */
@Service
@Transactional(readOnly = true)
public class BodyRules {

    private final RuleSets ruleSets;

    BodyRules(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    /**
     * Whether {@code present} of the {@code due} members (deputies) is enough to meet.
     *
     * @param required the least number present that meets the quorum
     */
    public record QuorumCount(boolean met, int due, int present, int required) {
    }

    /**
     * Whether an item is adopted by the yes votes, counted against the base of the body's rule set (for a congress:
     * all deputies, whoever is present).
     *
     * @param basis    what the yes votes were counted against
     * @param required the least number of yes votes that adopts
     */
    public record MajorityCount(boolean adopted, int basis, int yes, int required) {
    }

    /** The quorum of the body's meeting with {@code present} of {@code due}; 0 ≤ present ≤ due, due ≥ 1. */
    public QuorumCount quorum(long bodyId, int due, int present) {
        return quorum(ruleSets.forBody(bodyId).rules(), due, present);
    }

    /** The count of a vote in the body with {@code members} members, none recused. */
    public MajorityCount tally(long bodyId, int members, int yes, int no, int abstain) {
        return tally(ruleSets.forBody(bodyId).rules(), members, yes, no, abstain);
    }

    static QuorumCount quorum(RuleSet rules, int due, int present) {
        RuleSet.QuorumCheck check = rules.quorum(due, present, false);
        return new QuorumCount(check.met(), due, present, check.required());
    }

    static MajorityCount tally(RuleSet rules, int members, int yes, int no, int abstain) {
        RuleSet.Tally t = rules.tally(members, 0, yes, no, abstain);
        return new MajorityCount(t.adopted(), t.basis(), yes, t.basis() == 0 ? 1 : rules.majority().leastOf(t.basis()));
    }
}
