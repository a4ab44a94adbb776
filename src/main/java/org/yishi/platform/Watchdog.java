package org.yishi.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the embedded PostgreSQL when the JVM that started it dies without doing so ({@code kill -9}, the OOM
 * killer): a small {@code /bin/sh} process started beside the server that looks once a second whether the JVM's pid
 * still lives, and when it is gone sends the postmaster SIGINT — PostgreSQL's fast shutdown, the signal
 * {@code pg_ctl stop -m fast} sends. It sends it to the postmaster it was started for and only while the data
 * directory's {@code postmaster.pid} still names it, so a server started since by a new Yishi is never touched. It
 * ignores SIGINT and SIGHUP (Ctrl-C in a terminal reaches the whole process group: the JVM then stops the server
 * itself) and ends when the JVM is gone or when the application stops normally.
 *
 * <p>A shell loop rather than a second JVM costs a few kilobytes; where it cannot run (no {@code /bin/sh}), or if it
 * is killed too, {@link OrphanedServer} still stops the orphan at the next start.
 */
final class Watchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    static final String SCRIPT = """
            trap '' INT HUP
            jvm=$1; postmaster=$2; pidfile=$3
            while kill -0 "$jvm" 2>/dev/null; do sleep 1; done
            if [ "$(head -n 1 "$pidfile" 2>/dev/null)" = "$postmaster" ]; then kill -INT "$postmaster"; fi
            """;

    private final Process process;

    private Watchdog(Process process) {
        this.process = process;
    }

    static Watchdog start(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Path shell = Path.of("/bin/sh");
        if (!Files.isExecutable(shell)) {
            log.warn("No /bin/sh: the embedded PostgreSQL will outlive a killed JVM until the next start stops it");
            return new Watchdog(null);
        }
        String postmaster = Files.readAllLines(pidFile, StandardCharsets.UTF_8).getFirst().strip();
        Process process = new ProcessBuilder(List.of(shell.toString(), "-c", SCRIPT, "yishi-db-watchdog",
                Long.toString(ProcessHandle.current().pid()), postmaster, pidFile.toString()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        log.debug("Watchdog {} stops PostgreSQL {} should JVM {} die", process.pid(), postmaster,
                ProcessHandle.current().pid());
        return new Watchdog(process);
    }

    @Override
    public void close() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }
}
