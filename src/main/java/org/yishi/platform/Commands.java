package org.yishi.platform;

import java.util.Map;
import java.util.Optional;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Commands run instead of the server ({@code --verify-audit}, {@code --generate-supervision=…}): the application
 * started as a server would be, so that every module's configuration holds, but without a port ({@code server.port=-1}:
 * no connector, so it runs beside a running node), logging only warnings (a caller can ask for more with
 * {@code --logging.level.*}), and with the command's own settings over every other, whatever the environment says.
 */
public final class Commands {

    private Commands() {
    }

    /**
     * The started application, or empty when it could not start (Spring Boot has then reported why).
     *
     * @param name      the name of the command's settings, e.g. {@code verify-audit}
     * @param overrides the command's settings, over any other; {@code server.port=-1} is always among them
     */
    public static Optional<ConfigurableApplicationContext> start(Class<?> application, String[] args, String name,
            Map<String, Object> overrides) {
        Map<String, Object> settings = new java.util.HashMap<>(overrides);
        settings.put("server.port", "-1");
        SpringApplicationBuilder builder = new SpringApplicationBuilder(application)
                .logStartupInfo(false)
                .properties("logging.level.root=warn")
                .initializers(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource(name, settings)));
        try {
            return Optional.of(builder.run(args));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
