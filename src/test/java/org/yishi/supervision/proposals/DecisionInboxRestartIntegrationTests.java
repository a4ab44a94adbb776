package org.yishi.supervision.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiApplication;
import org.yishi.accounts.Accounts;
import org.yishi.meetings.Meetings;
import org.yishi.meetings.Outcome;
import org.yishi.meetings.Procedure;
import tools.jackson.databind.JsonNode;

/**
 * A decision adopted in a meeting becomes an item in the supervision inbox also when the application stops before the
 * inbox's listener has finished: the whole application is started, stopped and started again on one PostgreSQL that
 * outlives both runs (an embedded one started here, or a new database on the server named by {@code YISHI_DB_URL}).
 *
 * <p>The listener is kept from finishing in the first run without any hook in the application: a connection of the
 * test holds {@code supervision_proposal} locked, so the listener's insert waits until the application has stopped.
 * The database created per context by {@code yishi.db.fresh-database} does not fit here (each run would get a new,
 * empty one), so the test creates the database itself and gives both runs its URL.
 */
class DecisionInboxRestartIntegrationTests {

    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    private EmbeddedPostgres embedded;
    private String adminUrl;
    private String user;
    private String password;
    private String database;
    private String url;
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();
    private Connection locker;

    @BeforeEach
    void database() throws IOException, SQLException {
        String external = System.getenv("YISHI_DB_URL");
        if (external != null && !external.isBlank()) {
            adminUrl = external;
            user = System.getenv().getOrDefault("YISHI_DB_USER", "");
            password = System.getenv().getOrDefault("YISHI_DB_PASSWORD", "");
        } else {
            embedded = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off").start();
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "";
        }
        Matcher m = JDBC_URL.matcher(adminUrl);
        assertThat(m.matches()).as("JDBC URL %s", adminUrl).isTrue();
        database = "yishi_restart_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("create database " + database + " encoding 'UTF8' template template0");
        }
        url = m.group(1) + database + m.group(3);
    }

    @AfterEach
    void cleanUp() throws Exception {
        List<Throwable> problems = new ArrayList<>();
        for (ConfigurableApplicationContext context : started) {
            try {
                stop(context);
            } catch (Throwable e) {
                problems.add(e);
            }
        }
        try {
            if (locker != null) {
                terminateOtherSessions();
                locker.close();
            }
        } catch (Throwable e) {
            problems.add(e);
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        } catch (Throwable e) {
            problems.add(e);
        }
        if (embedded != null) {
            embedded.close();
        }
        if (!problems.isEmpty()) {
            Exception e = new IllegalStateException("Cleaning up after the restart test failed");
            problems.forEach(e::addSuppressed);
            throw e;
        }
    }

    @Test
    void aDecisionAdoptedBeforeAStopReachesTheInboxOnceAfterTheRestart() throws Exception {
        long itemId;

        // Run 1: the demo's notified 青川 meeting of 8 April 2024 is opened and its first item adopted, while the
        // inbox's table is locked by the test, so the listener cannot finish before the application stops.
        ConfigurableApplicationContext first = start();
        awaitNoOutstandingPublications();
        locker = DriverManager.getConnection(url, user, password);
        locker.setAutoCommit(false);
        try (Statement s = locker.createStatement()) {
            s.execute("lock table supervision_proposal in access exclusive mode");
        }

        long meetingId = single("select id from meeting where held_on = date '2024-04-08'");
        Procedure procedure = first.getBean(Procedure.class);
        procedure.open(meetingId);
        itemId = first.getBean(Meetings.class).meeting(meetingId).items().getFirst().id();
        procedure.decide(itemId, Outcome.ADOPTED, null, null);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> single("""
                select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'
                   and query ilike '%insert into supervision_proposal%'""") == 1);
        assertThat(publications(itemId)).as("the adoption's publication, stored and incomplete").containsExactly(false);

        stop(first);
        terminateOtherSessions();
        locker.rollback();
        locker.close();
        locker = null;

        assertThat(proposals(itemId)).as("no proposal while the listener was held up").isZero();
        Thread.sleep(3000); // nothing left running could make the proposal: only a restart can
        assertThat(proposals(itemId)).as("no proposal without a restart").isZero();
        assertThat(publications(itemId)).as("the publication, still incomplete after the stop").containsExactly(false);

        // Run 2: the same database; the outstanding publication is handed to the listener again.
        ConfigurableApplicationContext second = start();
        long id = itemId;
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> proposals(id) == 1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> publications(id).stream().allMatch(done -> done));
        Thread.sleep(1000);
        assertThat(proposals(itemId)).as("the proposal, made once").isEqualTo(1);
        assertThat(publications(itemId)).isNotEmpty().allMatch(done -> done);

        String port = second.getEnvironment().getProperty("local.server.port");
        Api supervision = new Api(RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build())
                .signedInAs(TestAccounts.of(second.getBean(Accounts.class), "supervision"));
        List<JsonNode> inbox = supervision.get("/api/supervision/proposals").expect(200).json().valueStream()
                .filter(p -> p.get("agendaItemId").asLong() == id).toList();
        assertThat(inbox).hasSize(1);
        assertThat(inbox.getFirst().get("meetingId").asLong()).isEqualTo(meetingId);
        assertThat(inbox.getFirst().get("heldOn").asString()).isEqualTo("2024-04-08");
        assertThat(inbox.getFirst().get("titleZh").asString()).isEqualTo("研究部署防汛备汛工作");
        assertThat(inbox.getFirst().get("outcome").asString()).isEqualTo("ADOPTED");
        assertThat(inbox.getFirst().get("state").asString()).isEqualTo("PENDING");
    }

    private ConfigurableApplicationContext start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(YishiApplication.class).run(
                "--server.port=0", "--yishi.db.url=" + url, "--yishi.db.user=" + user, "--yishi.db.password=" + password,
                "--yishi.db.ephemeral=false", "--yishi.db.fresh-database=false", "--yishi.demo-data=on",
                "--yishi.supervision.sweep-cron=-", "--yishi.supervision.sweep-at-start=false");
        started.add(context);
        return context;
    }

    /** Closes the application in a thread of its own, so that a listener holding on cannot hang the test. */
    private void stop(ConfigurableApplicationContext context) throws Exception {
        if (!context.isActive()) {
            return;
        }
        try (ExecutorService closer = Executors.newSingleThreadExecutor()) {
            Future<?> closing = closer.submit(context::close);
            closing.get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** The demo data's own decisions have reached the inbox before the test locks it. */
    private void awaitNoOutstandingPublications() {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> single("select count(*) from event_publication where completion_date is null") == 0);
    }

    /**
     * Ends every session on the database but the lock's: the stopped application leaves none behind, not even one
     * whose client went away while its statement waited for the lock.
     */
    private void terminateOtherSessions() throws SQLException {
        long lockHolder;
        try (Statement s = locker.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            lockHolder = rs.getLong(1);
        }
        String others = " from pg_stat_activity where datname = current_database() and backend_type = 'client backend'"
                + " and pid <> pg_backend_pid() and pid <> " + lockHolder;
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_terminate_backend(pid)" + others)) {
            while (rs.next()) {
                // each row is one session ended
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> single("select count(*)" + others) == 0);
    }

    /** For each publication of the adoption to the inbox: whether it is completed. */
    private List<Boolean> publications(long itemId) throws SQLException {
        List<Boolean> completed = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement("""
                select completion_date is not null from event_publication
                 where event_type = 'org.yishi.meetings.DecisionAdopted' and listener_id like '%ProposalInbox%'
                   and (serialized_event::jsonb ->> 'itemId')::bigint = ?""")) {
            s.setLong(1, itemId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    completed.add(rs.getBoolean(1));
                }
            }
        }
        return completed;
    }

    private long proposals(long itemId) throws SQLException {
        return single("select count(*) from supervision_proposal where agenda_item_id = " + itemId);
    }

    private long single(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getLong(1);
        }
    }

    /**
     * A connection of its own for each look at the database: outside the lock's transaction, whose snapshot of
     * {@code pg_stat_activity} would never change.
     */
    private Connection connection() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
