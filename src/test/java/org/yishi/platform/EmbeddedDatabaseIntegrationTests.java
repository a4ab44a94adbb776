package org.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.accounts.Accounts;
import org.yishi.YishiApplication;
import tools.jackson.databind.JsonNode;

/**
 * Yishi run as an office runs it: on its own embedded PostgreSQL keeping its files in a data directory, started,
 * stopped and started again. Always the embedded database, even where {@code YISHI_DB_URL} names an external one.
 */
class EmbeddedDatabaseIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void whatWasRecordedOutlivesARestartAndTheDemoDataIsLoadedOnlyOnce() throws IOException {
        Snapshot before;
        InetSocketAddress postgres;
        try (ConfigurableApplicationContext yishi = start()) {
            Api api = api(yishi);
            api.create("/api/units", Map.of("nameZh", "区档案馆", "nameEn", "District Archives"), "/api/units/");
            before = Snapshot.of(api);
            postgres = postgres(yishi);
            assertThat(accepts(postgres)).as("embedded PostgreSQL running at %s", postgres).isTrue();
        }

        assertThatThrownBy(() -> accepts(postgres)).as("embedded PostgreSQL stopped with the application")
                .isInstanceOf(ConnectException.class);
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();

        try (ConfigurableApplicationContext yishi = start()) {
            Snapshot after = Snapshot.of(api(yishi));

            assertThat(after).isEqualTo(before);
            assertThat(after.meetings()).contains("2023-02-27 Standing Committee of the Heshan District Party Committee")
                    .hasSize(3);
            assertThat(after.units()).contains("区档案馆");
        }
    }

    /** What a user sees of the data: every meeting, body, person and unit. */
    record Snapshot(List<String> meetings, List<String> bodies, List<String> people, List<String> units) {

        static Snapshot of(Api api) {
            return new Snapshot(
                    lines(api, "/api/meetings", m -> m.get("date").asString() + " " + m.get("body").get("nameEn").asString()),
                    lines(api, "/api/bodies", b -> b.get("nameZh").asString()),
                    lines(api, "/api/people", p -> p.get("id").asLong() + " " + p.get("nameRomanized").asString()),
                    lines(api, "/api/units", u -> u.get("nameZh").asString()));
        }

        private static List<String> lines(Api api, String path, Function<JsonNode, String> line) {
            return api.get(path).expect(200).json().valueStream().map(line).toList();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(YishiApplication.class).run("--server.port=0", "--yishi.db.url=",
                "--yishi.db.ephemeral=false", "--yishi.db.fresh-database=false", "--yishi.db.data-dir=" + dataDir,
                "--yishi.demo-data=on");
    }

    private static Api api(ConfigurableApplicationContext yishi) {
        String port = yishi.getEnvironment().getProperty("local.server.port");
        return new Api(RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build())
                .signedInAs(TestAccounts.of(yishi.getBean(Accounts.class), "office"));
    }

    /** Where the application's PostgreSQL listens, from the JDBC URL of its pool. */
    private static InetSocketAddress postgres(ConfigurableApplicationContext yishi) {
        URI url = URI.create(((HikariDataSource) yishi.getBean(DataSource.class)).getJdbcUrl().substring("jdbc:".length()));
        return new InetSocketAddress(url.getHost(), url.getPort());
    }

    private static boolean accepts(InetSocketAddress address) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 2000);
            return true;
        }
    }
}
