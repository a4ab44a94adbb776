package org.yishi.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;

/**
 * Issue 11, failure 8: what sign-in answers tell a stranger. For a name without an account, a wrong password, a
 * locked account and a disabled one the answers are the same — the same status and words, in the same order as
 * failures mount up to the lockout — and take about as long; only whoever gives an account's right password learns
 * more (that it is disabled, or still locked).
 */
@YishiIntegrationTest("yishi.demo-data=off")
class SignInAnswersIntegrationTests {

    @Autowired
    Accounts accounts;
    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void connect(@Autowired RestTestClient http) {
        api = new Api(http);
    }

    private String account(boolean enabled) {
        String name = "acct-" + System.nanoTime() % 1_000_000_000L;
        Account a = accounts.createWithPassword(new AccountDraft(name, null, TestAccounts.PASSWORD, null, null),
                List.of("reader"));
        if (!enabled) {
            accounts.update(a.id(), null, null, null, false);
        }
        return name;
    }

    private static String nobody() {
        return "nobody-" + System.nanoTime() % 1_000_000_000L;
    }

    /** The status and the problem's title and detail, everything a caller sees but the path. */
    private String tokenAnswer(String username, String password) {
        Api.Answer answer = api.post("/api/auth/tokens", Map.of("username", username, "password", password));
        var problem = answer.json();
        return answer.status() + " " + problem.get("title").asString() + " | " + problem.get("detail").asString();
    }

    private List<String> sixWrongThenRight(String username, java.util.function.BiFunction<String, String, String> ask) {
        List<String> answers = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            answers.add(ask.apply(username, "wrong-" + i));
        }
        answers.add(ask.apply(username, TestAccounts.PASSWORD));
        return answers;
    }

    @Test
    void theTokenEndpointAnswersAnUnknownNameAsItAnswersAnAccountUpToAndThroughTheLockout() {
        List<String> account = sixWrongThenRight(account(true), this::tokenAnswer);
        List<String> unknown = sixWrongThenRight(nobody(), this::tokenAnswer);
        List<String> disabled = sixWrongThenRight(account(false), this::tokenAnswer);

        assertThat(account.getFirst()).isEqualTo("401 Sign-in needed | Wrong user name or password.");
        assertThat(account.get(4)).startsWith("401 Sign-in needed | This account is locked");
        assertThat(unknown).as("a name without an account").isEqualTo(account);
        assertThat(disabled).as("a disabled account").isEqualTo(account);
    }

    @Test
    void theSignInPageAnswersAnUnknownNameAsItAnswersAnAccountUpToAndThroughTheLockout() {
        List<String> account = sixWrongThenRight(account(true), this::pageAnswer);
        List<String> unknown = sixWrongThenRight(nobody(), this::pageAnswer);

        assertThat(account.getFirst()).isEqualTo("302 /login?error=bad-credentials");
        assertThat(account.get(4)).isEqualTo("302 /login?error=locked&minutes=15");
        assertThat(unknown).isEqualTo(account);
    }

    @Test
    void aDisabledAccountIsNamedSoOnlyToWhoeverGivesItsRightPassword() {
        String name = account(false);

        assertThat(tokenAnswer(name, "wrong")).isEqualTo(tokenAnswer(nobody(), "wrong"));
        assertThat(tokenAnswer(name, TestAccounts.PASSWORD)).contains("disabled");
    }

    @Test
    void anUnknownNameAWrongPasswordAndALockedAccountTakeAboutAsLong() {
        String wrong = account(true);
        String locked = account(true);
        for (int i = 0; i < 5; i++) {
            timed(() -> tokenAnswer(locked, "wrong"));
        }
        tokenAnswer(nobody(), "warm-up");
        long unknown = median(() -> tokenAnswer(nobody(), "wrong"));
        long wrongPassword = median(() -> tokenAnswer(wrong, "wrong-" + System.nanoTime()));
        long lockedAccount = median(() -> tokenAnswer(locked, TestAccounts.PASSWORD));
        // a password hash is checked on every path (about 50–100 ms); a path without would be several times faster
        List<Long> all = List.of(unknown, wrongPassword, lockedAccount);
        long fastest = all.stream().min(Long::compare).orElseThrow();
        long slowest = all.stream().max(Long::compare).orElseThrow();
        assertThat(slowest).as("unknown %d ms, wrong password %d ms, locked %d ms", unknown / 1_000_000,
                wrongPassword / 1_000_000, lockedAccount / 1_000_000).isLessThan(fastest * 2);
    }

    private static long median(Supplier<?> call) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            times.add(timed(call));
        }
        return times.stream().sorted().toList().get(3);
    }

    private static long timed(Supplier<?> call) {
        long start = System.nanoTime();
        call.get();
        return System.nanoTime() - start;
    }

    // ---------------------------------------------------------------- the page, as a browser speaks HTTP

    private String pageAnswer(String username, String password) {
        try {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(csrf.find()).isTrue();
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() + " " + URI.create(answer.headers().firstValue("Location").orElse("")).getRawPath()
                    + "?" + URI.create(answer.headers().firstValue("Location").orElse("")).getRawQuery();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
