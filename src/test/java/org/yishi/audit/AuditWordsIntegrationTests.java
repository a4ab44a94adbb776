package org.yishi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yishi.YishiIntegrationTest;

/**
 * Every action and object type the demo leaves in the audit log has a name in words in both languages, so the log
 * page never shows a raw code such as {@code supervision.register} or {@code supervision_item}.
 */
@YishiIntegrationTest("yishi.demo-data=on")
class AuditWordsIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Test
    void everyLoggedActionAndObjectTypeIsNamedInBothLanguages() {
        List<String> actions = jdbc.sql("select distinct action from audit_entry").query(String.class).list();
        List<String> types = jdbc.sql("select distinct subject_type from audit_entry where subject_type is not null")
                .query(String.class).list();
        assertThat(actions).contains("supervision.register");
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (String a : actions) {
                assertThat(messages.getMessage("audit.action." + a, null, null, locale)).as("%s in %s", a, locale)
                        .isNotBlank();
            }
            for (String t : types) {
                assertThat(messages.getMessage("audit.subject." + t, null, null, locale)).as("%s in %s", t, locale)
                        .isNotBlank();
            }
        }
        for (String a : List.of("record.read", "supervision.register", "vote.cast", "minutes.sign")) {
            assertThat(messages.getMessage("audit.action." + a, null, null, Locale.ENGLISH)).doesNotContain(a);
            assertThat(messages.getMessage("audit.action." + a, null, null, Locale.SIMPLIFIED_CHINESE))
                    .matches(".*\\p{IsHan}.*");
        }
    }

    /** An audit call with a literal action (perhaps after an argument such as {@code account(id).username()}), and perhaps a
     * literal object type: {@code audit.record("a.b", "t", …}. */
    private static final Pattern AUDIT_CALL = Pattern.compile(
            "audit\\.\\w+\\((?:(?:[^\"();]|\\([^()]*\\))*?,\\s*)?\"([a-z_]+\\.[a-z_.-]+)\"(?:,\\s*\"([a-z_]+)\")?");

    /**
     * Every action and object type written literally in the code has its words too, whether or not the demo or an
     * earlier test happened to log it: the database alone would let a new action slip through.
     */
    @Test
    void everyActionAndObjectTypeTheCodeLogsIsNamedInBothLanguages() throws IOException {
        Set<String> actions = new TreeSet<>();
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = AUDIT_CALL.matcher(Files.readString(f));
                while (m.find()) {
                    actions.add(m.group(1));
                    if (m.group(2) != null) {
                        types.add(m.group(2));
                    }
                }
            }
        }
        assertThat(actions).contains("token.create", "supervision.register", "meeting.plan");
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            assertThat(actions).as("actions without words in %s", locale)
                    .allSatisfy(a -> assertThat(messages.getMessage("audit.action." + a, null, null, locale))
                            .as(a).isNotBlank());
            assertThat(types).as("object types without words in %s", locale)
                    .allSatisfy(t -> assertThat(messages.getMessage("audit.subject." + t, null, null, locale))
                            .as(t).isNotBlank());
        }
    }
}
