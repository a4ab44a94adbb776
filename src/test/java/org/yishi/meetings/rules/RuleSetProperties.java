package org.yishi.meetings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/**
 * Quorum and majority rules across body sizes, attendance and recusals, against the rules written as plain integer
 * inequalities (domain.md §2 and §4), including the edges: exactly half, exactly two thirds, ties.
 */
class RuleSetProperties {

    /** A whole number from 0 to {@code whole}, spread evenly by {@code perMille} from 0 to 1000. */
    private static int share(int whole, int perMille) {
        return (int) Math.round(whole * perMille / 1000.0);
    }

    @Test
    void aShareIsReachedFromItsLeastCountOnwards() {
        qt().withExamples(2000).forAll(integers().between(1, 500), integers().between(0, 1000), integers().between(1, 7),
                integers().between(0, 1000)).checkAssert((whole, countShare, den, numShare) -> {
                    int count = share(whole, countShare);
                    int num = share(den, numShare);
                    for (Fraction f : new Fraction[] {Fraction.moreThan(num, den), Fraction.atLeast(num, den)}) {
                        assertThat(f.reachedBy(count, whole)).isEqualTo(count >= f.leastOf(whole));
                        assertThat(f.reachedBy(count, whole)).isEqualTo(f.strictlyMore()
                                ? (long) count * den > (long) num * whole : (long) count * den >= (long) num * whole);
                    }
                });
    }

    @Test
    void aStandingCommitteeMeetsWithMoreThanHalfAndDecidesAppointmentsWithTwoThirds() {
        RuleSet rules = RuleSet.PARTY_STANDING_COMMITTEE;
        qt().withExamples(2000).forAll(integers().between(1, 60), integers().between(0, 1000))
                .checkAssert((members, presentShare) -> {
                    int present = share(members, presentShare);
                    assertThat(rules.quorum(members, present, false).met()).isEqualTo(2 * present > members);
                    assertThat(rules.quorum(members, present, true).met()).isEqualTo(3 * present >= 2 * members);
                });
        // the edges
        assertThat(rules.quorum(10, 5, false).met()).as("exactly half is not more than half").isFalse();
        assertThat(rules.quorum(10, 6, false).met()).isTrue();
        assertThat(rules.quorum(9, 6, true).met()).as("exactly two thirds is enough for appointments").isTrue();
        assertThat(rules.quorum(9, 5, true).met()).isFalse();
        assertThat(rules.quorum(9, 5, false).met()).isTrue();
    }

    @Test
    void aStandingCommitteeAdoptsWithMoreThanHalfOfTheMembersWhoShouldAttend() {
        RuleSet rules = RuleSet.PARTY_STANDING_COMMITTEE;
        qt().withExamples(3000).forAll(integers().between(1, 40), integers().between(0, 1000), integers().between(0, 1000),
                integers().between(0, 1000)).checkAssert((members, recusedShare, yesShare, noShare) -> {
                    int recused = share(members, recusedShare) / 3; // recusals are few
                    int yes = share(members - recused, yesShare);
                    int no = share(members - recused - yes, noShare);
                    int abstain = members - recused - yes - no;
                    assertThat(rules.tally(members, recused, yes, no, abstain).adopted())
                            .isEqualTo(members - recused > 0 && 2 * yes > members - recused);
                    // who is absent or abstains changes nothing: only yes against the members due counts
                    assertThat(rules.tally(members, recused, yes, no, 0).adopted())
                            .isEqualTo(rules.tally(members, recused, yes, 0, 0).adopted());
                });
        // nine members: five yes are needed whatever the attendance
        assertThat(rules.tally(9, 0, 4, 0, 0).adopted()).isFalse();
        assertThat(rules.tally(9, 0, 5, 0, 0).adopted()).isTrue();
        assertThat(rules.tally(10, 0, 5, 5, 0).adopted()).as("a tie is not adopted").isFalse();
        assertThat(rules.tally(10, 2, 5, 0, 0).adopted()).as("recused members leave the base: 5 > 4").isTrue();
    }

    @Test
    void aCongressNeedsTwoThirdsPresentAndAMajorityOfAllDeputies() {
        RuleSet rules = RuleSet.CONGRESS_SESSION;
        qt().withExamples(2000).forAll(integers().between(1, 400), integers().between(0, 1000), integers().between(0, 1000))
                .checkAssert((deputies, presentShare, yesShare) -> {
                    int present = share(deputies, presentShare);
                    int yes = share(present, yesShare);
                    assertThat(rules.quorum(deputies, present, false).met()).isEqualTo(3 * present >= 2 * deputies);
                    assertThat(rules.tally(deputies, 0, yes, present - yes, 0).adopted()).isEqualTo(2 * yes > deputies);
                });
        assertThat(rules.tally(300, 0, 150, 0, 0).adopted()).as("exactly half of all deputies is not a majority").isFalse();
    }

    @Test
    void otherBodiesAdoptWithMoreYesThanNo() {
        RuleSet rules = RuleSet.SIMPLE_MAJORITY;
        qt().withExamples(2000).forAll(integers().between(0, 50), integers().between(0, 50), integers().between(0, 50))
                .checkAssert((yes, no, abstain) -> assertThat(rules.tally(150, 0, yes, no, abstain).adopted())
                        .isEqualTo(yes > no));
        assertThat(rules.tally(10, 0, 0, 0, 10).adopted()).as("nobody voting adopts nothing").isFalse();
    }
}
