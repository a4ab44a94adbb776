package org.yishi.meetings.rules;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yishi.platform.ChineseNumerals;
import org.yishi.meetings.Decision;
import org.yishi.meetings.Outcome;
import org.yishi.meetings.Vote;

/**
 * Rules of procedure and their results, said in the user's language: a rule set as one sentence, a quorum check and
 * a count with the numbers behind them (e.g. "9 members should attend; 6 yes > 4.5: adopted.").
 */
@Component
public class RuleTexts {

    private final MessageSource messages;

    public RuleTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String describe(RuleSet rules, Locale locale) {
        return message("rules.sentence", locale, quorumShare(rules.quorum(), locale),
                quorumShare(rules.personnelQuorum(), locale), majority(rules, locale));
    }

    public String explain(RuleSet.QuorumCheck check, Locale locale) {
        String code = (check.personnel() ? "rules.personnel-quorum." : "rules.quorum.") + (check.met() ? "met" : "not-met");
        return message(code, locale, String.valueOf(check.members()), String.valueOf(check.present()),
                String.valueOf(check.required()));
    }

    public String explain(RuleSet.Tally tally, Locale locale) {
        return explain(tally, message("rules.basis." + tally.base().name(), locale, String.valueOf(tally.basis())), locale);
    }

    private String explain(RuleSet.Tally tally, String basis, Locale locale) {
        String compare = "rules.compare." + (tally.adopted() ? "" : "not-") + (tally.strictlyMore() ? "more" : "at-least");
        return message(tally.adopted() ? "rules.tally.adopted" : "rules.tally.rejected", locale, basis,
                String.valueOf(tally.yes()), message(compare, locale), tally.threshold());
    }

    /**
     * A decision as taken, from the numbers kept with it: a counted vote as "9 members should attend; 6 yes > 4.5:
     * adopted.", a decision without a vote as its outcome.
     */
    public String explain(Decision decision, Vote vote, Locale locale) {
        if (decision.basis() == null || vote == null || vote.yes() == null) {
            return message("rules.decided-without-vote", locale, message("enum.Outcome." + decision.outcome().name(), locale));
        }
        RuleSet.Tally tally = new RuleSet.Tally(decision.outcome().adopted(), decision.base(), decision.basis(),
                decision.threshold(), Boolean.TRUE.equals(decision.strictlyMore()), vote.yes(), vote.no(), vote.abstain());
        // with members recused from the item, say who should attend and who is left out, not a smaller body
        String text = decision.base() == DecisionBase.MEMBERS_DUE && decision.recused() > 0
                ? explain(tally, message("rules.basis.MEMBERS_DUE-recused", locale, String.valueOf(decision.membersDue()),
                        String.valueOf(decision.recused()), String.valueOf(decision.basis())), locale)
                : explain(tally, locale);
        if (decision.outcome() == Outcome.ADOPTED_IN_PRINCIPLE) {
            text = text + message("rules.in-principle", locale);
        }
        return text;
    }

    private String quorumShare(Fraction share, Locale locale) {
        return message(share.strictlyMore() ? "rules.share.more-than" : "rules.share.at-least", locale, name(share, locale));
    }

    private String majority(RuleSet rules, Locale locale) {
        Fraction m = rules.majority();
        return message(m.strictlyMore() ? "rules.majority.more-than" : "rules.majority.at-least", locale,
                message("rules.base." + rules.base().name(), locale), name(m, locale));
    }

    /** 半数, 三分之二 / half, two thirds; other shares as 五分之三 / 3/5. */
    private String name(Fraction share, Locale locale) {
        String key = "rules.fraction." + share.numerator() + "-" + share.denominator();
        String known = messages.getMessage(key, null, null, locale);
        if (known != null) {
            return known;
        }
        return locale.getLanguage().equals("en") ? share.numerator() + "/" + share.denominator()
                : ChineseNumerals.of(share.denominator()) + "分之" + ChineseNumerals.of(share.numerator());
    }

    private String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
