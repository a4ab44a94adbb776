package org.yishi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A message with arguments goes through {@link java.text.MessageFormat}, where a single apostrophe starts a quoted
 * part and disappears: "the presiding person's consent" would read "the presiding persons consent". Such messages
 * write it doubled.
 */
class MessageQuotesTests {

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

    @Test
    void messagesWithArgumentsDoubleTheirApostrophes() throws IOException {
        for (String name : List.of("messages_en.properties", "messages_zh_CN.properties")) {
            Properties bundle = new Properties();
            try (var in = new InputStreamReader(MessageQuotesTests.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
                bundle.load(in);
            }
            assertThat(bundle.stringPropertyNames().stream().sorted()
                    .filter(k -> ARGUMENT.matcher(bundle.getProperty(k)).find() && LONE_QUOTE.matcher(bundle.getProperty(k)).find())
                    .toList()).as("messages of %s with arguments and a lone apostrophe", name).isEmpty();
        }
    }
}
