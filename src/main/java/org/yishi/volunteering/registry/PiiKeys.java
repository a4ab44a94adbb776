package org.yishi.volunteering.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The master key protecting personal information (identity numbers): 32 bytes, Base64, from
 * {@code yishi.volunteering.pii-key} (environment {@code YISHI_PII_KEY}); when that is empty, read from the file
 * {@code yishi.volunteering.pii-key-file} (environment {@code YISHI_PII_KEY_FILE}, default {@code data/pii.key}),
 * which is generated at the first start, readable by its owner only. Losing the key loses every stored number.
 * Two keys are derived from it, one to encrypt and one for the blind index, so that neither reveals the other.
 */
@Component
public class PiiKeys {

    private static final Logger log = LoggerFactory.getLogger(PiiKeys.class);

    private final SecretKeySpec encryption;
    private final SecretKeySpec index;
    private final byte[] master;

    PiiKeys(@Value("${yishi.volunteering.pii-key:}") String key,
            @Value("${yishi.volunteering.pii-key-file:data/pii.key}") Path file) {
        byte[] master = key.isBlank() ? fromFile(file) : decode(key, "yishi.volunteering.pii-key");
        this.master = master;
        this.encryption = new SecretKeySpec(derive(master, "yishi pii encryption"), "AES");
        this.index = new SecretKeySpec(derive(master, "yishi pii blind index"), "HmacSHA256");
    }

    SecretKeySpec encryption() {
        return encryption;
    }

    SecretKeySpec index() {
        return index;
    }

    /**
     * A key for another purpose of the module (e.g. the check-in codes), derived from the same master key, so that it
     * is kept wherever that is kept and reveals neither the master nor the other keys.
     */
    public SecretKeySpec derived(String purpose) {
        return new SecretKeySpec(derive(master, "yishi " + purpose), "HmacSHA256");
    }

    private static byte[] decode(String base64, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not Base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(where + " must hold 32 bytes (256 bits), holds " + bytes.length);
        }
        return bytes;
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.notExists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the personal-information key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try {
            if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
            log.warn("Generated a new key for personal information in {}: keep a copy, without it no stored ID number "
                    + "can be read", file.toAbsolutePath());
        } catch (FileAlreadyExistsException raced) {
            // another instance made it first: read theirs
        }
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
