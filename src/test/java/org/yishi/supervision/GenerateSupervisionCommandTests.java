package org.yishi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.yishi.YishiApplication;

/** The generator command's arguments: a bad one is refused with the usage, before anything starts. */
class GenerateSupervisionCommandTests {

    private static String refused(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = GenerateSupervisionCommand.run(YishiApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void isRequestedOnlyWithACount() {
        assertThat(GenerateSupervisionCommand.requested(new String[] {"--generate-supervision=1000"})).isTrue();
        assertThat(GenerateSupervisionCommand.requested(new String[] {"--verify-audit"})).isFalse();
    }

    @Test
    void badArgumentsGetTheUsage() {
        assertThat(refused("--generate-supervision=lots")).startsWith("Usage: --generate-supervision=<items, at least 1>");
        assertThat(refused("--generate-supervision=0")).startsWith("Usage:");
        assertThat(refused("--generate-supervision=10", "--generate-reports=-1")).startsWith("Usage:");
        assertThat(refused("--generate-supervision=10", "--generate-today=24.11.2026")).startsWith("Usage:");
    }
}
