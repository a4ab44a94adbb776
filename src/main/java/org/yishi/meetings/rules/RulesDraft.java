package org.yishi.meetings.rules;

import io.swagger.v3.oas.annotations.media.Schema;
import org.yishi.platform.InputBounds;


/**
 * A rule set as entered. Each share is a fraction {@code num/den} and whether the count must be strictly more than
 * it ("more than half") or at least it ("at least two thirds").
 */
public record RulesDraft(String code, @Schema(maxLength = InputBounds.MAX_NAME) String nameZh, @Schema(maxLength = InputBounds.MAX_NAME) String nameEn, Integer quorumNum, Integer quorumDen,
        Boolean quorumStrict, Integer personnelNum, Integer personnelDen, Boolean personnelStrict, DecisionBase base,
        Integer majorityNum, Integer majorityDen, Boolean majorityStrict, Integer materialsDays) {

    public static RulesDraft of(RulesOfProcedure r) {
        RuleSet s = r.rules();
        return new RulesDraft(r.code(), r.nameZh(), r.nameEn(), s.quorum().numerator(), s.quorum().denominator(),
                s.quorum().strictlyMore(), s.personnelQuorum().numerator(), s.personnelQuorum().denominator(),
                s.personnelQuorum().strictlyMore(), s.base(), s.majority().numerator(), s.majority().denominator(),
                s.majority().strictlyMore(), r.materialsDays());
    }
}
