package org.yishi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

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
}
