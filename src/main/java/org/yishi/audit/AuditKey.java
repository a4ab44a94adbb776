package org.yishi.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret that keys the audit chain, kept outside the database: from {@code yishi.audit.key} (environment
 * {@code YISHI_AUDIT_KEY}, at least 32 characters), else from the file {@code audit.key} in the audit directory,
 * generated at first start (32 random bytes, Base64) and readable by its owner only. Entries are hashed with
 * HMAC-SHA256 under one key derived from it, checkpoints signed under another, so that neither can stand in for the
 * other.
 */
final class AuditKey {

    static final int MINIMUM_LENGTH = 32;
    static final String FILE = "audit.key";
    private static final Logger log = LoggerFactory.getLogger(AuditKey.class);

    private final SecretKeySpec entries;
    private final SecretKeySpec checkpoints;

    AuditKey(byte[] secret) {
        if (secret.length < MINIMUM_LENGTH) {
            throw new IllegalArgumentException("The audit key (yishi.audit.key, environment YISHI_AUDIT_KEY) has "
                    + secret.length + " bytes, but needs at least " + MINIMUM_LENGTH
                    + ": use a longer random value, or leave it unset to have one generated in the audit directory.");
        }
        SecretKeySpec master = new SecretKeySpec(secret, "HmacSHA256");
        this.entries = new SecretKeySpec(mac(master, "yishi-audit-entries".getBytes(StandardCharsets.US_ASCII)), "HmacSHA256");
        this.checkpoints = new SecretKeySpec(mac(master, "yishi-audit-checkpoints".getBytes(StandardCharsets.US_ASCII)),
                "HmacSHA256");
    }

    /** The key given in the configuration, or the one in {@code directory}, made there when there is none yet. */
    static AuditKey load(String configured, Path directory) {
        if (configured != null && !configured.isBlank()) {
            return new AuditKey(configured.strip().getBytes(StandardCharsets.UTF_8));
        }
        Path file = directory.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            byte[] secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return new AuditKey(secret);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the audit key " + file.toAbsolutePath()
                    + ": make the directory writable by the user running Yishi, or set YISHI_AUDIT_KEY.", e);
        }
    }

    private static void generate(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ownerOnly(file.getParent(), true);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            return; // another start made it first
        }
        ownerOnly(file, false);
        Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        log.warn("Generated the audit key {}: keep it (and a copy apart from the database's backups); without it the "
                + "audit log cannot be verified.", file.toAbsolutePath());
    }

    /** Readable (and writable) by the owner only, where the file system knows POSIX permissions. */
    static void ownerOnly(Path path, boolean directory) throws IOException {
        if (!Files.getFileStore(path).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = directory ? PosixFilePermissions.fromString("rwx------")
                : EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        Files.setPosixFilePermissions(path, permissions);
    }

    /** Lower-case hex HMAC-SHA256 of an entry's canonical encoding. */
    String entryHash(byte[] encoding) {
        return HexFormat.of().formatHex(mac(entries, encoding));
    }

    /** Lower-case hex HMAC-SHA256 of a checkpoint's text. */
    String checkpointSignature(String text) {
        return HexFormat.of().formatHex(mac(checkpoints, text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] mac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
