package org.yishi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Audit entries are kept at least 180 days: a shorter retention stops the start with a message saying so. */
class AuditPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuditProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void theRetentionIs365DaysUnlessSet() {
        context.run(started -> assertThat(started.getBean(AuditProperties.class).retentionDays()).isEqualTo(365));
        context.withPropertyValues("yishi.audit.retention-days=180")
                .run(started -> assertThat(started.getBean(AuditProperties.class).retentionDays()).isEqualTo(180));
    }

    @Test
    void aRetentionBelow180DaysIsRefusedAtStartUp() {
        context.withPropertyValues("yishi.audit.retention-days=90").run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().hasMessageContaining("yishi.audit.retention-days is 90")
                .hasMessageContaining("at least 180 days"));
    }
}
