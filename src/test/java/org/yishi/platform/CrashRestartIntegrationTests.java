package org.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import org.yishi.YishiApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Yishi as an office runs it, crashed: a separate JVM started as {@code java -cp … org.yishi.YishiApplication} on a
 * data directory under {@code target/}, taking a burst of writes through the API from four clients, killed with
 * SIGKILL in the middle of it — the JVM alone, the JVM with its watchdog (leaving PostgreSQL orphaned), the JVM with
 * its whole PostgreSQL (a node crash) — and started again with the same command alone. Every write the API
 * acknowledged (201) must be there, and the start must need no one's help.
 */
class CrashRestartIntegrationTests {

    private static final Path ROOT = Path.of("target", "crash-tests").toAbsolutePath();
    private static final String PASSWORD = "Crash-Test-Passw0rd";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration START_WAIT = Duration.ofSeconds(180);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A failing test leaves no Yishi running: stopped normally, so its PostgreSQL stops too. */
    @AfterEach
    void stopWhatRuns() throws InterruptedException {
        for (Process jvm : Node.STARTED) {
            if (jvm.isAlive()) {
                jvm.destroy();
                if (!jvm.waitFor(60, TimeUnit.SECONDS)) {
                    jvm.destroyForcibly();
                }
            }
        }
        Node.STARTED.clear();
    }

    @Test
    void afterAKilledJvmTheServerStopsWithItOrIsStoppedAtTheNextStartAndNoAcknowledgedWriteIsLost() throws Exception {
        Path home = fresh("jvm");
        int port = freePort();
        Set<String> acknowledged = new HashSet<>();

        Node node = Node.start(home, port);
        acknowledged.addAll(burstThenCrash(node, () -> node.jvm().destroyForcibly()));
        assertThat(awaitNoServer(home.resolve("postgres"), Duration.ofSeconds(15)))
                .as("the watchdog stops PostgreSQL once the JVM is gone").isTrue();

        Node second = Node.start(home, port);
        assertThat(units(second)).containsAll(acknowledged);
        List<ProcessHandle> watchdog = second.jvm().descendants().toList();
        acknowledged.addAll(burstThenCrash(second, () -> {
            watchdog.forEach(ProcessHandle::destroyForcibly);
            second.jvm().destroyForcibly();
        }));
        sleep(Duration.ofSeconds(2));
        assertThat(postgresOf(home.resolve("postgres"))).as("PostgreSQL orphaned by the killed JVM and watchdog")
                .isNotEmpty();

        Node third = Node.start(home, port);
        assertThat(units(third)).containsAll(acknowledged);
        third.stop();
        assertThat(postgresOf(home.resolve("postgres"))).as("PostgreSQL stopped with a normal stop").isEmpty();
    }

    @Test
    void afterTheJvmAndItsPostgresAreKilledTogetherNoAcknowledgedWriteIsLost() throws Exception {
        Path home = fresh("node");
        int port = freePort();
        Node node = Node.start(home, port);
        Set<String> acknowledged = burstThenCrash(node, () -> {
            List<ProcessHandle> all = new ArrayList<>(node.jvm().descendants().toList());
            all.addAll(postgresOf(home.resolve("postgres")));
            node.jvm().destroyForcibly();
            all.forEach(ProcessHandle::destroyForcibly);
        });

        Node again = Node.start(home, port);
        assertThat(units(again)).containsAll(acknowledged);
        again.stop();
    }

    /** Four clients create units as fast as they are answered; the crash comes when 60 have been acknowledged. */
    private Set<String> burstThenCrash(Node node, Runnable crash) throws InterruptedException {
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean crashed = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        String run = Long.toString(System.nanoTime(), 36);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clients.add(Thread.ofVirtual().start(() -> {
                while (!crashed.get()) {
                    String name = "崩溃测试单位 " + run + "-" + sequence.incrementAndGet();
                    try {
                        String body = JSON.writeValueAsString(Map.of("nameZh", name, "nameEn", "Crash test " + name));
                        HttpResponse<String> answer = http.send(node.request("/api/units")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 201) {
                            acknowledged.add(name);
                        }
                    } catch (IOException e) {
                        return; // the server is gone
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < 60 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        crash.run();
        node.jvm().onExit().join();
        crashed.set(true);
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(10));
        }
        assertThat(acknowledged).as("writes acknowledged before the crash").hasSizeGreaterThanOrEqualTo(60);
        return new HashSet<>(acknowledged);
    }

    private Set<String> units(Node node) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(node.request("/api/units").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        Set<String> names = new HashSet<>();
        for (JsonNode unit : JSON.readTree(answer.body())) {
            names.add(unit.get("nameZh").asString());
        }
        return names;
    }

    private static List<ProcessHandle> postgresOf(Path dataDir) {
        return ProcessHandle.allProcesses().filter(p -> OrphanedServer.isServerOf(p, dataDir)).toList();
    }

    private static boolean awaitNoServer(Path dataDir, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (postgresOf(dataDir).isEmpty()) {
                return true;
            }
            sleep(Duration.ofMillis(100));
        }
        return false;
    }

    private static Path fresh(String name) throws IOException {
        Path home = ROOT.resolve(name);
        FileSystemUtils.deleteRecursively(home);
        Files.createDirectories(home);
        return home;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One run of the application: its JVM, its port and, once it answers, an access token of the office. */
    private record Node(Process jvm, int port, String token) {

        private static final AtomicInteger STARTS = new AtomicInteger();
        static final Queue<Process> STARTED = new ConcurrentLinkedQueue<>();

        /** Always the same command on the same directory: what an operator (or systemd) would run again. */
        static Node start(Path home, int port) throws IOException, InterruptedException {
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder command = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), YishiApplication.class.getName(),
                    "--server.port=" + port)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("yishi-" + STARTS.incrementAndGet() + ".log").toFile());
            command.environment().remove("YISHI_DB_URL");
            command.environment().putAll(Map.of("YISHI_DATA_DIR", home.resolve("postgres").toString(),
                    "YISHI_DEMO_DATA", "on", "YISHI_DEMO_PASSWORD", PASSWORD));
            Process jvm = command.start();
            STARTED.add(jvm);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest signIn = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/tokens"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"office\",\"password\":\"" + PASSWORD + "\"}")).build();
            long deadline = System.nanoTime() + START_WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(jvm.isAlive()).as("Yishi running (see %s)", home).isTrue();
                try {
                    HttpResponse<String> answer = http.send(signIn, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 201) {
                        return new Node(jvm, port, JSON.readTree(answer.body()).get("token").asString());
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            jvm.destroyForcibly();
            throw new AssertionError("Yishi did not start within " + START_WAIT + " (see " + home + ")");
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10));
        }

        /** A normal stop (SIGTERM), as systemd or Ctrl-C would. */
        void stop() throws InterruptedException {
            jvm.destroy();
            if (!jvm.waitFor(60, TimeUnit.SECONDS)) {
                jvm.destroyForcibly();
                throw new AssertionError("Yishi did not stop within 60 s");
            }
        }
    }
}
