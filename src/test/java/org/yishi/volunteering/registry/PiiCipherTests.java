package org.yishi.volunteering.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encryption and blind index of personal information, and where their key comes from. */
class PiiCipherTests {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @TempDir
    Path dir;

    @Test
    void aValueIsSealedFreshEachTimeAndOpensOnlyUnderItsColumnAndKey() {
        PiiCipher cipher = new PiiCipher(new PiiKeys(KEY, dir.resolve("unused.key")));
        byte[] one = cipher.encrypt("volunteer.id_number", "11010519491231002X");
        byte[] two = cipher.encrypt("volunteer.id_number", "11010519491231002X");
        assertThat(one).isNotEqualTo(two);
        assertThat(new String(one, StandardCharsets.ISO_8859_1)).doesNotContain("1101051949");
        assertThat(cipher.decrypt("volunteer.id_number", one)).isEqualTo("11010519491231002X");
        assertThatThrownBy(() -> cipher.decrypt("volunteer.contact", one)).isInstanceOf(IllegalStateException.class);
        one[20] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt("volunteer.id_number", one)).isInstanceOf(IllegalStateException.class);
        PiiCipher other = new PiiCipher(new PiiKeys(Base64.getEncoder().encodeToString(new byte[32]), dir.resolve("x")));
        assertThatThrownBy(() -> other.decrypt("volunteer.id_number", two)).isInstanceOf(IllegalStateException.class);
        assertThat(Files.exists(dir.resolve("unused.key"))).as("a key from the environment writes no file").isFalse();
    }

    @Test
    void theBlindIndexIsTheSameForEqualValuesAndDiffersWithTheKey() {
        PiiCipher cipher = new PiiCipher(new PiiKeys(KEY, dir.resolve("unused.key")));
        PiiCipher other = new PiiCipher(new PiiKeys(Base64.getEncoder().encodeToString(new byte[32]), dir.resolve("x")));
        assertThat(cipher.blindIndex("11010519491231002X")).isEqualTo(cipher.blindIndex("11010519491231002X"))
                .isNotEqualTo(cipher.blindIndex("110105194912310010"))
                .isNotEqualTo(other.blindIndex("11010519491231002X"));
    }

    @Test
    void withoutAKeyOneIsGeneratedOnceIntoAFileOnlyItsOwnerReads() throws Exception {
        Path file = dir.resolve("data").resolve("pii.key");
        byte[] sealed = new PiiCipher(new PiiKeys("", file)).encrypt("c", "secret");
        assertThat(Files.readString(file)).hasSize(44);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new PiiCipher(new PiiKeys(" ", file)).decrypt("c", sealed)).as("the same key at the next start")
                .isEqualTo("secret");
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedAtStart() {
        assertThatThrownBy(() -> new PiiKeys(Base64.getEncoder().encodeToString(new byte[16]), dir.resolve("k")))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new PiiKeys("not base64!", dir.resolve("k"))).hasMessageContaining("Base64");
    }
}
