package org.yishi.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts, roles and tokens in PostgreSQL. */
@Repository
class AccountStore {

    private static final String ACCOUNT_COLUMNS = """
            a.id, a.username, a.display_name, a.enabled, a.must_change_password, a.failed_logins, a.locked_until,
            a.person_id, a.unit_id, a.last_login_at,
            array(select r.role_code from account_role r where r.account_id = a.id order by r.role_code) as roles""";

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Account account(ResultSet rs, int n) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), rs.getInt("failed_logins"),
                instant(rs.getTimestamp("locked_until")), (Long) rs.getObject("person_id"), (Long) rs.getObject("unit_id"),
                Arrays.asList((String[]) rs.getArray("roles").getArray()), instant(rs.getTimestamp("last_login_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    List<Account> all() {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from account a order by a.username").query(AccountStore::account).list();
    }

    Optional<Account> find(long id) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from account a where a.id = :id").param("id", id)
                .query(AccountStore::account).optional();
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from account a where a.username = :u").param("u", username)
                .query(AccountStore::account).optional();
    }

    Optional<String> email(long accountId) {
        return jdbc.sql("select email from account where id = :id").param("id", accountId).query(String.class).optional()
                .filter(e -> e != null);
    }

    void setEmail(long accountId, String email) {
        jdbc.sql("update account set email = :e, updated_at = now() where id = :id").param("e", email)
                .param("id", accountId).update();
    }

    List<String> emailAddresses(String permission, Long unitId) {
        return jdbc.sql("""
                select distinct a.email from account a
                where a.enabled and a.email is not null and (cast(:unit as bigint) is null or a.unit_id = :unit)
                  and exists (select 1 from account_role r join role_permission p on p.role_code = r.role_code
                              where r.account_id = a.id and p.permission = :permission)
                order by a.email""").param("unit", unitId).param("permission", permission).query(String.class).list();
    }

    List<Accounts.PersonAccount> ofPeople(java.util.Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select a.id as account_id, a.person_id, a.email from account a
                where a.enabled and a.person_id in (:people) order by a.person_id, a.id""")
                .param("people", personIds).query(Accounts.PersonAccount.class).list();
    }

    long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    /** The account's row and password hash, locked until the transaction ends (sign-ins of one account in turn). */
    Optional<Credentials> lockForLogin(String username) {
        return jdbc.sql("select id, password_hash from account where username = :u for update").param("u", username)
                .query((rs, n) -> new Credentials(rs.getLong("id"), rs.getString("password_hash"))).optional();
    }

    record Credentials(long accountId, String passwordHash) {
    }

    long insert(AccountDraft d, String passwordHash, boolean mustChange) {
        return jdbc.sql("""
                insert into account (username, display_name, password_hash, must_change_password, person_id, unit_id)
                values (:u, :name, :hash, :must, :person, :unit) returning id""")
                .param("u", d.username().strip().toLowerCase(java.util.Locale.ROOT)).param("name", d.displayName())
                .param("hash", passwordHash).param("must", mustChange).param("person", d.personId())
                .param("unit", d.unitId()).query(Long.class).single();
    }

    void update(long id, String displayName, Long personId, Long unitId, boolean enabled) {
        jdbc.sql("""
                update account set display_name = :name, person_id = :person, unit_id = :unit, enabled = :enabled,
                       updated_at = now() where id = :id""")
                .param("id", id).param("name", displayName).param("person", personId).param("unit", unitId)
                .param("enabled", enabled).update();
    }

    void setPassword(long id, String hash, boolean mustChange) {
        jdbc.sql("""
                update account set password_hash = :hash, must_change_password = :must, password_changed_at = now(),
                       failed_logins = 0, locked_until = null, updated_at = now() where id = :id""")
                .param("id", id).param("hash", hash).param("must", mustChange).update();
    }

    void loginFailed(long id, int lockAfter, java.time.Duration lockFor) {
        jdbc.sql("""
                update account set failed_logins = failed_logins + 1,
                       locked_until = case when failed_logins + 1 >= :after then now() + cast(:lockFor as interval) else locked_until end
                where id = :id""")
                .param("id", id).param("after", lockAfter).param("lockFor", lockFor.toSeconds() + " seconds").update();
    }

    /** How a user name without an account stands: its failures in a row and until when it is "locked". */
    record Failures(int failedLogins, Instant lockedUntil) {
    }

    /** The failures of a user name that has no account, locked until the transaction ends; empty before the first. */
    Optional<Failures> lockUnknownName(String username) {
        return jdbc.sql("select failed_logins, locked_until from sign_in_failure where username = :u for update")
                .param("u", username)
                .query((rs, n) -> new Failures(rs.getInt("failed_logins"), instant(rs.getTimestamp("locked_until"))))
                .optional();
    }

    /** Counts a failure for a user name that has no account, as {@link #loginFailed} does for an account. */
    Failures unknownNameFailed(String username, int lockAfter, java.time.Duration lockFor) {
        jdbc.sql("delete from sign_in_failure where last_failed_at < now() - interval '30 days'").update();
        return jdbc.sql("""
                insert into sign_in_failure as f (username, failed_logins, locked_until, last_failed_at)
                values (:u, 1, case when 1 >= :after then now() + cast(:lockFor as interval) end, now())
                on conflict (username) do update set failed_logins = f.failed_logins + 1,
                       locked_until = case when f.failed_logins + 1 >= :after then now() + cast(:lockFor as interval)
                                           else f.locked_until end,
                       last_failed_at = now()
                returning failed_logins, locked_until""")
                .param("u", username).param("after", lockAfter).param("lockFor", lockFor.toSeconds() + " seconds")
                .query((rs, n) -> new Failures(rs.getInt("failed_logins"), instant(rs.getTimestamp("locked_until"))))
                .single();
    }

    void loginSucceeded(long id) {
        jdbc.sql("update account set failed_logins = 0, locked_until = null, last_login_at = now() where id = :id")
                .param("id", id).update();
    }

    void markExternal(long id) {
        jdbc.sql("update account set must_change_password = false, password_hash = null where id = :id").param("id", id).update();
    }

    void unlock(long id) {
        jdbc.sql("update account set failed_logins = 0, locked_until = null, updated_at = now() where id = :id")
                .param("id", id).update();
    }

    Set<String> permissions(long accountId) {
        return Set.copyOf(jdbc.sql("""
                select distinct p.permission from account_role ar join role_permission p on p.role_code = ar.role_code
                where ar.account_id = :id""").param("id", accountId).query(String.class).list());
    }

    void setRoles(long accountId, List<String> roles) {
        jdbc.sql("delete from account_role where account_id = :id").param("id", accountId).update();
        for (String role : roles) {
            jdbc.sql("insert into account_role (account_id, role_code) values (:id, :r)").param("id", accountId)
                    .param("r", role).update();
        }
    }

    List<Role> roles() {
        return jdbc.sql("""
                select r.code, r.name_zh, r.name_en, r.administrator,
                       array(select p.permission from role_permission p where p.role_code = r.code order by p.permission) as permissions
                from role r order by r.position, r.code""")
                .query((rs, n) -> new Role(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                        rs.getBoolean("administrator"), Arrays.asList((String[]) rs.getArray("permissions").getArray())))
                .list();
    }

    void setPermissions(String role, List<String> permissions) {
        jdbc.sql("delete from role_permission where role_code = :r").param("r", role).update();
        for (String p : permissions) {
            jdbc.sql("insert into role_permission (role_code, permission) values (:r, :p)").param("r", role).param("p", p).update();
        }
    }

    long insertToken(long accountId, String name, String hash, Instant expiresAt) {
        return jdbc.sql("""
                insert into access_token (account_id, name, token_hash, expires_at) values (:a, :n, :h, :e) returning id""")
                .param("a", accountId).param("n", name).param("h", hash).param("e", Timestamp.from(expiresAt))
                .query(Long.class).single();
    }

    List<AccessToken> tokens(long accountId) {
        return jdbc.sql("""
                select id, name, created_at, expires_at, revoked_at, last_used_at from access_token
                where account_id = :a order by created_at desc, id desc""").param("a", accountId)
                .query((rs, n) -> new AccessToken(rs.getLong("id"), rs.getString("name"), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("revoked_at")),
                        instant(rs.getTimestamp("last_used_at"))))
                .list();
    }

    boolean revokeToken(long accountId, long tokenId) {
        return jdbc.sql("""
                update access_token set revoked_at = now() where id = :t and account_id = :a and revoked_at is null""")
                .param("t", tokenId).param("a", accountId).update() == 1;
    }

    /**
     * The account an active token belongs to; marks the token used, to the minute: a script calling the API many
     * times a second then writes the row once a minute, not on every call.
     */
    Optional<Long> useToken(String hash) {
        return jdbc.sql("""
                with t as (select id, account_id, last_used_at from access_token
                           where token_hash = :h and revoked_at is null and expires_at > now()),
                used as (update access_token a set last_used_at = now() from t
                         where a.id = t.id and (t.last_used_at is null or t.last_used_at < now() - interval '1 minute'))
                select account_id from t""")
                .param("h", hash).query(Long.class).optional();
    }
}
