package org.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL as an attacker on the same host or network and an operator after a crash meet it: durable
 * settings, loopback only, no connection without the password, an old password-less data directory converted, and
 * a stale pid file no obstacle.
 */
class EmbeddedServerIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void isDurableListensOnLoopbackOnlyAndRefusesEveryConnectionWithoutItsPassword() throws Exception {
        Path dataDir = dir.resolve("postgres");
        try (EmbeddedServer server = EmbeddedServer.start(dataDir)) {
            String password = server.password();
            assertThat(password).hasSizeGreaterThanOrEqualTo(32);
            assertThat(Files.readString(dataDir.resolve(EmbeddedServer.PASSWORD_FILE)).strip()).isEqualTo(password);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(EmbeddedServer.PASSWORD_FILE))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");

            try (Connection c = connect(server, password)) {
                assertThat(setting(c, "fsync")).isEqualTo("on");
                assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(c, "full_page_writes")).isEqualTo("on");
                assertThat(setting(c, "listen_addresses")).isEqualTo("127.0.0.1");
                assertThat(hbaRules(c)).as("every rule of pg_hba.conf, the local socket's too")
                        .containsExactly("local scram-sha-256", "host scram-sha-256", "host scram-sha-256");
            }
            assertThatThrownBy(() -> connect(server, "")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(server, "wrong-" + password))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");

            for (InetAddress address : nonLoopbackAddresses()) {
                assertThatThrownBy(() -> accepts(new InetSocketAddress(address, server.port())))
                        .as("PostgreSQL reached on %s", address).isInstanceOf(ConnectException.class);
            }
            assertThat(accepts(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()))).isTrue();
        }

        try (EmbeddedServer again = EmbeddedServer.start(dataDir); Connection c = connect(again, again.password())) {
            assertThat(again.password()).as("the password kept across restarts").isEqualTo(
                    Files.readString(dataDir.resolve(EmbeddedServer.PASSWORD_FILE)).strip());
            assertThat(setting(c, "fsync")).isEqualTo("on");
        }
    }

    @Test
    void aDataDirectoryFromBeforePasswordsIsConvertedAndKeepsItsData() throws Exception {
        Path dataDir = dir.resolve("old");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
             Connection c = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"));
             Statement s = c.createStatement()) {
            s.execute("create table kept (word text); insert into kept values ('议事')");
        }
        assertThat(dataDir.resolve(EmbeddedServer.PASSWORD_FILE)).doesNotExist();

        try (EmbeddedServer server = EmbeddedServer.start(dataDir)) {
            try (Connection c = connect(server, server.password()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select word from kept")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("议事");
            }
            assertThatThrownBy(() -> connect(server, "")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void startsOverAStalePidFileWhoseProcessIsSomeOtherProgram() throws Exception {
        Path dataDir = dir.resolve("stale");
        EmbeddedServer.start(dataDir).close();
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            // what a crash leaves when the pid was taken since by another program: PostgreSQL alone refuses to start
            Files.writeString(dataDir.resolve("postmaster.pid"), other.pid() + "\n" + dataDir + "\n0\n5432\n",
                    StandardCharsets.UTF_8);
            try (EmbeddedServer server = EmbeddedServer.start(dataDir); Connection c = connect(server, server.password())) {
                assertThat(setting(c, "fsync")).isEqualTo("on");
            }
            assertThat(other.isAlive()).as("the other program is left alone").isTrue();
        } finally {
            other.destroy();
        }
    }

    @Test
    void aSecondStartOnADataDirectoryInUseIsRefusedAndLeavesTheRunningServerAlone() throws Exception {
        Path dataDir = dir.resolve("busy");
        try (EmbeddedServer running = EmbeddedServer.start(dataDir)) {
            assertThatThrownBy(() -> EmbeddedServer.start(dataDir)).hasMessageContaining("in use by a running Yishi");
            try (Connection c = connect(running, running.password())) {
                assertThat(setting(c, "fsync")).isEqualTo("on");
            }
        }
    }

    private static Connection connect(EmbeddedServer server, String password) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("postgres"), EmbeddedServer.USER, password);
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> hbaRules(Connection c) throws SQLException {
        List<String> rules = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select type, auth_method from pg_hba_file_rules order by rule_number")) {
            while (rs.next()) {
                rules.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rules;
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        return NetworkInterface.networkInterfaces().filter(n -> isUp(n))
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).toList();
    }

    private static boolean isUp(NetworkInterface n) {
        try {
            return n.isUp();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean accepts(InetSocketAddress address) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 2000);
            return true;
        }
    }
}
