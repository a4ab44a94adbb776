package org.yishi.meetings.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.yishi.TestMessages;

/** Each rule set as a sentence, and each result with its numbers, in both languages. */
class RuleTextsTests {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;
    private final RuleTexts texts = new RuleTexts(TestMessages.bundles());

    @Test
    void theSeedMeetingDecidesAsTheIssueSays() {
        RuleSet rules = RuleSet.PARTY_STANDING_COMMITTEE;
        assertThat(texts.explain(rules.tally(9, 0, 6, 2, 1), EN)).isEqualTo("9 members should attend; 6 yes > 4.5: adopted.");
        assertThat(texts.explain(rules.tally(9, 0, 6, 2, 1), ZH)).isEqualTo("应到会9人；赞成6票，超过4.5：通过。");
        assertThat(texts.explain(rules.tally(9, 0, 4, 3, 2), EN)).isEqualTo("9 members should attend; 4 yes ≤ 4.5: rejected.");
        assertThat(texts.explain(rules.quorum(9, 9, false), ZH)).isEqualTo("应到会9人，实到9人，达到所需的5人，可以举行会议。");
        assertThat(texts.explain(rules.quorum(9, 5, true), ZH))
                .isEqualTo("应到会9人，实到5人，不足决定干部任免所需的6人，不能作出任免决定。");
        assertThat(texts.explain(rules.quorum(9, 4, false), EN))
                .isEqualTo("9 members should attend and 4 are present; 5 are needed: the meeting cannot be held.");
    }

    @Test
    void everyRuleSetIsOneSentenceInEachLanguage() {
        assertThat(texts.describe(RuleSet.PARTY_STANDING_COMMITTEE, ZH))
                .isEqualTo("须有过半数的成员到会方能举行会议，三分之二以上的成员到会方能决定干部任免事项；赞成票超过应到会成员的半数为通过。");
        assertThat(texts.describe(RuleSet.PARTY_STANDING_COMMITTEE, EN)).isEqualTo("A meeting needs more than half of the "
                + "members present, and at least two thirds to decide appointments; an item is adopted when the yes votes "
                + "are more than half of the members who should attend.");
        assertThat(texts.describe(RuleSet.CONGRESS_SESSION, ZH))
                .isEqualTo("须有三分之二以上的成员到会方能举行会议，三分之二以上的成员到会方能决定干部任免事项；赞成票超过全体成员的半数为通过。");
        assertThat(texts.describe(RuleSet.SIMPLE_MAJORITY, EN)).endsWith("are more than half of the votes cast (abstentions not counted).");
        assertThat(texts.explain(RuleSet.SIMPLE_MAJORITY.tally(20, 0, 7, 5, 3), ZH))
                .isEqualTo("有效表决票12张（弃权不计）；赞成7票，超过6：通过。");
        assertThat(texts.describe(new RuleSet("x", Fraction.atLeast(3, 5), Fraction.atLeast(3, 5), DecisionBase.ALL_MEMBERS,
                Fraction.atLeast(3, 5)), ZH)).startsWith("须有五分之三以上的成员到会");
    }
}
