package org.yishi.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.audit.Audit;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Text;

/**
 * The accounts API: sign-in with lockout, password changes under the policy, personal access tokens, and the
 * administration of accounts (system administrator) and of roles (security administrator). Refusals raise
 * {@link InvalidInput} and change nothing; unknown ids raise {@link NotFound}.
 */
@Service
@Transactional
public class Accounts {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MAX_TOKEN_DAYS = 365;

    private final AccountStore store;
    private final AdministrationChanges changes;
    private final PasswordEncoder encoder;
    private final Audit audit;
    private final SignIns signIns;

    Accounts(AccountStore store, AdministrationChanges changes, PasswordEncoder encoder, Audit audit, SignIns signIns) {
        this.store = store;
        this.changes = changes;
        this.encoder = encoder;
        this.audit = audit;
        this.signIns = signIns;
    }

    // ---------------------------------------------------------------- sign-in

    /** Checks a user name and password ({@link SignIns}: lockout, answers that tell nobody which accounts exist). */
    @Transactional(noRollbackFor = LoginRefused.class)
    SignedIn signIn(String username, String password) {
        return signedIn(signIns.check(username, password), null).orElseThrow();
    }

    /** The principal for an account as it is now: empty when it no longer exists or is disabled. */
    @Transactional(readOnly = true)
    Optional<SignedIn> signedIn(long accountId, org.springframework.security.oauth2.core.oidc.OidcIdToken idToken) {
        return store.find(accountId).filter(Account::enabled).map(a -> new SignedIn(
                new Viewer(a.id(), a.username(), store.permissions(a.id()), a.personId(), a.unitId()),
                a.displayName() == null ? a.username() : a.displayName(), a.mustChangePassword(), idToken));
    }

