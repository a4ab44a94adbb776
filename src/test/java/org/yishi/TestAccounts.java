package org.yishi;

import java.util.List;
import java.util.Locale;

import org.yishi.accounts.AccountDraft;
import org.yishi.accounts.Accounts;

/** Accounts for tests: one per role (and per linked person or unit), created once per database with a known password. */
public final class TestAccounts {

    public static final String PASSWORD = "Test-Passw0rd!";

    /** Who to sign in as. */
    public record Login(String username, String password) {
    }

    private TestAccounts() {
    }

    /** An account holding only this role, e.g. {@code office}. */
    public static Login of(Accounts accounts, String role) {
        return ensure(accounts, "t-" + role, role, null, null);
    }

    /** A member account standing for this person (a member of some body). */
    public static Login member(Accounts accounts, long personId) {
        return ensure(accounts, "t-member-" + personId, "member", personId, null);
    }

    /** A unit liaison account for this unit. */
    public static Login liaison(Accounts accounts, long unitId) {
        return ensure(accounts, "t-liaison-" + unitId, "liaison", null, unitId);
    }

    private static synchronized Login ensure(Accounts accounts, String username, String role, Long personId, Long unitId) {
        String name = username.toLowerCase(Locale.ROOT);
        if (accounts.findByUsername(name).isEmpty()) {
            accounts.createWithPassword(new AccountDraft(name, null, PASSWORD, personId, unitId), List.of(role));
        }
        return new Login(name, PASSWORD);
    }
}
