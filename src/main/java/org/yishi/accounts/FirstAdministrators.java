package org.yishi.accounts;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start (no account at all) creates the three administrators — {@code sysadmin}, {@code secadmin},
 * {@code auditor} — with the password from {@code YISHI_ADMIN_PASSWORD}, or a generated one printed once in the log.
 * Each must change it at first sign-in. Runs after the demo data, which brings accounts of its own; with several
 * nodes starting at once, it runs once, under a database lock.
 */
@Component
@Order(100)
class FirstAdministrators implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrators.class);
    private static final long LOCK = 0x7969736861646dL;

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final String password;

    FirstAdministrators(Accounts accounts, JdbcClient jdbc, TransactionTemplate tx,
            @Value("${YISHI_ADMIN_PASSWORD:}") String password) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.tx = tx;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption("verify-audit")) {
            return; // checking the audit log changes nothing
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", LOCK).query(Object.class).single();
            if (accounts.any()) {
                return;
            }
            boolean generated = password.isBlank();
            String initial = generated ? PasswordPolicy.generate() : password;
            for (String role : List.of("sysadmin", "secadmin", "auditor")) {
                Accounts.Created created = accounts.create(new AccountDraft(role, null, initial, null, null));
                accounts.assignRoles(created.account().id(), List.of(role), null);
            }
            if (generated) {
                log.warn("""

                        ================================================================
                        First administrators created: sysadmin, secadmin, auditor
                        Initial password (shown only now): {}
                        Each must change it at first sign-in.
                        ================================================================""", initial);
            } else {
                log.info("First administrators created (sysadmin, secadmin, auditor) with the password from YISHI_ADMIN_PASSWORD");
            }
        });
    }
}
