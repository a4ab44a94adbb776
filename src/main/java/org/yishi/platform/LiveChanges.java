package org.yishi.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Changes pushed to the pages that show something live, across every node: a change is announced on PostgreSQL's
 * channel {@value #CHANNEL} (by a trigger on the changed table) and delivered when its
 * transaction commits to every node that listens; each node hands it to the followers of that topic connected to it.
 * A topic names what changed ({@code meeting:42}), never what it now holds: a follower asks again for what it may see.
 *
 * <p>Each node listens on one connection of its own, outside the pool. When that connection is lost (PostgreSQL
 * restarted, the network cut) the node reconnects with a growing pause, and then tells every follower that something
 * may have changed, since what was announced meanwhile did not reach it: followers catch up by asking again.
 */
@Component
public class LiveChanges implements SmartLifecycle {

    /** The PostgreSQL channel of live changes. */
    public static final String CHANNEL = "yishi_live";

    private static final Logger log = LoggerFactory.getLogger(LiveChanges.class);

    /** How long one wait for notifications lasts before the listener checks it should still run. */
    private static final int WAIT_MILLIS = 5_000;

    private final DataSource dataSource;
    private final Map<String, Set<Runnable>> followers = new ConcurrentHashMap<>();
    private volatile ExecutorService delivery;
    private volatile boolean running;
    private volatile boolean listening;
    /** The thread listening now; one that finds it is no longer this one ends (after a stop and a new start). */
    private volatile Thread listener;

    LiveChanges(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A follower of one topic, until closed. */
    public interface Following extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Follows a topic on this node: {@code onChange} runs (on a thread of its own) after each committed change of it,
     * and after the node has reconnected to PostgreSQL.
     */
    public Following follow(String topic, Runnable onChange) {
        followers.computeIfAbsent(topic, t -> new CopyOnWriteArraySet<>()).add(onChange);
        return () -> followers.computeIfPresent(topic, (t, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    /** Whether this node is listening now (false while it reconnects). */
    public boolean listening() {
        return listening;
    }

    private void deliver(String topic) {
        Set<Runnable> those = topic == null ? null : followers.get(topic);
        if (those != null) {
            those.forEach(this::run);
        }
    }

    private void deliverToAll() {
        followers.values().forEach(set -> set.forEach(this::run));
    }

    private void run(Runnable follower) {
        try {
            delivery.execute(follower);
        } catch (RejectedExecutionException stopped) {
            // stopping: the followers' streams are being ended anyway
        }
    }

    private boolean current() {
        return running && listener == Thread.currentThread();
    }

    private void listen() {
        Duration pause = Duration.ofMillis(250);
        boolean first = true;
        while (current()) {
            try (Connection c = connection(); Statement s = c.createStatement()) {
                s.execute("listen " + CHANNEL);
                listening = true;
                if (!first) {
                    log.info("Live changes: listening again on {}; every follower catches up", CHANNEL);
                    deliverToAll();
                }
                first = false;
                pause = Duration.ofMillis(250);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (current()) {
                    PGNotification[] notes = pg.getNotifications(WAIT_MILLIS);
                    if (notes == null) {
                        // the driver answers null when the wait ended without notifications; check the connection
                        if (!c.isValid(2)) {
                            throw new SQLException("the listening connection is no longer valid");
                        }
                        continue;
                    }
                    for (PGNotification n : notes) {
                        deliver(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!current()) {
                    return;
                }
                log.warn("Live changes: lost the listening connection ({}); trying again in {} ms", e.toString(),
                        pause.toMillis());
                first = false;
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                        : pause.multipliedBy(2);
            }
        }
    }

    /** A connection of its own, outside the pool, so that listening never holds one of the pool's. */
    private Connection connection() throws SQLException {
        HikariDataSource hikari = dataSource instanceof HikariDataSource h ? h
                : dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        if (hikari != null && hikari.getJdbcUrl() != null) {
            // the driver itself, not DriverManager: in the packaged jar the driver is not on the system class path
            Properties login = new Properties();
            if (hikari.getUsername() != null) {
                login.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                login.setProperty("password", hikari.getPassword());
            }
            login.setProperty("ApplicationName", "yishi live changes");
            return new Driver().connect(hikari.getJdbcUrl(), login);
        }
        return dataSource.getConnection();
    }

    /** Starts listening; after a stop (a paused test context, a restarted one) it starts afresh. */
    @Override
    public synchronized void start() {
        delivery = Executors.newVirtualThreadPerTaskExecutor();
        running = true;
        Thread thread = Thread.ofPlatform().daemon().name("yishi-live-changes").unstarted(this::listen);
        listener = thread;
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        listening = false;
        Thread thread = listener;
        listener = null;
        if (thread != null) {
            thread.interrupt();
        }
        if (delivery != null) {
            delivery.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
