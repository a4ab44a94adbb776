package org.yishi.meetings.rules;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rule sets and which one each body decides under. Reading needs {@code directory:read} or
 * {@code meeting:read-all}: the rules of procedure are reference data about the bodies, not confidential, and a
 * member should be able to read the rules they decide under. Changing needs {@code rules:edit}.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "rules", description = "Rules of procedure: quorum, majority, decision base and the materials deadline, per body")
@PreAuthorize("hasAnyAuthority('directory:read', 'meeting:read-all')")
class RuleSetApi {

    private final RuleSets ruleSets;
    private final RuleSetViews views;

    RuleSetApi(RuleSets ruleSets, RuleSetViews views) {
        this.ruleSets = ruleSets;
        this.views = views;
    }

    /** What a body's rule set is changed to: a rule set's id, or null for the default of the body's kind. */
    record Assignment(Long ruleSetId) {
    }

    @GetMapping("/rule-sets")
    @Operation(summary = "Every rule set", description = "Each with its rules in one sentence, in the caller's language (sentence) and in both (sentenceZh, sentenceEn), and the bodies deciding under it.")
    List<RuleSetViews.RuleSetView> all(Locale locale) {
        return views.all(locale);
    }

    @GetMapping("/rule-sets/{id}")
    @Operation(summary = "One rule set")
    RuleSetViews.RuleSetView one(@PathVariable long id, Locale locale) {
        return views.one(id, locale);
    }

    @PostMapping("/rule-sets")
    @PreAuthorize("hasAuthority('rules:edit')")
    @Operation(summary = "Add a rule set", description = "Checked as a whole; 400 lists every bad field and saves nothing.")
    ResponseEntity<RuleSetViews.RuleSetView> create(@RequestBody RulesDraft draft, Locale locale) {
        RulesOfProcedure created = ruleSets.create(draft);
        return ResponseEntity.created(URI.create("/api/rule-sets/" + created.id())).body(views.one(created.id(), locale));
    }

    @PutMapping("/rule-sets/{id}")
    @PreAuthorize("hasAuthority('rules:edit')")
    @Operation(summary = "Change a rule set", description = "Applies to counts from now on; decisions already taken keep their numbers. 400 lists every bad field and changes nothing.")
    RuleSetViews.RuleSetView update(@PathVariable long id, @RequestBody RulesDraft draft, Locale locale) {
        ruleSets.update(id, draft);
        return views.one(id, locale);
    }

    @GetMapping("/bodies/{id}/rule-set")
    @Operation(summary = "The rule set a body decides under", description = "ruleSetId is null when none is assigned and the default for the body's kind applies; rules is the rule set that applies.")
    RuleSetViews.BodyRules ofBody(@PathVariable long id, Locale locale) {
        return views.ofBody(id, locale);
    }

    @PutMapping("/bodies/{id}/rule-set")
    @PreAuthorize("hasAuthority('rules:edit')")
    @Operation(summary = "Assign a rule set to a body", description = "{\"ruleSetId\": null} returns the body to the default for its kind.")
    RuleSetViews.BodyRules assign(@PathVariable long id, @RequestBody Assignment assignment, Locale locale) {
        ruleSets.assign(id, assignment.ruleSetId());
        return views.ofBody(id, locale);
    }
}
