package org.yishi;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The application's message bundles, as the application reads them, for tests without a Spring context. */
public final class TestMessages {

    private TestMessages() {
    }

    public static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
