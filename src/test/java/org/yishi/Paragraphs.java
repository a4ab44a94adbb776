package org.yishi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Readout texts compared the way a reader sees them: as their paragraphs, where only the white space between
 * paragraphs may differ.
 */
public final class Paragraphs {

    /** The published English readout of the Heshan meeting of 27 February 2023, byte for byte. */
    public static final String HESHAN_SEED = "/seed/heshan-standing-committee-readout.en.txt";

    private Paragraphs() {
    }

    /** The paragraphs of a text: split on blank lines, each trimmed. */
    public static List<String> of(String text) {
        return Arrays.stream(text.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** The paragraphs of a text file on the test class path. */
    public static List<String> ofResource(String path) {
        try (InputStream in = Paragraphs.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
