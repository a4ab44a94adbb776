package org.yishi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit key: generated once, owner-only, and the only way to the hashes and signatures it makes. */
class AuditKeyTests {

    private static final AuditEntry ENTRY = new AuditEntry(7, Instant.parse("2024-03-12T06:30:00.123456Z"), "张超",
            null, "body.update", "body", "3", null, "{}", "ab12", null);

    @Test
    void aKeyIsGeneratedAtFirstStartReadableByItsOwnerOnlyAndReusedAfter(@TempDir Path dir) throws IOException {
        Path audit = dir.resolve("audit");
        String first = ENTRY.expectedHash(AuditKey.load("", audit));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(audit.resolve(AuditKey.FILE))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(audit))).isEqualTo("rwx------");
        assertThat(ENTRY.expectedHash(AuditKey.load(null, audit))).as("the same key at the next start").isEqualTo(first);
        assertThat(ENTRY.expectedHash(AuditKey.load("", dir.resolve("elsewhere")))).as("another key").isNotEqualTo(first);
    }

    @Test
    void aKeyedHashIsNeitherThePlainHashNorTheSameUnderAnotherKey() {
        AuditKey one = new AuditKey("0123456789abcdef0123456789abcdef".getBytes());
        AuditKey two = new AuditKey("0123456789abcdef0123456789abcdeX".getBytes());

        assertThat(ENTRY.expectedHash(one)).hasSize(64).isNotEqualTo(ENTRY.expectedHash())
                .isNotEqualTo(ENTRY.expectedHash(two));
        assertThat(one.checkpointSignature("x")).as("checkpoints are signed under a key of their own")
                .isNotEqualTo(one.entryHash("x".getBytes()));
    }

    @Test
    void aConfiguredKeyShorterThan32CharactersIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> AuditKey.load("too short", dir)).hasMessageContaining("YISHI_AUDIT_KEY")
                .hasMessageContaining("32");
        assertThat(dir.resolve(AuditKey.FILE)).doesNotExist();
    }

    @Test
    void aCheckpointLineParsesBackOnlyWithItsSignature() {
        AuditKey key = new AuditKey("0123456789abcdef0123456789abcdef".getBytes());
        Checkpoint checkpoint = new Checkpoint(Instant.parse("2026-12-02T20:00:00Z"), 42L, "ab", null, null, 1);

        assertThat(Checkpoint.parse(checkpoint.line(key), key)).contains(checkpoint);
        assertThat(Checkpoint.parse(checkpoint.line(key).replace("\t42\t", "\t41\t"), key)).isEmpty();
        assertThat(Checkpoint.parse(checkpoint.line(key),
                new AuditKey("0123456789abcdef0123456789abcdeX".getBytes()))).isEmpty();
    }
}
