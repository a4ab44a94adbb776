package org.yishi.audit;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.env.MapPropertySource;

/**
 * The command {@code java -jar yishi.jar --verify-audit}: checks the audit log's hash chain in the database the
 * application is configured for (the same {@code YISHI_DB_*} settings), prints the result on one line and ends with
 * status 0 when the log is intact, 1 when it was tampered with, 2 when it could not be checked (the reason is then
 * reported as for any failed start).
 *
 * <p>It starts the application as a server would, so that every module's configuration holds, but opens no port
 * ({@code server.port=-1}: no connector is started, so it runs beside a running node), loads no demo data and purges
 * nothing; these settings override any other. It does apply pending database migrations, as any start does.
 */
public final class VerifyAuditCommand {

    public static final String OPTION = "--verify-audit";

    private VerifyAuditCommand() {
    }

    public static boolean requested(String[] args) {
        return Arrays.asList(args).contains(OPTION);
    }

    /** Runs the command on the application whose main class is given; returns the exit status. */
    public static int run(Class<?> application, String[] args, PrintStream out) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(application)
                .logStartupInfo(false)
                // the command's one line should stand alone; a caller can still ask for more with --logging.level.*
                .properties("logging.level.root=warn")
                // over every other setting, whatever the environment says
                .initializers(context -> context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(
                        "verify-audit", Map.of("server.port", "-1", "yishi.demo-data", "off",
                                "yishi.audit.purge-cron", "-"))));
        ConfigurableApplicationContext context;
        try {
            context = builder.run(args);
        } catch (RuntimeException e) {
            return 2; // Spring Boot has reported why the application could not start
        }
        try (context) {
            Verification verification = context.getBean(Audit.class).verify();
            Locale locale = Locale.getDefault().getLanguage().equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            out.println(verification.describe(context.getBean(MessageSource.class), locale));
            return verification.ok() ? 0 : 1;
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(VerifyAuditCommand.class).error("Could not verify the audit log", e);
            return 2;
        }
    }
}