    /** Signs in with a personal access token: empty when it is unknown, revoked or expired. */
    Optional<SignedIn> signInWithToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return store.useToken(hash(token)).flatMap(id -> signedIn(id, null));
    }

    // ---------------------------------------------------------------- own account

    public void changePassword(long accountId, String current, String next) {
        Account account = account(accountId);
        String hash = store.lockForLogin(account.username()).map(AccountStore.Credentials::passwordHash).orElse(null);
        if (hash == null || current == null || !encoder.matches(current, hash)) {
            throw new InvalidInput(org.yishi.platform.Violation.of("currentPassword", "accounts.password.current-wrong"));
        }
        PasswordPolicy.check("newPassword", next, account.username());
        if (encoder.matches(next, hash)) {
            throw new InvalidInput(org.yishi.platform.Violation.of("newPassword", "accounts.password.same"));
        }
        store.setPassword(accountId, encoder.encode(next), false);
        audit.record("account.password-change", "account", String.valueOf(accountId), null, null);
    }

    /** The address where the account's user receives notices by e-mail; empty when none was given. */
    @Transactional(readOnly = true)
    public Optional<String> email(long accountId) {
        return store.email(accountId);
    }

    /**
     * Sets (or with a blank value, removes) the address where the user receives notices by e-mail; a value that is
     * not an address is refused.
     */
    public void changeEmail(long accountId, String email) {
        String before = store.email(accountId).orElse(null);
        String after = Text.blank(email) ? null : email.strip();
        if (after != null && (after.length() > 254 || !after.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new InvalidInput(org.yishi.platform.Violation.of("email", "accounts.email.invalid"));
        }
        store.setEmail(accountId, after);
        audit.record("account.email", "account", String.valueOf(accountId), before == null ? null : Map.of("email", before),
                after == null ? null : Map.of("email", after));
    }

    /**
     * The e-mail addresses of enabled accounts holding {@code permission}, and, when {@code unitId} is given, linked
     * to that unit: where notices for a unit's liaisons or for an office go.
     */
    @Transactional(readOnly = true)
    public List<String> emailAddresses(String permission, Long unitId) {
        return store.emailAddresses(permission, unitId);
    }

    /** An enabled account standing for a person, with the address where its user takes mail (may be null). */
    public record PersonAccount(long accountId, long personId, String email) {
    }

    /** The enabled accounts linked to these people: where notices addressed to people (e.g. a meeting's) go. */
    @Transactional(readOnly = true)
    public List<PersonAccount> ofPeople(java.util.Collection<Long> personIds) {
        return store.ofPeople(personIds);
    }

    /** Signs in and issues a token in one step, as scripts do; the same lockout applies. */
    @Transactional(noRollbackFor = LoginRefused.class)
    public IssuedToken issueToken(String username, String password, String name, Integer days) {
        SignedIn user = signIn(username, password);
        if (user.mustChangePassword()) {
            throw new LoginRefused("accounts.login.change-first");
        }
        return issueToken(user.viewer().accountId(), name, days);
    }

    public IssuedToken issueToken(long accountId, String name, Integer days) {
        int validDays = days == null ? 90 : days;
        var problems = new InvalidInput.Collector();
        if (validDays < 1 || validDays > MAX_TOKEN_DAYS) {
            problems.add("days", "accounts.token.days", MAX_TOKEN_DAYS);
        }
        problems.throwIfAny();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "yishi_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expires = Instant.now().plus(validDays, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String label = Text.blank(name) ? "API" : name.strip();
        long id = store.insertToken(accountId, label, hash(token), expires);
        // the owner's own act, also when the token is issued at sign-in and nobody is signed in yet
        audit.recordOnBehalf(account(accountId).username(), "token.create", "access_token", String.valueOf(id), null,
                Map.of("account", accountId, "name", label, "expiresAt", expires.toString()));
        return new IssuedToken(id, token, expires);
    }

    @Transactional(readOnly = true)
    public List<AccessToken> tokens(long accountId) {
        return store.tokens(accountId);
    }

    public void revokeToken(long accountId, long tokenId) {
        if (!store.revokeToken(accountId, tokenId)) {
            throw new NotFound("kind.token", tokenId);
        }
        audit.record("token.revoke", "access_token", String.valueOf(tokenId), null, Map.of("account", accountId));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- system administrator: accounts

    @Transactional(readOnly = true)
    public List<Account> accounts() {
        return store.all();
    }

    @Transactional(readOnly = true)
    public Account account(long id) {
        return store.find(id).orElseThrow(() -> new NotFound("kind.account", id));
    }

    @Transactional(readOnly = true)
    public Optional<Account> findByUsername(String username) {
        return store.findByUsername(username.strip().toLowerCase(Locale.ROOT));
    }

    /** A new account and, when none was given, the generated initial password (shown once). */
    public record Created(Account account, String initialPassword) {
    }

    public Created create(AccountDraft draft) {
        var problems = new InvalidInput.Collector();
        String username = draft.username() == null ? "" : draft.username().strip().toLowerCase(Locale.ROOT);
        if (!username.matches("[a-z0-9._-]{2,40}")) {
            problems.add("username", "accounts.username.format");
        } else if (store.findByUsername(username).isPresent()) {
            problems.add("username", "accounts.username.taken", username);
        }
        problems.throwIfAny();
        String password = Text.blank(draft.initialPassword()) ? PasswordPolicy.generate() : draft.initialPassword();
        PasswordPolicy.check("initialPassword", password, username);
        long id = store.insert(new AccountDraft(username, Text.orNull(draft.displayName()), null, draft.personId(),
                draft.unitId()), encoder.encode(password), true);
        Account created = account(id);
        audit.record("account.create", "account", String.valueOf(id), null, created);
        return new Created(created, Text.blank(draft.initialPassword()) ? password : null);
    }

    /** Creates an account whose password is already known to its user (demo data): no forced change. */
    public Account createWithPassword(AccountDraft draft, List<String> roles) {
        PasswordPolicy.check("initialPassword", draft.initialPassword(), draft.username());
        long id = store.insert(draft, encoder.encode(draft.initialPassword()), false);
        checkRoles(roles);
        store.setRoles(id, roles);
        Account created = account(id);
        audit.record("account.create", "account", String.valueOf(id), null, created);
        return created;
    }

    public Account update(long id, String displayName, Long personId, Long unitId, boolean enabled) {
        Account before = account(id);
        store.update(id, Text.orNull(displayName), personId, unitId, enabled);
        Account after = account(id);
        audit.record("account.update", "account", String.valueOf(id), before, after);
        return after;
    }

    /** Sets a new initial password (generated) that the user must change at next sign-in; unlocks the account. */
    public String resetPassword(long id) {
        account(id);
        String password = PasswordPolicy.generate();
        store.setPassword(id, encoder.encode(password), true);
        audit.record("account.password-reset", "account", String.valueOf(id), null, null);
        return password;
    }

    /** An account that signs in through OpenID Connect needs no initial password change. */
    void markExternal(long id) {
        store.markExternal(id);
        audit.record("account.external", "account", String.valueOf(id), null, null);
    }

    public void unlock(long id) {
        Account before = account(id);
        store.unlock(id);
        audit.record("account.unlock", "account", String.valueOf(id), before, account(id));
    }

    // ---------------------------------------------------------------- security administrator: roles

    @Transactional(readOnly = true)
    public List<Role> roles() {
        return store.roles();
    }

    /**
     * What a request to change roles or permissions came to: applied at once ({@code applied} set), or, when it
     * concerns an administrator role, proposed and awaiting a second administrator ({@code awaiting} set).
     */
    public record Outcome<T>(T applied, AdministrationChange awaiting) {
    }

    /**
     * Gives an account its roles. Separation of duties: an account holds at most one administrator role and never
     * an administrator role together with a business role; nobody changes their own roles. A change to the
     * administrator role an account holds, asked by an administrator ({@code by}), is only proposed: another
     * administrator must confirm it (two-person rule). With {@code by} null (first start, a sign-in through OpenID
     * Connect) it applies at once.
     */
    public Account assignRoles(long accountId, List<String> roles, Viewer by) {
        return requestRoles(accountId, roles, by).applied() instanceof Account a ? a : account(accountId);
    }

    /** As {@link #assignRoles}, saying whether the change was applied or awaits confirmation. */
    public Outcome<Account> requestRoles(long accountId, List<String> roles, Viewer by) {
        Account before = account(accountId);
        if (by != null && by.accountId() == accountId) {
            throw new InvalidInput(org.yishi.platform.Violation.of("roles", "accounts.roles.own"));
        }
        checkRoles(roles);
        List<String> after = roles.stream().distinct().sorted().toList();
        if (by != null && !administratorRoles(before.roles()).equals(administratorRoles(after))) {
            return new Outcome<>(null, propose(AdministrationChange.ACCOUNT_ROLES, null, accountId, before.roles(), after, by));
        }
        return new Outcome<>(applyRoles(accountId, after), null);
    }

    /** Applies roles already checked and, where needed, confirmed; checks them again against the roles as they are. */
    Account applyRoles(long accountId, List<String> roles) {
        Account before = account(accountId);
        checkRoles(roles);
        store.setRoles(accountId, roles);
        Account after = account(accountId);
        audit.record("account.roles", "account", String.valueOf(accountId), before.roles(), after.roles());
        return after;
    }

    private List<String> administratorRoles(List<String> roles) {
        Set<String> administrators = store.roles().stream().filter(Role::administrator).map(Role::code)
                .collect(java.util.stream.Collectors.toSet());
        return roles.stream().filter(administrators::contains).sorted().toList();
    }

    /** The administrator role the account holds; empty when it holds none. */
    @Transactional(readOnly = true)
    Optional<String> administratorRole(long accountId) {
        return store.find(accountId).flatMap(a -> administratorRoles(a.roles()).stream().findFirst());
    }

    private AdministrationChange propose(String kind, String roleCode, Long accountId, List<String> before,
            List<String> after, Viewer by) {
        String byRole = administratorRole(by.accountId()).orElseThrow(
                () -> new org.springframework.security.access.AccessDeniedException("only an administrator proposes"));
        AdministrationChange change = changes.propose(kind, roleCode, accountId, before, after, by.accountId(), byRole);
        audit.record("administration.propose", "administration_change", String.valueOf(change.id()), null, change);
        return change;
    }

    private void checkRoles(List<String> roles) {
        List<Role> known = store.roles();
        var problems = new InvalidInput.Collector();
        List<Role> chosen = new ArrayList<>();
        for (String code : roles) {
            known.stream().filter(r -> r.code().equals(code)).findFirst()
                    .ifPresentOrElse(chosen::add, () -> problems.add("roles", "input.unknown", label("kind.role"), code));
        }
        long administrators = chosen.stream().filter(Role::administrator).count();
        if (administrators > 1 || (administrators == 1 && chosen.size() > 1)) {
            problems.add("roles", "accounts.roles.separation");
        }
        problems.throwIfAny();
    }

    /**
     * Sets a role's permissions, under {@link ThreeAdministrators}: administrator roles hold only their own duties,
     * business roles no administrator's duty, and the security and audit administrators keep theirs. A change to an
     * administrator role asked by an administrator ({@code by}) is only proposed: another administrator must confirm
     * it (two-person rule).
     */
    public Outcome<Role> setPermissions(String roleCode, List<String> permissions, Viewer by) {
        Role role = role(roleCode);
        List<String> after = permissions.stream().distinct().sorted().toList();
        checkPermissions(role, after);
        if (role.administrator() && by != null) {
            return new Outcome<>(null, propose(AdministrationChange.ROLE_PERMISSIONS, roleCode, null, role.permissions(),
                    after, by));
        }
        return new Outcome<>(applyPermissions(roleCode, after), null);
    }

    /** Applies permissions already checked and, where needed, confirmed; checks them again. */
    Role applyPermissions(String roleCode, List<String> permissions) {
        Role role = role(roleCode);
        checkPermissions(role, permissions);
        store.setPermissions(roleCode, permissions.stream().distinct().toList());
        Role after = role(roleCode);
        audit.record("role.permissions", "role", roleCode, role.permissions(), after.permissions());
        return after;
    }

    private Role role(String roleCode) {
        return store.roles().stream().filter(r -> r.code().equals(roleCode)).findFirst()
                .orElseThrow(() -> new NotFound("kind.role", roleCode));
    }

    private static void checkPermissions(Role role, List<String> permissions) {
        var problems = new InvalidInput.Collector();
        for (var refusal : ThreeAdministrators.refusals(role.code(), role.administrator(), permissions)) {
            Object[] args = refusal.args().length > 1
                    ? new Object[] {refusal.args()[0], label("role." + refusal.args()[1])} : refusal.args();
            problems.add("permissions", refusal.code(), args);
        }
        problems.throwIfAny();
    }

    // ---------------------------------------------------------------- start-up

    /** A random password that meets the policy. */
    public static String generatePassword() {
        return PasswordPolicy.generate();
    }

    @Transactional(readOnly = true)
    public boolean any() {
        return store.count() > 0;
    }

    private static DefaultMessageSourceResolvable label(String code) {
        return new DefaultMessageSourceResolvable(code);
    }
}
