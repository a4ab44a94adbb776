package org.yishi.supervision;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Settings of the supervision office: when items turn yellow and orange, {@code yishi.supervision.yellow-percent}
 * (30 by default) and {@code yishi.supervision.orange-percent} (15), as percentages of the working days an item was
 * given; a pair that makes no sense stops the start with the reason.
 */
@Configuration(proxyBeanMethods = false)
class SupervisionSettings {

    @Bean
    WarningThresholds warningThresholds(@Value("${yishi.supervision.yellow-percent:30}") int yellow,
            @Value("${yishi.supervision.orange-percent:15}") int orange) {
        return new WarningThresholds(yellow, orange);
    }
}
