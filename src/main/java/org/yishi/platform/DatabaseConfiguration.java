package org.yishi.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link DataSource}: an external PostgreSQL when {@code yishi.db.url} is given, otherwise an embedded
 * PostgreSQL started here and stopped with the application. Logs which one it uses.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");

    @Bean(destroyMethod = "close")
    Database database(DatabaseProperties properties) {
        Database server = properties.external() ? external(properties) : embedded(properties);
        int version = server.serverVersion();
        log.info("PostgreSQL server version {}.{}", version / 10000, version % 10000);
        if (version < 150000) {
            server.closeQuietly();
            throw new IllegalStateException("Yishi needs PostgreSQL 15 or newer; the server at " + properties.url()
                    + " runs version " + version / 10000 + ".");
        }
        return properties.freshDatabase() ? server.withFreshDatabase() : server;
    }

    @Bean
    DataSource dataSource(Database database) {
        return database.dataSource();
    }

    private static Database external(DatabaseProperties properties) {
        String url = properties.url();
        if (!JDBC_URL.matcher(url).matches()) {
            throw new IllegalStateException("YISHI_DB_URL must look like jdbc:postgresql://host:port/database, not: " + url);
        }
        log.info("Using external PostgreSQL at {} as user {}", url, properties.user());
        return new Database(url, properties.user(), properties.password(), null, false);
    }

    private static Database embedded(DatabaseProperties properties) {
        if (properties.ephemeral()) {
            EmbeddedPostgres server = EphemeralServer.get();
            return new Database(server.getJdbcUrl("postgres", "postgres"), "postgres", "", null, false);
        }
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        EmbeddedServer server = EarlyStart.take(dataDir).orElseGet(() -> start(dataDir));
        log.info("Using embedded PostgreSQL on 127.0.0.1 port {} with data in {}", server.port(), dataDir);
        return new Database(server.jdbcUrl("postgres"), EmbeddedServer.USER, server.password(), server, false);
    }

    /** Starts the embedded server on its data directory, to be stopped with the application (see EmbeddedServer). */
    private static EmbeddedServer start(Path dataDir) {
        EmbeddedServer server = EmbeddedServer.start(dataDir);
        stopAfterContexts(server);
        return server;
    }

    /**
     * Starts the embedded server on a thread of its own as soon as the configuration is known, while Spring reads its
     * configuration classes (about a second of one core); the {@code database} bean then takes the started server.
     * This takes the server's start (and on a first start, {@code initdb}) off the path to the first page.
     * Registered in {@code META-INF/spring.factories}, so that it sees the environment before the context exists.
     */
    static final class EarlyStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

        private static final Map<Path, CompletableFuture<EmbeddedServer>> STARTING = new ConcurrentHashMap<>();

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            DatabaseProperties properties = Binder.get(event.getEnvironment())
                    .bind("yishi.db", DatabaseProperties.class).orElse(null);
            if (properties == null || properties.external() || properties.ephemeral()) {
                return;
            }
            Path dataDir = properties.dataDir().toAbsolutePath().normalize();
            STARTING.computeIfAbsent(dataDir, d -> {
                CompletableFuture<EmbeddedServer> started = new CompletableFuture<>();
                Thread.ofPlatform().name("embedded-postgres-start").daemon().start(() -> {
                    try {
                        started.complete(start(d));
                    } catch (Throwable e) { // whatever it is, the bean waiting for the server must hear of it
                        started.completeExceptionally(e);
                    }
                });
                return started;
            });
        }

        /** The server started early for the directory, waited for; empty when none was. */
        static Optional<EmbeddedServer> take(Path dataDir) {
            CompletableFuture<EmbeddedServer> started = STARTING.remove(dataDir);
            if (started == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(started.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    /**
     * Stops the server when the JVM shuts down, once every application context has closed. The server's own JVM
     * shutdown hook would run alongside Spring's and pull the database from under contexts still closing: their
     * requests, pools and listeners then fail or wait for connections (a test JVM was killed after 30 s so).
     */
    private static void stopAfterContexts(AutoCloseable server) {
        SpringApplication.getShutdownHandlers().add(() -> {
            try {
                server.close(); // does nothing when the context closing stopped it already
            } catch (Exception e) {
                log.warn("Could not stop the embedded PostgreSQL", e);
            }
        });
    }

    /** One throw-away embedded server per JVM, shared by all test contexts, each in a database of its own. */
    private static final class EphemeralServer {
        private static EmbeddedPostgres server;

        static synchronized EmbeddedPostgres get() {
            if (server == null) {
                try {
                    // throw-away data: durability off for speed; still reachable on loopback only
                    server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                            .setServerConfig("listen_addresses", "127.0.0.1")
                            .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
                            .setRegisterShutdownHook(false).start();
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
                }
                stopAfterContexts(server::close);
                log.info("Using an ephemeral embedded PostgreSQL on port {}", server.getPort());
            }
            return server;
        }
    }

    /** A database on a server, with the pool that reaches it; closing it stops what it started. */
    static final class Database implements AutoCloseable {
        private final String url;
        private final String user;
        private final String password;
        private final AutoCloseable embedded;
        private final boolean dropOnClose;
        private final HikariDataSource pool;

        Database(String url, String user, String password, AutoCloseable embedded, boolean dropOnClose) {
            this.url = url;
            this.user = user;
            this.password = password;
            this.embedded = embedded;
            this.dropOnClose = dropOnClose;
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(10);
            config.setPoolName("yishi");
            // Fail fast while the database is down: a request waits at most 2 s for a connection, then gets a 503
            // (DatabaseUnavailable); the pool reconnects by itself once the database is back.
            config.setConnectionTimeout(2000);
            config.setValidationTimeout(1000);
            config.addDataSourceProperty("connectTimeout", "2");
            this.pool = new HikariDataSource(config);
        }

        DataSource dataSource() {
            return pool;
        }

        /** The embedded server this database runs on; empty for an external or shared one. */
        Optional<AutoCloseable> embedded() {
            return Optional.ofNullable(embedded);
        }

        Database withFreshDatabase() {
            String name = "yishi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            execute("create database " + name + " encoding 'UTF8' template template0");
            pool.close();
            Matcher m = JDBC_URL.matcher(url);
            if (!m.matches()) {
                throw new IllegalStateException("Unexpected JDBC URL " + url);
            }
            return new Database(m.group(1) + name + m.group(3), user, password, embedded, true);
        }

        /** The server's version as PostgreSQL numbers it, e.g. 150018 for 15.18. */
        int serverVersion() {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 var rs = s.executeQuery("show server_version_num")) {
                rs.next();
                return Integer.parseInt(rs.getString(1));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not reach PostgreSQL at " + url + ": " + e.getMessage(), e);
            }
        }

        void closeQuietly() {
            try {
                close();
            } catch (IOException | RuntimeException ignored) {
                // start-up is failing anyway; the reason is already being reported
            }
        }

        private void execute(String sql) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not run: " + sql, e);
            }
        }

        @Override
        public void close() throws IOException {
            pool.close();
            if (dropOnClose) {
                Matcher m = JDBC_URL.matcher(url);
                if (m.matches()) {
                    try (HikariDataSource admin = adminPool(m.group(1) + "postgres" + m.group(3));
                         Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                        s.execute("drop database if exists " + m.group(2) + " with (force)");
                    } catch (SQLException | RuntimeException e) {
                        log.debug("Could not drop test database {}", m.group(2), e);
                    }
                }
            }
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e);
                }
                log.info("Embedded PostgreSQL stopped");
            }
        }

        private HikariDataSource adminPool(String adminUrl) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(adminUrl);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(1);
            return new HikariDataSource(config);
        }
    }
}
