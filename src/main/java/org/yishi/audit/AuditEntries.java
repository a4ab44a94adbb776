package org.yishi.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit log's table and the chain head. Every method runs in the caller's transaction; {@link #append} and
 * {@link #purgeBefore} take the chain's advisory lock, so that nodes sharing the database append one at a time.
 */
@Repository
class AuditEntries {

    /** Serialises appends and purges across every node on the database ("audit" in ASCII). */
    static final long CHAIN_LOCK = 0x6175646974L;
    private static final int FETCH_SIZE = 500;

    /** The filters of a search, as fixed SQL with bound parameters: a null parameter leaves its filter out. */
    private static final String WHERE = """
             where (cast(:actor as text) is null or actor = :actor)
               and (cast(:action as text) is null or action = :action)
               and (cast(:subjectType as text) is null or subject_type = :subjectType)
               and (cast(:subjectId as text) is null or subject_id = :subjectId)
               and (cast(:from as timestamptz) is null or at >= :from)
               and (cast(:until as timestamptz) is null or at < :until)
            """;

    private final JdbcClient jdbc;
    private final AuditKey key;

    AuditEntries(JdbcClient jdbc, AuditKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    /**
     * Both ends of the chain; empty only when the head's row was deleted. Entries from {@code keyedFrom} on are
     * hashed under the audit key, older ones (the legacy segment) without.
     */
    record Head(Long lastId, String lastHash, Long anchorId, String anchorHash, long keyedFrom) {
    }

    AuditEntry append(String actor, String ip, String action, String subjectType, String subjectId, String beforeJson,
            String afterJson) {
        lockChain();
        Head head = head().orElseThrow(() -> new IllegalStateException(
                "The audit chain head (table audit_chain_head) is missing: nothing can be recorded until it is restored."));
        // under the lock, so that ids and times follow the order of the chain
        record Next(long id, OffsetDateTime at) {
        }
        Next next = jdbc.sql("select nextval(pg_get_serial_sequence('audit_entry', 'id')) as id, clock_timestamp() as at")
                .query((rs, n) -> new Next(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class))).single();
        AuditEntry entry = new AuditEntry(next.id(), next.at().toInstant(), actor, ip, action, subjectType, subjectId,
                beforeJson, afterJson, head.lastHash(), null).withHash(key);
        jdbc.sql("""
                insert into audit_entry (id, at, actor, ip, action, subject_type, subject_id, before_json, after_json,
                                         prev_hash, hash)
                overriding system value
                values (:id, :at, :actor, :ip, :action, :subjectType, :subjectId, :before, :after, :prevHash, :hash)""")
                .param("id", entry.id()).param("at", next.at()).param("actor", entry.actor()).param("ip", entry.ip())
                .param("action", entry.action()).param("subjectType", entry.subjectType())
                .param("subjectId", entry.subjectId()).param("before", entry.beforeJson())
                .param("after", entry.afterJson()).param("prevHash", entry.prevHash()).param("hash", entry.hash())
                .update();
        jdbc.sql("update audit_chain_head set last_id = :id, last_hash = :hash")
                .param("id", entry.id()).param("hash", entry.hash()).update();
        return entry;
    }

    Optional<Head> head() {
        return jdbc.sql("select last_id, last_hash, anchor_id, anchor_hash, keyed_from from audit_chain_head")
                .query((rs, n) -> new Head(rs.getObject("last_id", Long.class), rs.getString("last_hash"),
                        rs.getObject("anchor_id", Long.class), rs.getString("anchor_hash"), rs.getLong("keyed_from")))
                .optional();
    }

    /**
     * Reads the whole log in chain order, a batch at a time, until {@code proceed} answers false. Needs a transaction
     * (PostgreSQL reads in batches only inside one).
     */
    void inChainOrder(Predicate<AuditEntry> proceed) {
        jdbc.sql("select * from audit_entry order by id").withFetchSize(FETCH_SIZE).query(rs -> {
            boolean more = true;
            while (more && rs.next()) {
                more = proceed.test(entry(rs));
            }
            return more;
        });
    }

    /**
     * Deletes the oldest entries, those before {@code cutoff} up to the first that is not, and makes the newest of
     * them the chain's anchor. Returns how many were deleted.
     */
    int purgeBefore(Instant cutoff) {
        lockChain();
        OffsetDateTime at = cutoff.atOffset(ZoneOffset.UTC);
        Optional<AuditEntry> newestPurged = jdbc.sql("""
                select * from audit_entry where at < :cutoff
                  and id < coalesce((select min(id) from audit_entry where at >= :cutoff), 9223372036854775807)
                order by id desc limit 1""")
                .param("cutoff", at).query((rs, n) -> entry(rs)).optional();
        if (newestPurged.isEmpty()) {
            return 0;
        }
        AuditEntry anchor = newestPurged.get();
        int deleted = jdbc.sql("delete from audit_entry where id <= :id").param("id", anchor.id()).update();
        jdbc.sql("update audit_chain_head set anchor_id = :id, anchor_hash = :hash")
                .param("id", anchor.id()).param("hash", anchor.hash()).update();
        return deleted;
    }

    /** One page of the entries matching the query, newest first. */
    List<AuditEntry> search(AuditQuery query, int limit, int offset) {
        return query.bind(jdbc.sql("select * from audit_entry" + WHERE + " order by id desc limit :limit offset :offset"))
                .param("limit", limit).param("offset", offset).query((rs, n) -> entry(rs)).list();
    }

    long count(AuditQuery query) {
        return query.bind(jdbc.sql("select count(*) from audit_entry" + WHERE)).query(Long.class).single();
    }

    /** Every entry matching the query, newest first, a batch at a time. Needs a transaction. */
    void each(AuditQuery query, Consumer<AuditEntry> consumer) {
        query.bind(jdbc.sql("select * from audit_entry" + WHERE + " order by id desc")).withFetchSize(FETCH_SIZE)
                .query(rs -> {
                    consumer.accept(entry(rs));
                });
    }

    private void lockChain() {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:key)").param("key", CHAIN_LOCK).query(Integer.class).single();
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                rs.getString("ip"), rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("before_json"), rs.getString("after_json"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
