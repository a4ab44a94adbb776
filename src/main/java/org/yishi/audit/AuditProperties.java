package org.yishi.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the audit log is kept.
 *
 * @param retentionDays entries older than this many days are purged (daily, see {@code yishi.audit.purge-cron});
 *                      at least 180, as 等保2.0 requires audit records to be kept six months or more
 */
@ConfigurationProperties("yishi.audit")
record AuditProperties(@DefaultValue("365") int retentionDays) {

    static final int MINIMUM_RETENTION_DAYS = 180;

    AuditProperties {
        if (retentionDays < MINIMUM_RETENTION_DAYS) {
            throw new IllegalArgumentException("yishi.audit.retention-days is " + retentionDays
                    + ", but audit entries must be kept at least " + MINIMUM_RETENTION_DAYS
                    + " days (等保2.0, 6 months): set it to " + MINIMUM_RETENTION_DAYS + " or more (the default is 365).");
        }
    }
}
