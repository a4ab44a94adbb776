package org.yishi.audit;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.yishi.platform.Commands;

/**
 * The command {@code java -jar yishi.jar --verify-audit}: checks the audit log's hash chain in the database the
 * application is configured for (the same {@code YISHI_DB_*} settings), prints the result on one line and ends with
 * status 0 when the log is intact, 1 when it was tampered with, 2 when it could not be checked (the reason is then
 * reported as for any failed start).
 *
 * <p>It starts the application as a server would, so that every module's configuration holds, but opens no port
 * ({@code server.port=-1}: no connector is started, so it runs beside a running node), loads no demo data and purges
 * nothing and writes no checkpoint; these settings override any other. It needs the same audit key and checkpoint
 * file as the server ({@code YISHI_AUDIT_KEY}, {@code YISHI_AUDIT_DIR}). It does apply pending database migrations, as any start does.
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
        ConfigurableApplicationContext context = Commands.start(application, args, "verify-audit",
                Map.of("yishi.demo-data", "off", "yishi.audit.purge-cron", "-",
                "yishi.audit.checkpoint-cron", "-")).orElse(null);
        if (context == null) {
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
