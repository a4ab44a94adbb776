package org.yishi.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.yishi.platform.DatabaseProperties;

/**
 * What keeps the audit chain honest outside the database: the audit directory ({@code yishi.audit.dir}, environment
 * {@code YISHI_AUDIT_DIR}; by default {@code audit} beside the embedded database's directory, i.e. {@code data/audit},
 * and a throw-away one for an ephemeral database), holding the key and the checkpoint file; and the checkpoints,
 * written at start, every {@code yishi.audit.checkpoint-cron} (default every five minutes; {@code -} turns it off)
 * and on request.
 */
@Configuration(proxyBeanMethods = false)
class AuditKeeping {

    private static final Logger log = LoggerFactory.getLogger(AuditKeeping.class);

    @Bean
    AuditDirectory auditDirectory(@Value("${yishi.audit.dir:}") String configured, DatabaseProperties database) {
        Path directory;
        try {
            if (configured != null && !configured.isBlank()) {
                directory = Path.of(configured);
            } else if (database.ephemeral()) {
                directory = Files.createTempDirectory("yishi-audit");
            } else {
                Path parent = database.dataDir().toAbsolutePath().normalize().getParent();
                directory = (parent == null ? Path.of(".") : parent).resolve("audit");
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the audit directory (yishi.audit.dir, YISHI_AUDIT_DIR)", e);
        }
        return new AuditDirectory(directory.toAbsolutePath().normalize());
    }

    /** Where the key and the checkpoints are kept. */
    record AuditDirectory(Path path) {
    }

    @Bean
    AuditKey auditKey(@Value("${yishi.audit.key:}") String configured, AuditDirectory directory) {
        return AuditKey.load(configured, directory.path());
    }

    @Bean
    Checkpoints checkpoints(AuditDirectory directory, AuditKey key) {
        return new Checkpoints(directory.path(), key);
    }

    @Bean
    Checkpointing checkpointing(Audit audit, @Value("${yishi.audit.checkpoint-cron:0 */5 * * * *}") String cron) {
        return new Checkpointing(audit, !"-".equals(cron.strip()));
    }

    /**
     * Writes checkpoints at start and on the schedule; a failure is logged and tried again at the next turn. With
     * the schedule off ({@code -}, as for the verify command) none is written at start either.
     */
    static final class Checkpointing {
        private final Audit audit;
        private final boolean on;

        Checkpointing(Audit audit, boolean on) {
            this.audit = audit;
            this.on = on;
        }

        @EventListener(ApplicationReadyEvent.class)
        void atStart() {
            if (on) {
                onSchedule();
            }
        }

        @Scheduled(cron = "${yishi.audit.checkpoint-cron:0 */5 * * * *}")
        void onSchedule() {
            try {
                audit.checkpoint();
            } catch (RuntimeException e) {
                log.error("Could not write the audit checkpoint", e);
            }
        }
    }
}
