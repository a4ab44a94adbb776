package org.yishi.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * One entry of the audit log, as stored.
 *
 * @param at          when, to the microsecond (as PostgreSQL keeps it)
 * @param actor       the user's name, or {@code system}
 * @param ip          the client's address; null when the change came from no HTTP request
 * @param action      what was done, e.g. {@code meeting.plan}
 * @param beforeJson  the subject before, as JSON text; null when it did not exist (or nothing was recorded)
 * @param afterJson   the subject after, as JSON text; null when it was removed (or nothing was recorded)
 * @param prevHash    the hash of the entry before this one in the chain; null for the first entry ever
 * @param hash        HMAC-SHA256 over this entry's fields and {@code prevHash} with the audit key, see
 *                    {@link #expectedHash(AuditKey)}; for entries written before the chain was keyed (issue 11), plain
 *                    SHA-256, see {@link #expectedHash()}
 */
record AuditEntry(long id, Instant at, String actor, String ip, String action, String subjectType, String subjectId,
        String beforeJson, String afterJson, String prevHash, String hash) {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final byte[] VERSION = "yishi-audit-1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEYED = "yishi-audit-2".getBytes(StandardCharsets.US_ASCII);

    /** This entry with its legacy (unkeyed) hash: how entries were hashed before the chain was keyed. */
    AuditEntry withHash() {
        return new AuditEntry(id, at, actor, ip, action, subjectType, subjectId, beforeJson, afterJson, prevHash,
                expectedHash());
    }

    /** This entry with its hash under the audit key. */
    AuditEntry withHash(AuditKey key) {
        return new AuditEntry(id, at, actor, ip, action, subjectType, subjectId, beforeJson, afterJson, prevHash,
                expectedHash(key));
    }

    /**
     * The hash this entry must have in the keyed chain: lower-case hex HMAC-SHA256, under the entries' key derived
     * from the audit key, over the same encoding as {@link #expectedHash()} but starting with {@code yishi-audit-2}.
     * Nobody without the key can compute it, so a rewrite in the database alone is found.
     */
    String expectedHash(AuditKey key) {
        return key.entryHash(encoding(KEYED));
    }

    /**
     * The hash this entry must have: lower-case hex SHA-256 over the bytes {@code yishi-audit-1}, then for each of
     * id (decimal), at (UTC, {@code 2024-03-12T06:30:00.123456Z}), actor, ip, action, subject type, subject id,
     * before, after and the previous hash: the byte 0 for null, or the byte 1, the length of the value's UTF-8
     * bytes as 4 bytes big-endian, and those bytes. No two different entries share an encoding.
     */
    String expectedHash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoding(VERSION)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private byte[] encoding(byte[] version) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        bytes.writeBytes(version);
        for (String field : new String[] {Long.toString(id), AT.format(at), actor, ip, action, subjectType, subjectId,
                beforeJson, afterJson, prevHash}) {
            if (field == null) {
                bytes.write(0);
                continue;
            }
            byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
            bytes.write(1);
            bytes.write(utf8.length >>> 24);
            bytes.write(utf8.length >>> 16);
            bytes.write(utf8.length >>> 8);
            bytes.write(utf8.length);
            bytes.writeBytes(utf8);
        }
        return bytes.toByteArray();
    }
}
