package org.yishi.accounts;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yishi.platform.SignInRefused;

@RestController
@RequestMapping("/api")
@Tag(name = "accounts", description = "Tokens, the signed-in account, and account and role administration")
class AccountsApi {

    private final Accounts accounts;

    AccountsApi(Accounts accounts) {
        this.accounts = accounts;
    }

    record TokenRequest(String username, String password, String name, Integer days) {
    }

    record TokenAnswer(long id, String token, Instant expiresAt) {
    }

    record Me(long id, String username, String displayName, List<String> roles, List<String> permissions, Long personId,
            Long unitId) {
    }

    record AccountChange(String displayName, Long personId, Long unitId, Boolean enabled) {
    }

    record CreatedAnswer(Account account, String initialPassword) {
    }

    record PasswordAnswer(String initialPassword) {
    }

    @PostMapping("/auth/tokens")
    @Operation(summary = "Sign in and get a personal access token",
            description = "Send it as 'Authorization: Bearer …'. Wrong credentials count toward the lockout (5 failures lock the account for 15 minutes).")
    ResponseEntity<TokenAnswer> token(@RequestBody TokenRequest request) {
        try {
            IssuedToken t = accounts.issueToken(request.username(), request.password(), request.name(), request.days());
            return ResponseEntity.status(HttpStatus.CREATED).body(new TokenAnswer(t.id(), t.token(), t.expiresAt()));
        } catch (LoginRefused e) {
            throw new SignInRefused(e.code(), e.args());
        }
    }

    @GetMapping("/auth/tokens")
    @PreAuthorize("isAuthenticated()")
    List<AccessToken> tokens() {
        return accounts.tokens(Viewers.current().accountId());
    }

    @DeleteMapping("/auth/tokens/{id}")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        accounts.revokeToken(Viewers.current().accountId(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    Me me() {
        Viewer v = Viewers.current();
        Account a = accounts.account(v.accountId());
        return new Me(a.id(), a.username(), a.displayName(), a.roles(), v.permissions().stream().sorted().toList(),
                a.personId(), a.unitId());
    }

    @GetMapping("/accounts")
    @PreAuthorize("hasAuthority('account:manage') or hasAuthority('role:assign')")
    List<Account> accounts() {
        return accounts.accounts();
    }

    @PostMapping("/accounts")
    @PreAuthorize("hasAuthority('account:manage')")
    ResponseEntity<CreatedAnswer> create(@RequestBody AccountDraft draft) {
        Accounts.Created created = accounts.create(draft);
        return ResponseEntity.created(URI.create("/api/accounts/" + created.account().id()))
                .body(new CreatedAnswer(created.account(), created.initialPassword()));
    }

    @GetMapping("/accounts/{id}")
    @PreAuthorize("hasAuthority('account:manage') or hasAuthority('role:assign')")
    Account account(@PathVariable long id) {
        return accounts.account(id);
    }

    @PutMapping("/accounts/{id}")
    @PreAuthorize("hasAuthority('account:manage')")
    Account update(@PathVariable long id, @RequestBody AccountChange change) {
        return accounts.update(id, change.displayName(), change.personId(), change.unitId(),
                change.enabled() == null || change.enabled());
    }

    @PostMapping("/accounts/{id}/password-reset")
    @PreAuthorize("hasAuthority('account:manage')")
    PasswordAnswer reset(@PathVariable long id) {
        return new PasswordAnswer(accounts.resetPassword(id));
    }

    @PostMapping("/accounts/{id}/unlock")
    @PreAuthorize("hasAuthority('account:manage')")
    ResponseEntity<Void> unlock(@PathVariable long id) {
        accounts.unlock(id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/accounts/{id}/roles")
    @PreAuthorize("hasAuthority('role:assign')")
    @Operation(summary = "Set an account's roles", description = "200 with the account when applied. A change to the "
            + "administrator role an account holds needs a second administrator (三员分立): it answers 202 with the "
            + "proposed change, to be confirmed at /api/administration-changes/{id}/confirm by an administrator of "
            + "another administrator role.")
    ResponseEntity<?> assign(@PathVariable long id, @RequestBody List<String> roles) {
        return answer(accounts.requestRoles(id, roles, Viewers.current()));
    }

    private static ResponseEntity<?> answer(Accounts.Outcome<?> outcome) {
        return outcome.awaiting() == null ? ResponseEntity.ok(outcome.applied())
                : ResponseEntity.accepted().location(URI.create("/api/administration-changes/" + outcome.awaiting().id()))
                        .body(outcome.awaiting());
    }

    @GetMapping("/roles")
    @PreAuthorize("hasAuthority('role:manage') or hasAuthority('role:assign')")
    List<Role> roles() {
        return accounts.roles();
    }

    @PutMapping("/roles/{code}/permissions")
    @PreAuthorize("hasAuthority('role:manage')")
    @Operation(summary = "Set a role's permissions", description = "Under 三员分立: an administrator role holds only its "
            + "own duties, a business role none of them, and the auditor keeps the audit log. 200 with the role when "
            + "applied; for an administrator role 202 with the proposed change, which another administrator confirms.")
    ResponseEntity<?> setPermissions(@PathVariable String code, @RequestBody List<String> permissions) {
        return answer(accounts.setPermissions(code, permissions, Viewers.current()));
    }
}
