package org.yishi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.yishi.audit.VerifyAuditCommand;

/**
 * Yishi: one modular monolith, one package per business module. Started with {@code --verify-audit} it runs that
 * command instead of the server (see {@link VerifyAuditCommand}) and exits with its status. Benchmark data are made by
 * the bench sources' generator, which is not part of this jar (bench/supervision.sh).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class YishiApplication {

    public static void main(String[] args) {
        if (VerifyAuditCommand.requested(args)) {
            System.exit(VerifyAuditCommand.run(YishiApplication.class, args, System.out));
        }
        SpringApplication.run(YishiApplication.class, args);
    }
}
