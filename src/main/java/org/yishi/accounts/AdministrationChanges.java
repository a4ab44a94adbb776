package org.yishi.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The changes awaiting (or having had) a second administrator, in PostgreSQL. */
@Repository
class AdministrationChanges {

    private static final String SELECT = """
            select c.*, t.username as account_name, p.username as proposed_by_name, d.username as decided_by_name
            from administration_change c
            left join account t on t.id = c.account_id
            join account p on p.id = c.proposed_by
            left join account d on d.id = c.decided_by""";

    private final JdbcClient jdbc;

    AdministrationChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a proposal, superseding any earlier one still pending for the same role or account. */
    AdministrationChange propose(String kind, String roleCode, Long accountId, List<String> before, List<String> proposed,
            long by, String byRole) {
        jdbc.sql("""
                update administration_change set state = 'SUPERSEDED', decided_at = now()
                where state = 'PROPOSED' and kind = :kind
                  and (role_code = :role or account_id = :account)""")
                .param("kind", kind).param("role", roleCode).param("account", accountId).update();
        long id = jdbc.sql("""
                insert into administration_change (kind, role_code, account_id, before_values, proposed_values,
                                                   proposed_by, proposed_by_role)
                values (:kind, :role, :account, :before, :proposed, :by, :byRole) returning id""")
                .param("kind", kind).param("role", roleCode).param("account", accountId)
                .param("before", before.toArray(String[]::new)).param("proposed", proposed.toArray(String[]::new))
                .param("by", by).param("byRole", byRole).query(Long.class).single();
        return find(id).orElseThrow();
    }

    Optional<AdministrationChange> find(long id) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(AdministrationChanges::change).optional();
    }

    /** The change, locked until the transaction ends, so that two administrators cannot both decide it. */
    Optional<AdministrationChange> lock(long id) {
        jdbc.sql("select id from administration_change where id = :id for update").param("id", id).query(Long.class)
                .optional();
        return find(id);
    }

    List<AdministrationChange> pending() {
        return jdbc.sql(SELECT + " where c.state = 'PROPOSED' order by c.proposed_at, c.id")
                .query(AdministrationChanges::change).list();
    }

    /** The latest decided changes, newest first. */
    List<AdministrationChange> decided(int limit) {
        return jdbc.sql(SELECT + " where c.state <> 'PROPOSED' order by c.decided_at desc nulls last, c.id desc limit :n")
                .param("n", limit).query(AdministrationChanges::change).list();
    }

    void decide(long id, String state, long by, String reason) {
        jdbc.sql("""
                update administration_change set state = :state, decided_by = :by, decided_at = now(), reason = :reason
                where id = :id""").param("state", state).param("by", by).param("reason", reason).param("id", id).update();
    }

    private static AdministrationChange change(ResultSet rs, int n) throws SQLException {
        return new AdministrationChange(rs.getLong("id"), rs.getString("kind"), rs.getString("role_code"),
                (Long) rs.getObject("account_id"), rs.getString("account_name"), list(rs, "before_values"),
                list(rs, "proposed_values"), rs.getLong("proposed_by"), rs.getString("proposed_by_name"),
                rs.getString("proposed_by_role"), instant(rs.getTimestamp("proposed_at")), rs.getString("state"),
                (Long) rs.getObject("decided_by"), rs.getString("decided_by_name"), instant(rs.getTimestamp("decided_at")),
                rs.getString("reason"));
    }

    private static List<String> list(ResultSet rs, String column) throws SQLException {
        return Arrays.asList((String[]) rs.getArray(column).getArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
