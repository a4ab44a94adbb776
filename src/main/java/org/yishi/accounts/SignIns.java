package org.yishi.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.audit.Audit;

/** Checking a user name and password, with the lockout; every attempt is audited. */
@Service
class SignIns {

    private final AccountStore store;
    private final PasswordEncoder encoder;
    private final Audit audit;
    private final int lockAfter;
    private final Duration lockFor;
    /**
     * Stands in for a missing account's hash, so that an unknown name takes as long as a wrong password; made at the
     * first sign-in rather than at start-up.
     */
    private volatile String noSuchAccount;

    SignIns(AccountStore store, PasswordEncoder encoder, Audit audit,
            @Value("${yishi.security.lockout-attempts:5}") int lockAfter,
            @Value("${yishi.security.lockout-minutes:15}") int lockMinutes) {
        this.store = store;
        this.encoder = encoder;
        this.audit = audit;
        this.lockAfter = lockAfter;
        this.lockFor = Duration.ofMinutes(lockMinutes);
    }

    /**
     * Checks a user name and password. Five failures in a row lock the account for 15 minutes; while locked, even
     * the right password is refused. The failure count is kept although the sign-in is refused.
     *
     * <p>The answers do not tell whether an account exists (issue 11): a name without an account gets the same
     * answers in the same order — wrong password, then locked after five failures for as long — and every path checks
     * one password hash, so that it takes as long. That an account is disabled is said only to whoever gives its
     * right password. Returns the account's id.
     */
    @Transactional(noRollbackFor = LoginRefused.class)
    long check(String username, String password) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        String given = password == null ? "" : password;
        Optional<AccountStore.Credentials> found = name.isEmpty() ? Optional.empty() : store.lockForLogin(name);
        Instant now = Instant.now();
        if (found.isEmpty()) {
            refuseUnknownName(name, given, now);
        }
        AccountStore.Credentials credentials = found.get();
        Account account = store.find(credentials.accountId()).orElseThrow();
        String id = String.valueOf(account.id());
        boolean matches = encoder.matches(given, credentials.passwordHash() == null ? noSuchAccount() : credentials.passwordHash())
                && credentials.passwordHash() != null && password != null;
        if (account.lockedAt(now)) {
            audit.recordOnBehalf(name, "login.failure", "account", id, null, Map.of("reason", "locked"));
            throw new LoginRefused("accounts.login.locked", minutesLeft(account.lockedUntil(), now));
        }
        if (!matches) {
            store.loginFailed(account.id(), lockAfter, lockFor);
            Account after = store.find(account.id()).orElseThrow();
            boolean locked = after.lockedAt(now);
            audit.recordOnBehalf(name, "login.failure", "account", id, null,
                    Map.of("reason", "wrong-password", "failedLogins", after.failedLogins(), "locked", locked));
            if (locked) {
                throw new LoginRefused("accounts.login.locked", minutesLeft(after.lockedUntil(), now));
            }
            throw new LoginRefused("accounts.login.bad-credentials");
        }
        if (!account.enabled()) {
            audit.recordOnBehalf(name, "login.failure", "account", id, null, Map.of("reason", "disabled"));
            throw new LoginRefused("accounts.login.disabled");
        }
        store.loginSucceeded(account.id());
        audit.recordOnBehalf(name, "login.success", "account", id, null, null);
        return account.id();
    }

    /** Refuses a name without an account just as an account with a wrong password would be refused. */
    private void refuseUnknownName(String name, String password, Instant now) {
        encoder.matches(password, noSuchAccount());
        String actor = name.isEmpty() ? "(none)" : name;
        if (name.isEmpty()) {
            audit.recordOnBehalf(actor, "login.failure", "account", null, null, Map.of("reason", "unknown-user"));
            throw new LoginRefused("accounts.login.bad-credentials");
        }
        var before = store.lockUnknownName(name);
        if (before.isPresent() && before.get().lockedUntil() != null && before.get().lockedUntil().isAfter(now)) {
            audit.recordOnBehalf(actor, "login.failure", "account", null, null, Map.of("reason", "unknown-user"));
            throw new LoginRefused("accounts.login.locked", minutesLeft(before.get().lockedUntil(), now));
        }
        var after = store.unknownNameFailed(name, lockAfter, lockFor);
        audit.recordOnBehalf(actor, "login.failure", "account", null, null, Map.of("reason", "unknown-user"));
        if (after.lockedUntil() != null && after.lockedUntil().isAfter(now)) {
            throw new LoginRefused("accounts.login.locked", minutesLeft(after.lockedUntil(), now));
        }
        throw new LoginRefused("accounts.login.bad-credentials");
    }

    /** A hash of a random password, checked where there is no hash to check, so that every sign-in takes as long. */
    private String noSuchAccount() {
        if (noSuchAccount == null) {
            noSuchAccount = encoder.encode(PasswordPolicy.generate());
        }
        return noSuchAccount;
    }

    private static long minutesLeft(Instant until, Instant now) {
        return Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
    }
}
