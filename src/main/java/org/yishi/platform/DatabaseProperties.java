package org.yishi.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Yishi keeps its data. With {@code url} unset Yishi runs its own embedded PostgreSQL whose files live in
 * {@code dataDir}; with {@code url} set (environment {@code YISHI_DB_URL}, {@code YISHI_DB_USER},
 * {@code YISHI_DB_PASSWORD}) it uses that external PostgreSQL 15 or newer.
 *
 * @param url           JDBC URL of an external PostgreSQL; empty for the embedded one
 * @param user          user name for the external database
 * @param password      password for the external database
 * @param dataDir       data directory of the embedded PostgreSQL, kept across restarts
 * @param ephemeral     embedded only: one throw-away server per JVM in a temporary directory (tests)
 * @param freshDatabase create a new, empty database on the server for each application context (tests)
 */
@ConfigurationProperties("yishi.db")
public record DatabaseProperties(String url, String user, String password, Path dataDir, boolean ephemeral,
        boolean freshDatabase) {

    public DatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of("data", "postgres");
        }
    }

    boolean external() {
        return url != null && !url.isBlank();
    }
}
