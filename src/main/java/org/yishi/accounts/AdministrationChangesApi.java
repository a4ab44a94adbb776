package org.yishi.accounts;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/administration-changes")
@Tag(name = "accounts", description = "Tokens, the signed-in account, and account and role administration")
class AdministrationChangesApi {

    static final String ANY_ADMINISTRATOR = "hasAnyAuthority('account:manage', 'role:manage', 'role:assign', "
            + "'audit:read', 'audit:export', 'audit:verify')";

    private final TwoPersonRule rule;

    AdministrationChangesApi(TwoPersonRule rule) {
        this.rule = rule;
    }

    record Refusal(String reason) {
    }

    @GetMapping
    @PreAuthorize(ANY_ADMINISTRATOR)
    @Operation(summary = "Changes awaiting a second administrator (三员分立), oldest first")
    List<AdministrationChange> pending() {
        return rule.pending();
    }

    @GetMapping("/{id}")
    @PreAuthorize(ANY_ADMINISTRATOR)
    AdministrationChange change(@PathVariable long id) {
        return rule.change(id);
    }

    @PostMapping("/{id}/confirm")
    @PreAuthorize(ANY_ADMINISTRATOR)
    @Operation(summary = "Confirm a proposed change and apply it", description = "Only an administrator other than "
            + "the proposer, holding another administrator role, and never for their own roles.")
    AdministrationChange confirm(@PathVariable long id) {
        return rule.confirm(id, Viewers.current());
    }

    @PostMapping("/{id}/refuse")
    @PreAuthorize(ANY_ADMINISTRATOR)
    @Operation(summary = "Refuse a proposed change", description = "The same administrators as for confirming; the "
            + "reason (optional, at most 500 characters) is kept.")
    AdministrationChange refuse(@PathVariable long id, @RequestBody(required = false) Refusal refusal) {
        return rule.refuse(id, refusal == null ? null : refusal.reason(), Viewers.current());
    }
}
