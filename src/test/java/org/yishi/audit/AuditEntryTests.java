package org.yishi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The hash of an entry: reproducible by anyone from the documented encoding, and different for any other entry. */
class AuditEntryTests {

    private static final Instant AT = Instant.parse("2024-03-12T06:30:00.123456Z");

    private static AuditEntry entry(String actor, String ip, String before, String after) {
        return new AuditEntry(7, AT, actor, ip, "body.update", "body", "3", before, after, "ab12", null).withHash();
    }

    @Test
    void theHashIsSha256OverTheDocumentedEncoding() {
        // yishi-audit-1, then per field: 0 for null, or 1, the UTF-8 length as 4 bytes big-endian, the bytes
        StringBuilder expected = new StringBuilder("yishi-audit-1");
        for (String field : new String[] {"7", "2024-03-12T06:30:00.123456Z", "张超", null, "body.update", "body", "3",
                null, "{\"a\":1}", "ab12"}) {
            if (field == null) {
                expected.append('\0');
            } else {
                byte[] utf8 = field.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                expected.append('\1').append("\0\0\0").append((char) utf8.length).append(field);
            }
        }
        byte[] bytes = expected.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha256 = java.util.HexFormat.of().formatHex(sha256(bytes));

        assertThat(entry("张超", null, null, "{\"a\":1}").hash()).isEqualTo(sha256).hasSize(64);
    }

    @Test
    void noTwoDifferentEntriesShareAHash() {
        String hash = entry("a", "b", null, null).hash();

        assertThat(entry("a", "b", null, null).hash()).as("the same entry").isEqualTo(hash);
        assertThat(entry("ab", null, null, null).hash()).as("a field's end moved").isNotEqualTo(hash);
        assertThat(entry("a", "", null, null).hash()).as("empty is not null").isNotEqualTo(entry("a", null, null, null).hash());
        assertThat(entry("a", "b", "", null).hash()).isNotEqualTo(entry("a", "b", null, "").hash());
        assertThat(new AuditEntry(7, AT.plusNanos(1000), "a", "b", "body.update", "body", "3", null, null, "ab12", null)
                .withHash().hash()).as("a microsecond later").isNotEqualTo(hash);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
