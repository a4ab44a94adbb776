package org.yishi.meetings.rules;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yishi.directory.Body;
import org.yishi.directory.Directory;
import org.yishi.platform.Forms;

/**
 * The rules of procedure pages: every rule set in one sentence with the bodies deciding under it, which rule set each
 * body decides under, and the editor for a rule set with a live preview of its sentence. Read as the API is read
 * ({@code directory:read} or {@code meeting:read-all}); changed with {@code rules:edit}.
 */
@Controller
@RequestMapping("/rules")
@PreAuthorize("hasAnyAuthority('directory:read', 'meeting:read-all')")
class RuleSetPages {

    private final RuleSets ruleSets;
    private final RuleSetViews views;
    private final Directory directory;
    private final Forms forms;

    RuleSetPages(RuleSets ruleSets, RuleSetViews views, Directory directory, Forms forms) {
        this.ruleSets = ruleSets;
        this.views = views;
        this.directory = directory;
        this.forms = forms;
    }

    /** A body's line in the assignment table: what applies, and whether it is assigned or the kind's default. */
    record BodyLine(Body body, RulesOfProcedure rules, boolean assigned) {
    }

    @GetMapping
    String list(Model model, Locale locale) {
        model.addAttribute("ruleSets", views.all(locale));
        model.addAttribute("bodyLines", directory.bodies().stream()
                .map(b -> new BodyLine(b, ruleSets.forBody(b.id()), ruleSets.assigned(b.id()))).toList());
        model.addAttribute("defaults", ruleSets.all());
        return "rules/list";
    }

    /** Assigns a rule set to a body; an empty choice returns it to the default for its kind. */
    @PostMapping("/bodies/{bodyId}")
    @PreAuthorize("hasAuthority('rules:edit')")
    String assign(@PathVariable long bodyId, @RequestParam(required = false) Long ruleSetId) {
        ruleSets.assign(bodyId, ruleSetId);
        return "redirect:/rules?saved#body-" + bodyId;
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('rules:edit')")
    String create(Model model, Locale locale) {
        RulesDraft start = RulesDraft.of(ruleSets.get(ruleSets.all().getFirst().id()));
        return editor(new RulesDraft("", "", "", start.quorumNum(), start.quorumDen(), start.quorumStrict(),
                start.personnelNum(), start.personnelDen(), start.personnelStrict(), start.base(), start.majorityNum(),
                start.majorityDen(), start.majorityStrict(), start.materialsDays()), null, model, locale);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('rules:edit')")
    String add(@ModelAttribute("form") RulesDraft form, BindingResult binding, Model model, Locale locale) {
        return forms.submit(() -> ruleSets.create(form), binding, model, locale)
                .map(r -> "redirect:/rules?saved#rule-set-" + r.id()).orElseGet(() -> editor(form, null, model, locale));
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('rules:edit')")
    String edit(@PathVariable long id, Model model, Locale locale) {
        return editor(RulesDraft.of(ruleSets.get(id)), id, model, locale);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('rules:edit')")
    String update(@PathVariable long id, @ModelAttribute("form") RulesDraft form, BindingResult binding, Model model,
            Locale locale) {
        ruleSets.get(id);
        return forms.submit(() -> ruleSets.update(id, form), binding, model, locale)
                .map(r -> "redirect:/rules?saved#rule-set-" + id).orElseGet(() -> editor(form, id, model, locale));
    }

    /** The sentence of the rules as entered so far, in both languages; redrawn by htmx as the form changes. */
    @GetMapping("/preview")
    @PreAuthorize("hasAuthority('rules:edit')")
    String preview(@ModelAttribute("form") RulesDraft form, BindingResult binding, Model model, Locale locale) {
        previewModel(form, model, locale);
        return "rules/edit :: sentences";
    }

    private String editor(RulesDraft form, Long id, Model model, Locale locale) {
        forms.noErrorsYet(model);
        model.addAttribute("form", form);
        model.addAttribute("ruleSetId", id);
        model.addAttribute("bases", DecisionBase.values());
        model.addAttribute("shares", List.of("quorum", "personnel", "majority"));
        model.addAttribute("bodies", id == null ? List.of() : views.uses().getOrDefault(id, List.of()));
        previewModel(form, model, locale);
        return "rules/edit";
    }

    /** The sentence in the user's language first, then in the other; none while a share is not a share yet. */
    private void previewModel(RulesDraft f, Model model, Locale locale) {
        RuleSet rules = null;
        try {
            if (f.base() != null) {
                rules = new RuleSet("preview", fraction(f.quorumNum(), f.quorumDen(), f.quorumStrict()),
                        fraction(f.personnelNum(), f.personnelDen(), f.personnelStrict()), f.base(),
                        fraction(f.majorityNum(), f.majorityDen(), f.majorityStrict()));
            }
        } catch (IllegalArgumentException | NullPointerException incomplete) {
            rules = null;
        }
        boolean english = locale.getLanguage().equals("en");
        Locale other = english ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        model.addAttribute("sentence", rules == null ? null : views.sentence(rules, locale));
        model.addAttribute("otherSentence", rules == null ? null : views.sentence(rules, other));
        model.addAttribute("otherLanguage", english ? "zh-CN" : "en");
        model.addAttribute("example", rules == null ? null : example(rules));
    }

    /** For nine members who should attend: how many must be present, for personnel items, and yes votes at least. */
    private static Map<String, Object> example(RuleSet rules) {
        int members = 9;
        return Map.of("members", members,
                "quorum", rules.quorum().leastOf(members),
                "personnel", rules.personnelQuorum().leastOf(members),
                "yes", rules.base() == DecisionBase.VOTES_CAST ? -1 : rules.majority().leastOf(members));
    }

    private static Fraction fraction(Integer num, Integer den, Boolean strict) {
        if (num == null || den == null || strict == null) {
            throw new IllegalArgumentException("incomplete share");
        }
        if (strict && num.equals(den)) {
            throw new IllegalArgumentException("more than the whole");
        }
        return new Fraction(num, den, strict);
    }
}
