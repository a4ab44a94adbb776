package org.yishi.meetings.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yishi.directory.Body;
import org.yishi.directory.Directory;

/**
 * Rule sets as the API and the pages show them: with their sentence in the caller's language and in both, and the
 * bodies deciding under each (assigned, or by default for their kind).
 */
@Component
class RuleSetViews {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final RuleSets ruleSets;
    private final RuleTexts texts;
    private final Directory directory;

    RuleSetViews(RuleSets ruleSets, RuleTexts texts, Directory directory) {
        this.ruleSets = ruleSets;
        this.texts = texts;
        this.directory = directory;
    }

    /** A body deciding under a rule set; {@code assigned} is false when the rule set applies as its kind's default. */
    record BodyUse(long id, String nameZh, String nameEn, boolean assigned) {
    }

    /** A rule set with its rules as entered (fractions as numerator, denominator, strictly more) and its sentences. */
    record RuleSetView(long id, String code, String nameZh, String nameEn, int quorumNum, int quorumDen,
            boolean quorumStrict, int personnelNum, int personnelDen, boolean personnelStrict, DecisionBase base,
            int majorityNum, int majorityDen, boolean majorityStrict, int materialsDays, int version, String sentence,
            String sentenceZh, String sentenceEn, List<BodyUse> bodies) {
    }

    /** Which rule set a body decides under; {@code ruleSetId} is null when none is assigned (the default applies). */
    record BodyRules(long bodyId, Long ruleSetId, boolean assigned, RuleSetView rules) {
    }

    List<RuleSetView> all(Locale locale) {
        Map<Long, List<BodyUse>> uses = uses();
        return ruleSets.all().stream().map(r -> view(r, uses.getOrDefault(r.id(), List.of()), locale)).toList();
    }

    RuleSetView one(long id, Locale locale) {
        return view(ruleSets.get(id), uses().getOrDefault(id, List.of()), locale);
    }

    BodyRules ofBody(long bodyId, Locale locale) {
        RulesOfProcedure rules = ruleSets.forBody(bodyId);
        boolean assigned = ruleSets.assigned(bodyId);
        return new BodyRules(bodyId, assigned ? rules.id() : null, assigned, one(rules.id(), locale));
    }

    /** For each rule set, the bodies deciding under it, in the directory's order. */
    Map<Long, List<BodyUse>> uses() {
        Map<Long, List<BodyUse>> uses = new LinkedHashMap<>();
        for (Body b : directory.bodies()) {
            RulesOfProcedure r = ruleSets.forBody(b.id());
            uses.computeIfAbsent(r.id(), k -> new ArrayList<>())
                    .add(new BodyUse(b.id(), b.nameZh(), b.nameEn(), ruleSets.assigned(b.id())));
        }
        return uses;
    }

    String sentence(RuleSet rules, Locale locale) {
        return texts.describe(rules, locale);
    }

    private RuleSetView view(RulesOfProcedure r, List<BodyUse> bodies, Locale locale) {
        RuleSet s = r.rules();
        return new RuleSetView(r.id(), r.code(), r.nameZh(), r.nameEn(), s.quorum().numerator(), s.quorum().denominator(),
                s.quorum().strictlyMore(), s.personnelQuorum().numerator(), s.personnelQuorum().denominator(),
                s.personnelQuorum().strictlyMore(), s.base(), s.majority().numerator(), s.majority().denominator(),
                s.majority().strictlyMore(), r.materialsDays(), r.version(), texts.describe(s, locale),
                texts.describe(s, ZH), texts.describe(s, Locale.ENGLISH), List.copyOf(bodies));
    }
}
