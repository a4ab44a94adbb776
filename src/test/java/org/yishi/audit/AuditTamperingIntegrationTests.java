package org.yishi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yishi.YishiIntegrationTest;

/**
 * Issue 11, failure 7: the audit chain against a database administrator, who can change any row but holds neither
 * the audit key nor the checkpoint file. Each attack below passed verification before the chain was keyed and
 * checkpointed outside the database.
 */
@YishiIntegrationTest({"yishi.demo-data=off", "yishi.audit.purge-cron=-", "yishi.audit.checkpoint-cron=-"})
class AuditTamperingIntegrationTests {

    @Autowired
    Audit audit;
    @Autowired
    AuditEntries entries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Checkpoints checkpoints;

    @BeforeEach
    void emptyLog() throws IOException {
        AuditIntegrationTests.emptyLog(jdbc, checkpoints);
    }

    private List<AuditEntry> log() {
        return entries.search(AuditQuery.all(), 10_000, 0).reversed();
    }

    private List<Long> append(int count) {
        for (int i = 0; i < count; i++) {
            audit.recordAs("tester", "127.0.0.1", "unit.update", "unit", String.valueOf(i), Map.of("n", i), Map.of("n", i + 1));
        }
        return log().stream().map(AuditEntry::id).toList();
    }

    /** Stores the entry as given, hash and all, as an UPDATE in the database would. */
    private void overwrite(AuditEntry e) {
        jdbc.sql("update audit_entry set after_json = :after, prev_hash = :prev, hash = :hash where id = :id")
                .param("after", e.afterJson()).param("prev", e.prevHash()).param("hash", e.hash()).param("id", e.id())
                .update();
    }

    private static AuditEntry withAfter(AuditEntry e, String after, String prevHash) {
        return new AuditEntry(e.id(), e.at(), e.actor(), e.ip(), e.action(), e.subjectType(), e.subjectId(),
                e.beforeJson(), after, prevHash, null);
    }

    @Test
    void aRowChangedWithEveryLaterHashAndTheHeadRecomputedIsFound() {
        List<Long> ids = append(5);
        List<AuditEntry> original = log();
        // the attacker recomputes the hashes the way the documented encoding gives them, lacking only the key
        String prev = original.get(2).prevHash();
        for (int i = 2; i < original.size(); i++) {
            AuditEntry forged = withAfter(original.get(i), i == 2 ? "{\"n\":100}" : original.get(i).afterJson(), prev)
                    .withHash();
            overwrite(forged);
            prev = forged.hash();
        }
        jdbc.sql("update audit_chain_head set last_hash = :hash").param("hash", prev).update();

        assertThat(audit.verify()).isEqualTo(new Verification(false, 3, ids.get(2), "audit.verify.altered"));
    }

    @Test
    void newestRowsDeletedWithTheHeadMovedBackAreFoundThroughTheCheckpoint() {
        List<Long> ids = append(5);
        assertThat(audit.checkpoint()).get().extracting(Checkpoint::lastId).isEqualTo(ids.get(4));
        AuditEntry third = log().get(2);

        jdbc.sql("delete from audit_entry where id > :id").param("id", third.id()).update();
        jdbc.sql("update audit_chain_head set last_id = :id, last_hash = :hash").param("id", third.id())
                .param("hash", third.hash()).update();

        assertThat(audit.verify()).isEqualTo(new Verification(false, 3, ids.get(4), "audit.verify.checkpoint-mismatch"));
    }

    @Test
    void theWholeLogDeletedWithTheHeadEmptiedIsFoundThroughTheCheckpoint() {
        List<Long> ids = append(3);
        audit.checkpoint();

        jdbc.sql("truncate audit_entry").update();
        jdbc.sql("update audit_chain_head set last_id = null, last_hash = null").update();

        assertThat(audit.verify()).isEqualTo(new Verification(false, 0, ids.get(2), "audit.verify.checkpoint-mismatch"));
    }

    @Test
    void deletingTheHeadRowGivesAVerdictNotAnError() {
        append(3);
        jdbc.sql("delete from audit_chain_head").update();

        assertThat(audit.verifyOnRequest()).isEqualTo(new Verification(false, 0, null, "audit.verify.head-missing"));
        assertThat(audit.checkpoint()).as("no checkpoint of a missing head").isEmpty();
    }

    @Test
    void entriesAppendedAfterACheckpointStillVerifyAndACheckpointIsNotRepeatedForTheSameHead() throws IOException {
        append(2);
        audit.checkpoint();
        audit.checkpoint();
        append(2);
        audit.checkpoint();

        assertThat(audit.verify().ok()).isTrue();
        assertThat(checkpoints.read().checkpoints()).hasSize(2);
        assertThat(Files.readAllLines(checkpoints.file())).hasSize(2);
    }

    @Test
    void aForgedLineInTheCheckpointFileIsFound() throws IOException {
        append(2);
        audit.checkpoint();
        String line = Files.readAllLines(checkpoints.file()).getFirst();
        Files.writeString(checkpoints.file(), line.replaceFirst("\t[0-9a-f]{64}$", "\t" + "0".repeat(64)) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(audit.verify().reason()).isEqualTo("audit.verify.checkpoint-forged");
    }

    @Test
    void aLineTornByACrashWhileBeingWrittenIsNoCheckpoint() throws IOException {
        append(2);
        audit.checkpoint();
        Files.writeString(checkpoints.file(), "yishi-checkpoint-1\t2026", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void legacyEntriesFromBeforeTheKeyVerifyByTheirPlainHashAndMovingTheBoundaryIsFound() {
        // as after the migration on a log written before issue 11: three entries hashed without a key
        jdbc.sql("update audit_chain_head set keyed_from = 1000000").update();
        String prev = null;
        OffsetDateTime at = OffsetDateTime.of(2026, 1, 5, 8, 0, 0, 0, ZoneOffset.UTC);
        for (long id = 1; id <= 3; id++) {
            AuditEntry legacy = new AuditEntry(id, at.plusMinutes(id).toInstant(), "tester", null, "unit.update", "unit",
                    "1", null, "{}", prev, null).withHash();
            jdbc.sql("""
                    insert into audit_entry (id, at, actor, action, subject_type, subject_id, after_json, prev_hash, hash)
                    overriding system value values (:id, :at, 'tester', 'unit.update', 'unit', '1', '{}', :prev, :hash)""")
                    .param("id", id).param("at", at.plusMinutes(id)).param("prev", prev).param("hash", legacy.hash())
                    .update();
            prev = legacy.hash();
        }
        jdbc.sql("update audit_chain_head set last_id = 3, last_hash = :hash").param("hash", prev).update();
        audit.checkpoint();

        assertThat(audit.verify()).isEqualTo(new Verification(true, 3, null, "audit.verify.intact"));

        jdbc.sql("update audit_chain_head set keyed_from = 2000000").update();
        assertThat(audit.verify().reason()).as("the boundary differs from the checkpoint's")
                .isEqualTo("audit.verify.checkpoint-mismatch");
    }
}
