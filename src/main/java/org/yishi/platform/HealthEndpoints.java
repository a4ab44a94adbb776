package org.yishi.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The health endpoints for operators' probes ({@code /actuator/health}, {@code /actuator/health/liveness},
 * {@code /actuator/health/readiness} with the database): open without sign-in, without a session, answering only
 * UP or DOWN (no details, see {@code management.endpoint.health.*} in application.properties). Any other actuator
 * path is refused here rather than left to the pages' rules.
 */
@Configuration(proxyBeanMethods = false)
class HealthEndpoints {

    @Bean
    @Order(0)
    SecurityFilterChain health(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator", "/actuator/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable());
        return http.build();
    }
}
