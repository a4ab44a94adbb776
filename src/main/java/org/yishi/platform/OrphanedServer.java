package org.yishi.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a crash leaves on a data directory: after {@code kill -9} of the JVM its PostgreSQL lives on (and its
 * {@code postmaster.pid} makes the next start fail); after a kill of both, the pid file stays and, for a moment,
 * server processes whose postmaster is gone. Found through the pid file (pid, data directory, port) and checked to
 * be a PostgreSQL of this very directory — its working directory is the data directory — before anything is
 * stopped: an orphaned server is stopped as {@code pg_ctl stop -m fast} does, and waited for; a pid file whose
 * process is gone, or is some other program now, is removed once no process of the directory remains.
 */
final class OrphanedServer {

    private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final Duration LEFTOVERS_WAIT = Duration.ofSeconds(10);

    private OrphanedServer() {
    }

    static void stopAny(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        requireNoLiveOwner(dataDir);
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.getFirst()).flatMap(ProcessHandle::of).filter(p -> isServerOf(p, dataDir));
        if (postmaster.isPresent()) {
            log.warn("An embedded PostgreSQL left running on {} (pid {}, port {}) is stopped before the start",
                    lines.size() > 1 ? lines.get(1) : dataDir, postmaster.get().pid(), lines.size() > 3 ? lines.get(3) : "?");
            stop(postmaster.get(), dataDir);
        }
        awaitLeftovers(dataDir);
        if (Files.deleteIfExists(pidFile)) {
            log.warn("Removed the stale postmaster.pid of {}, whose server is gone", dataDir);
        }
    }

    /**
     * A server whose JVM still lives is no orphan: that JVM holds the library's lock on {@code epg-lock} in the data
     * directory (released by the system when a process dies however it dies). Taken for a moment and let go for the
     * start, which takes it again.
     */
    private static void requireNoLiveOwner(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve("epg-lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(dataDir);
            }
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDir);
        }
    }

    private static IllegalStateException inUse(Path dataDir) {
        return new IllegalStateException("The data directory " + dataDir + " is in use by a running Yishi; stop it "
                + "first, or give this one another YISHI_DATA_DIR.");
    }

    private static void stop(ProcessHandle postmaster, Path dataDir) {
        Optional<Path> pgCtl = postmaster.info().command().map(c -> Path.of(c).resolveSibling("pg_ctl"))
                .filter(Files::isExecutable);
        try {
            if (pgCtl.isPresent()) {
                List<String> command = new ArrayList<>();
                if (LinuxUtils.isUnshareAvailable()) {
                    command.addAll(List.of("unshare", "-U")); // as the library runs pg_ctl: it refuses root
                }
                command.addAll(List.of(pgCtl.get().toString(), "-D", dataDir.toString(), "stop", "-m", "fast", "-w",
                        "-t", Long.toString(STOP_WAIT.toSeconds())));
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                p.waitFor(STOP_WAIT.toSeconds() + 5, TimeUnit.SECONDS);
            }
            if (postmaster.isAlive()) {
                postmaster.destroy(); // SIGTERM, a smart shutdown: the clients of a dead JVM are gone already
            }
            postmaster.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            log.info("The PostgreSQL left running on {} has stopped", dataDir);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL (pid " + postmaster.pid() + ") still running on " + dataDir
                    + " could not be stopped; stop it and start Yishi again.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the PostgreSQL left on " + dataDir, e);
        }
    }

    /**
     * Server processes of a postmaster killed with {@code -9} notice its death and exit within moments; a new server
     * must not start while one still holds the old shared memory. Those that linger are killed: the new server's
     * crash recovery replays the WAL, which is all they could have left.
     */
    private static void awaitLeftovers(Path dataDir) {
        long deadline = System.nanoTime() + LEFTOVERS_WAIT.toNanos();
        List<ProcessHandle> left = processesOf(dataDir);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            sleep();
            left = processesOf(dataDir);
        }
        for (ProcessHandle p : left) {
            log.warn("Killing PostgreSQL process {} left on {} without its postmaster", p.pid(), dataDir);
            p.destroyForcibly();
        }
    }

    private static List<ProcessHandle> processesOf(Path dataDir) {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return List.of(); // without /proc the pid file's process is all that is known
        }
        return ProcessHandle.allProcesses().filter(p -> isServerOf(p, dataDir)).toList();
    }

    /** A PostgreSQL process whose working directory (a server's is its data directory) is this data directory. */
    static boolean isServerOf(ProcessHandle process, Path dataDir) {
        if (!process.isAlive() || process.pid() == ProcessHandle.current().pid()) {
            return false;
        }
        boolean postgres = process.info().command().map(c -> Path.of(c).getFileName().toString())
                .filter(name -> name.equals("postgres") || name.equals("postgres.exe")).isPresent();
        if (!postgres) {
            return false;
        }
        Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
        try {
            return !Files.isDirectory(Path.of("/proc/self")) || Files.isSameFile(cwd, dataDir);
        } catch (IOException | SecurityException e) {
            return false; // not ours to inspect, so not ours to stop
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the old PostgreSQL processes", e);
        }
    }
}
