package org.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiApplication;
import org.yishi.accounts.Accounts;
import tools.jackson.databind.JsonNode;

/**
 * Yishi while its database is down: a caller gets a clear 503 problem within about two seconds instead of a hang,
 * a signed-in page gets the error page, readiness reports DOWN while liveness stays UP, and once the database is back Yishi answers again by itself.
 */
class DatabaseDownIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void answers503WithinTwoSecondsWhileTheDatabaseIsDownAndRecoversByItselfWhenItIsBack() throws Exception {
        EmbeddedServer restarted = null;
        try (ConfigurableApplicationContext yishi = new SpringApplicationBuilder(YishiApplication.class).run(
                "--server.port=0", "--yishi.db.url=", "--yishi.db.ephemeral=false", "--yishi.db.fresh-database=false",
                "--yishi.db.data-dir=" + dataDir, "--yishi.demo-data=off")) {
            RestTestClient http = RestTestClient.bindToServer()
                    .baseUrl("http://localhost:" + yishi.getEnvironment().getProperty("local.server.port")).build();
            Api api = new Api(http).signedInAs(TestAccounts.of(yishi.getBean(Accounts.class), "office"));
            assertThat(api.get("/api/units").status()).isEqualTo(200);
            assertThat(status(http, "/actuator/health/readiness")).isEqualTo(200);
            assertThat(body(http, "/actuator/health")).as("no details for anonymous callers")
                    .contains("\"status\":\"UP\"").doesNotContain("components", "details", "db", "postgres");
            assertThat(status(http, "/actuator/env")).as("no other actuator endpoint").isIn(401, 403, 404);
            String base = "http://localhost:" + yishi.getEnvironment().getProperty("local.server.port");
            HttpClient browser = signedInBrowser(base, TestAccounts.of(yishi.getBean(Accounts.class), "office"));
            assertThat(browser.send(HttpRequest.newBuilder(URI.create(base + "/meetings")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            int port = URI.create(((HikariDataSource) yishi.getBean(DataSource.class)).getJdbcUrl().substring(5)).getPort();
            AutoCloseable server = yishi.getBean(DatabaseConfiguration.Database.class).embedded().orElseThrow();
            server.close();

            long started = System.nanoTime();
            Api.Answer answer = api.get("/api/units");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(answer.status()).isEqualTo(503);
            assertThat(took).as("time to the answer").isLessThan(Duration.ofMillis(3500));
            assertThat(answer.headers().getFirst("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = answer.json();
            assertThat(problem.get("status").asInt()).isEqualTo(503);
            assertThat(problem.get("title").asString()).isEqualTo("Database unavailable");
            assertThat(problem.get("detail").asString()).contains("nothing was changed");
            assertThat(answer.headers().getFirst("Retry-After")).isEqualTo("5");

            assertThat(api.in("zh-CN").get("/api/units").json().get("title").asString())
                    .isEqualTo("数据库暂时无法访问");

            started = System.nanoTime();
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/meetings")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3500));
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("数据库暂时无法访问", "未做任何更改");

            started = System.nanoTime();
            assertThat(status(http, "/actuator/health/readiness")).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3500));
            assertThat(body(http, "/actuator/health/readiness")).isEqualTo("{\"status\":\"DOWN\"}");
            assertThat(status(http, "/actuator/health/liveness")).isEqualTo(200);

            restarted = EmbeddedServer.start(dataDir, port);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (api.get("/api/units").status() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(api.get("/api/units").status()).as("answers again once the database is back").isEqualTo(200);
            assertThat(status(http, "/actuator/health/readiness")).isEqualTo(200);
            assertThat(body(http, "/actuator/health/readiness")).isEqualTo("{\"status\":\"UP\"}");
        } finally {
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    /** A browser's session: the login form sent with its CSRF token, the session cookie kept. */
    private static HttpClient signedInBrowser(String base, TestAccounts.Login login) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String form = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        String body = "username=" + enc(login.username()) + "&password=" + enc(login.password()) + "&_csrf="
                + enc(csrf.group(1));
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int status(RestTestClient http, String path) {
        return http.get().uri(path).exchange().returnResult(byte[].class).getStatus().value();
    }

    private static String body(RestTestClient http, String path) {
        byte[] body = http.get().uri(path).exchange().returnResult(byte[].class).getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
