package org.yishi.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.yishi.meetings.rules.RuleSet;

/**
 * The counts a congress session's roll call and votes get from {@link BodyRules} under the default rule set of a
 * people's congress: the meeting is held with at least two thirds of the deputies present [Local Organic Law art. 14],
 * and a resolution or election passes with more than half of ALL deputies [art. 25], however many are present and
 * however the others vote. Checked against the rules written as integer inequalities, at their edges too.
 */
class CongressRollCallProperties {

    private static final RuleSet CONGRESS = RuleSet.CONGRESS_SESSION;

    private static int share(int whole, int perMille) {
        return (int) Math.round(whole * perMille / 1000.0);
    }

    @Test
    void aSessionMeetsWithTwoThirdsOfItsDeputiesPresentAndNeedsExactlyTheLeastSuchNumber() {
        qt().withExamples(3000).forAll(integers().between(1, 1000), integers().between(0, 1000))
                .checkAssert((due, presentShare) -> {
                    int present = share(due, presentShare);
                    BodyRules.QuorumCount q = BodyRules.quorum(CONGRESS, due, present);
                    assertThat(q.met()).isEqualTo(3L * present >= 2L * due);
                    assertThat(q.met()).isEqualTo(present >= q.required());
                    assertThat(3L * q.required()).isGreaterThanOrEqualTo(2L * due);
                    assertThat(3L * (q.required() - 1)).isLessThan(2L * due);
                    assertThat(q.due()).isEqualTo(due);
                    assertThat(q.present()).isEqualTo(present);
                });
    }

    @Test
    void theQuorumsEdgesFallAsTheLawSays() {
        assertThat(BodyRules.quorum(CONGRESS, 268, 179).met()).as("179 of 268: 3×179 = 537 ≥ 536").isTrue();
        assertThat(BodyRules.quorum(CONGRESS, 268, 178).met()).isFalse();
        assertThat(BodyRules.quorum(CONGRESS, 268, 251).required()).isEqualTo(179);
        assertThat(BodyRules.quorum(CONGRESS, 300, 200).met()).as("exactly two thirds").isTrue();
        assertThat(BodyRules.quorum(CONGRESS, 300, 199).met()).isFalse();
        assertThat(BodyRules.quorum(CONGRESS, 1, 1).met()).isTrue();
        assertThat(BodyRules.quorum(CONGRESS, 1, 0).met()).isFalse();
    }

    @Test
    void aResolutionPassesWithMoreThanHalfOfAllDeputiesWhateverTheAttendance() {
        qt().withExamples(3000).forAll(integers().between(1, 1000), integers().between(0, 1000), integers().between(0, 1000),
                integers().between(0, 1000)).checkAssert((deputies, presentShare, yesShare, noShare) -> {
                    int present = share(deputies, presentShare);
                    int yes = share(present, yesShare);
                    int no = share(present - yes, noShare);
                    int abstain = present - yes - no;
                    BodyRules.MajorityCount c = BodyRules.tally(CONGRESS, deputies, yes, no, abstain);
                    assertThat(c.basis()).as("counted against all deputies").isEqualTo(deputies);
                    assertThat(c.adopted()).isEqualTo(2L * yes > deputies);
                    assertThat(c.adopted()).isEqualTo(yes >= c.required());
                    assertThat(2L * c.required()).isGreaterThan(deputies);
                    assertThat(2L * (c.required() - 1)).isLessThanOrEqualTo(deputies);
                });
    }

    @Test
    void theMajoritysEdgesFallAsTheLawSays() {
        // 268 deputies: 134 is exactly half and not enough, even when every one present voted yes
        assertThat(BodyRules.tally(CONGRESS, 268, 134, 0, 0).adopted()).isFalse();
        assertThat(BodyRules.tally(CONGRESS, 268, 135, 0, 0).adopted()).isTrue();
        assertThat(BodyRules.tally(CONGRESS, 268, 135, 0, 0).required()).isEqualTo(135);
        // a majority of those present is not a majority of all: 180 present, 120 yes
        assertThat(BodyRules.tally(CONGRESS, 268, 120, 30, 30).adopted()).isFalse();
        // an odd number: 267 deputies need 134
        assertThat(BodyRules.tally(CONGRESS, 267, 134, 100, 0).adopted()).isTrue();
        assertThat(BodyRules.tally(CONGRESS, 267, 133, 0, 0).adopted()).isFalse();
    }
}
