package org.yishi.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purges entries older than {@code yishi.audit.retention-days}, daily at {@code yishi.audit.purge-cron} (default
 * 03:30; {@code -} turns it off). Every node runs it; the chain lock makes the first do the work and the others find
 * nothing left. A chain that fails verification is not purged, so that no evidence of tampering is deleted.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final Audit audit;
    private final AuditEntries entries;
    private final AuditProperties properties;
    private final TransactionTemplate tx;

    AuditRetention(Audit audit, AuditEntries entries, AuditProperties properties, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.entries = entries;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(cron = "${yishi.audit.purge-cron:0 30 3 * * *}")
    void purgeExpired() {
        purgeBefore(Instant.now().minus(properties.retentionDays(), ChronoUnit.DAYS));
    }

    /** Deletes the entries older than the cutoff, recording the purge as an entry of its own; returns how many. */
    int purgeBefore(Instant cutoff) {
        Verification verification = audit.verify();
        if (!verification.ok()) {
            log.error("Audit log not purged: its hash chain is broken at entry {} ({}). Investigate, then restore it "
                    + "from a backup.", verification.firstBadId(), verification.reason());
            return 0;
        }
        int deleted = tx.execute(status -> {
            int n = entries.purgeBefore(cutoff);
            if (n > 0) {
                audit.recordAs(Origin.SYSTEM, null, "audit.purge", null, null, null,
                        Map.of("deleted", n, "olderThan", cutoff.toString()));
            }
            return n;
        });
        if (deleted > 0) {
            log.info("Audit log: purged {} entries older than {}", deleted, cutoff);
        }
        return deleted;
    }
}
