package org.yishi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.yishi.audit.VerifyAuditCommand;
import org.yishi.supervision.GenerateSupervisionCommand;

/**
 * Yishi: one modular monolith, one package per business module. Started with {@code --verify-audit} it runs that
 * command instead of the server (see {@link VerifyAuditCommand}) and exits with its status; likewise with
 * {@code --generate-supervision=N} (see {@link GenerateSupervisionCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class YishiApplication {

    public static void main(String[] args) {
        if (VerifyAuditCommand.requested(args)) {
            System.exit(VerifyAuditCommand.run(YishiApplication.class, args, System.out));
        }
        if (GenerateSupervisionCommand.requested(args)) { // benchmark data (issue 5): see GenerateSupervisionCommand
            System.exit(GenerateSupervisionCommand.run(YishiApplication.class, args, System.out));
        }
        SpringApplication.run(YishiApplication.class, args);
    }
}
