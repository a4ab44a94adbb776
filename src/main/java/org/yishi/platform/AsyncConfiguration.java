package org.yishi.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Module listeners ({@code @ApplicationModuleListener}) run asynchronously, after the publishing transaction has
 * committed, on Spring Boot's task executor (virtual threads). Until a listener completes, its event stays in the
 * event publication registry.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {
}
