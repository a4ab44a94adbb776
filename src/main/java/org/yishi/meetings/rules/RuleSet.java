package org.yishi.meetings.rules;

/**
 * The rules of procedure a body decides under: how many must be present to meet (and to decide personnel items), what
 * the yes votes are counted against, and what share of that base they must reach. Proxies are never counted; written
 * opinions of absent members are recorded and never counted.
 *
 * @param code             the rule set's name, e.g. {@code party-standing-committee}
 * @param quorum           the share of members present for the meeting to be held
 * @param personnelQuorum  the share of members present for a personnel item to be decided
 * @param base             what the yes votes are counted against
 * @param majority         the share of the base the yes votes must reach
 */
public record RuleSet(String code, Fraction quorum, Fraction personnelQuorum, DecisionBase base, Fraction majority) {

    /** 区委常委会: more than half present; two thirds for personnel; yes > half of the members who should attend. */
    public static final RuleSet PARTY_STANDING_COMMITTEE = new RuleSet("party-standing-committee",
            Fraction.moreThan(1, 2), Fraction.atLeast(2, 3), DecisionBase.MEMBERS_DUE, Fraction.moreThan(1, 2));

    /** 人民代表大会: two thirds of the deputies present; adopted by a majority of all deputies (Local Organic Law). */
    public static final RuleSet CONGRESS_SESSION = new RuleSet("congress-session",
            Fraction.atLeast(2, 3), Fraction.atLeast(2, 3), DecisionBase.ALL_MEMBERS, Fraction.moreThan(1, 2));

    /** 政协常委会: more than half present; adopted by more than half of all members of the standing committee. */
    public static final RuleSet CPPCC_STANDING_COMMITTEE = new RuleSet("cppcc-standing-committee",
            Fraction.moreThan(1, 2), Fraction.moreThan(1, 2), DecisionBase.ALL_MEMBERS, Fraction.moreThan(1, 2));

    /** Other bodies: more than half present; adopted by more than half of the votes cast. */
    public static final RuleSet SIMPLE_MAJORITY = new RuleSet("simple-majority",
            Fraction.moreThan(1, 2), Fraction.moreThan(1, 2), DecisionBase.VOTES_CAST, Fraction.moreThan(1, 2));

    /** Whether a meeting with {@code present} of {@code members} may be held, or decide a personnel item. */
    public QuorumCheck quorum(int members, int present, boolean personnel) {
        if (members < 1 || present < 0 || present > members) {
            throw new IllegalArgumentException("present " + present + " of " + members);
        }
        Fraction share = personnel ? personnelQuorum : quorum;
        return new QuorumCheck(share.reachedBy(present, members), members, present, share.leastOf(members), personnel);
    }

    /**
     * Whether an item is adopted: yes votes against the base this rule set counts them against.
     *
     * @param members members (deputies) of the body
     * @param recused members recused from this item
     */
    public Tally tally(int members, int recused, int yes, int no, int abstain) {
        if (members < 1 || recused < 0 || recused > members || yes < 0 || no < 0 || abstain < 0
                || yes + no + abstain > members - recused) {
            throw new IllegalArgumentException("votes " + yes + "/" + no + "/" + abstain + " of " + members + " less " + recused);
        }
        int basis = switch (base) {
            case MEMBERS_DUE -> members - recused;
            case ALL_MEMBERS -> members;
            case VOTES_CAST -> yes + no;
        };
        boolean adopted = basis > 0 && majority.reachedBy(yes, basis);
        return new Tally(adopted, base, basis, majority.of(basis), majority.strictlyMore(), yes, no, abstain);
    }

    /** The outcome of a quorum check, with what it needed. */
    public record QuorumCheck(boolean met, int members, int present, int required, boolean personnel) {
    }

    /**
     * The outcome of a count, with what it was counted against.
     *
     * @param threshold the share of the basis to exceed or reach, as shown (e.g. 4.5)
     */
    public record Tally(boolean adopted, DecisionBase base, int basis, String threshold, boolean strictlyMore, int yes,
            int no, int abstain) {
    }
}
