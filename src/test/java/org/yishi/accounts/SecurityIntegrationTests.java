package org.yishi.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;

/** Sign-in, lockout, password policy, tokens, sessions and the web's defences, as users and scripts meet them. */
@YishiIntegrationTest("yishi.demo-data=off")
class SecurityIntegrationTests {

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void connect(@Autowired RestTestClient http) {
        api = new Api(http);
    }

    private String fresh(String role) {
        String name = role + "-" + System.nanoTime() % 1_000_000_000L;
        accounts.createWithPassword(new AccountDraft(name, null, TestAccounts.PASSWORD, null, null), List.of(role));
        return name;
    }

    private Api.Answer token(String username, String password) {
        return api.post("/api/auth/tokens", Map.of("username", username, "password", password));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutesEvenAgainstTheRightOne() {
        String name = fresh("office");
        for (int i = 1; i <= 4; i++) {
            assertThat(token(name, "wrong-" + i).problem(401).get("detail").asString()).isEqualTo("Wrong user name or password.");
        }
        assertThat(token(name, "wrong-5").problem(401).get("detail").asString())
                .isEqualTo("This account is locked after too many wrong passwords. Try again in 15 minutes, or ask the system administrator to unlock it.");
        assertThat(token(name, TestAccounts.PASSWORD).problem(401).get("detail").asString()).contains("locked");
        assertThat(api.in("zh-CN").post("/api/auth/tokens", Map.of("username", name, "password", TestAccounts.PASSWORD))
                .problem(401).get("detail").asString()).startsWith("账户因多次输错密码已被锁定");

        // fifteen minutes later (moved back in the database rather than waited for)
        jdbc.sql("update account set locked_until = now() - interval '1 second' where username = :u").param("u", name).update();
        token(name, TestAccounts.PASSWORD).expect(201);
        assertThat(accounts.findByUsername(name).orElseThrow().failedLogins()).isZero();
    }

    @Test
    void everySignInIsAudited() {
        String name = fresh("office");
        token(name, "wrong");
        token(name, TestAccounts.PASSWORD).expect(201);
        token("nobody-" + name, "whatever");
        List<String> entries = jdbc.sql("""
                select actor || ' ' || action || ' ' || coalesce(ip, '-') || ' ' || coalesce(after_json, '')
                from audit_entry where actor in (:names) order by id""")
                .param("names", List.of(name, "nobody-" + name)).query(String.class).list();
        assertThat(entries).hasSize(4);
        assertThat(entries.get(0)).startsWith(name + " login.failure 127.0.0.1").contains("wrong-password");
        assertThat(entries.get(1)).startsWith(name + " login.success 127.0.0.1");
        assertThat(entries.get(2)).startsWith(name + " token.create 127.0.0.1");
        assertThat(entries.get(3)).startsWith("nobody-" + name + " login.failure 127.0.0.1").contains("unknown-user");
    }

    @Test
    void theSystemAdministratorCanUnlockAnAccount() {
        String name = fresh("office");
        for (int i = 0; i < 5; i++) {
            token(name, "wrong");
        }
        long id = accounts.findByUsername(name).orElseThrow().id();
        Api sysadmin = api.signedInAs(TestAccounts.of(accounts, "sysadmin"));
        sysadmin.post("/api/accounts/" + id + "/unlock", Map.of()).expect(204);
        token(name, TestAccounts.PASSWORD).expect(201);
    }

    @Test
    void anUnknownUserIsToldNothingMoreThanAWrongPassword() {
        assertThat(token("nobody-at-all", "whatever").problem(401).get("detail").asString()).isEqualTo("Wrong user name or password.");
    }

    @Test
    void passwordsFollowThePolicy() {
        Api sysadmin = api.signedInAs(TestAccounts.of(accounts, "sysadmin"));
        assertThat(sysadmin.post("/api/accounts", Map.of("username", "weak", "initialPassword", "short1A")).refusal())
                .containsExactly("initialPassword: The password needs at least 10 characters.");
        assertThat(sysadmin.post("/api/accounts", Map.of("username", "weak", "initialPassword", "alllowercaseletters")).refusal())
                .containsExactly("initialPassword: The password needs characters of at least three kinds: upper case, lower case, digits, others.");
        assertThat(sysadmin.post("/api/accounts", Map.of("username", "zhangsan", "initialPassword", "Zhangsan-2024!")).refusal())
                .containsExactly("initialPassword: The password must not contain the user name.");
        assertThat(accounts.findByUsername("weak")).isEmpty();
        assertThat(accounts.findByUsername("zhangsan")).isEmpty();

        assertThat(PasswordPolicy.classes(PasswordPolicy.generate())).isEqualTo(4);
    }

    @Test
    void anInitialPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        Api sysadmin = api.signedInAs(TestAccounts.of(accounts, "sysadmin"));
        var created = sysadmin.post("/api/accounts", Map.of("username", "newcomer")).expect(201).json();
        String initial = created.get("initialPassword").asString();
        assertThat(PasswordPolicy.classes(initial)).isGreaterThanOrEqualTo(3);
        assertThat(token("newcomer", initial).problem(401).get("detail").asString())
                .isEqualTo("Sign in on the web and change your initial password before asking for a token.");

        Browser web = new Browser();
        assertThat(web.signIn("newcomer", initial).headers().firstValue("Location").orElseThrow()).endsWith("/");
        HttpResponse<String> home = web.get("/directory/bodies");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
        HttpResponse<String> changed = web.post("/account/password", Map.of("currentPassword", initial,
                "newPassword", "Fresh-Start-2024", "repeatPassword", "Fresh-Start-2024"));
        assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/account?saved");
        assertThat(web.get("/account").statusCode()).isEqualTo(200);
        token("newcomer", "Fresh-Start-2024").expect(201);
    }

    @Test
    void aTokensLastUseIsRecordedToTheMinute() {
        String name = fresh("office");
        var issued = token(name, TestAccounts.PASSWORD).expect(201).json();
        long id = issued.get("id").asLong();
        Api script = api.withToken(issued.get("token").asString());
        script.get("/api/me").expect(200);
        var first = jdbc.sql("select last_used_at from access_token where id = :id").param("id", id)
                .query(java.time.OffsetDateTime.class).single();
        assertThat(first).isNotNull();
        // within the minute, more calls do not write the row again
        script.get("/api/me").expect(200);
        assertThat(jdbc.sql("select last_used_at from access_token where id = :id").param("id", id)
                .query(java.time.OffsetDateTime.class).single()).isEqualTo(first);
        // a minute on, the next call records it again
        jdbc.sql("update access_token set last_used_at = last_used_at - interval '61 seconds' where id = :id")
                .param("id", id).update();
        script.get("/api/me").expect(200);
        assertThat(jdbc.sql("select last_used_at from access_token where id = :id").param("id", id)
                .query(java.time.OffsetDateTime.class).single()).isAfter(first);
    }

    @Test
    void aRevokedOrExpiredTokenNoLongerOpensTheApi() {
        String name = fresh("office");
        var issued = token(name, TestAccounts.PASSWORD).expect(201).json();
        Api script = api.withToken(issued.get("token").asString());
        script.get("/api/me").expect(200);

        script.delete("/api/auth/tokens/" + issued.get("id").asLong()).expect(204);
        assertThat(script.get("/api/me").problem(401).get("detail").asString())
                .isEqualTo("The access token is unknown, expired or revoked.");

        var second = token(name, TestAccounts.PASSWORD).expect(201).json();
        jdbc.sql("update access_token set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", second.get("id").asLong()).update();
        api.withToken(second.get("token").asString()).get("/api/me").problem(401);
        api.withToken("yishi_madeup").get("/api/me").problem(401);
        api.get("/api/me").problem(401);
    }

    @Test
    void aSessionEndsAfterThirtyIdleMinutes() throws Exception {
        Browser web = new Browser();
        web.signIn(fresh("office"), TestAccounts.PASSWORD);
        assertThat(web.get("/meetings").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name is not null limit 1")
                .query(Integer.class).single()).isEqualTo(30 * 60);

        // 31 minutes pass without a request
        jdbc.sql("""
                update spring_session set last_access_time = last_access_time - 31 * 60 * 1000,
                       expiry_time = expiry_time - 31 * 60 * 1000""").update();
        HttpResponse<String> after = web.get("/meetings");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void formsWithoutTheirCsrfTokenAreRefused() throws Exception {
        Browser web = new Browser();
        web.signIn(fresh("office"), TestAccounts.PASSWORD);
        HttpResponse<String> forged = web.postWithoutCsrf("/directory/units", Map.of("nameZh", "伪造单位"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from unit where name_zh = '伪造单位'").query(Long.class).single()).isZero();
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> login = new Browser().get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(login.body()).doesNotContain("<script>").doesNotContain("onclick=");
    }

    @Test
    void errorsShowNoInternals() {
        Api office = api.signedInAs(TestAccounts.of(accounts, "office"));
        String body = office.post("/api/meetings", "{not json").text();
        assertThat(body).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("tools.jackson");
    }

    @Test
    void administratorsKeepTheirDutiesApart() {
        Api secadmin = api.signedInAs(TestAccounts.of(accounts, "secadmin"));
        long office = accounts.findByUsername(fresh("office")).orElseThrow().id();
        assertThat(secadmin.put("/api/accounts/" + office + "/roles", List.of("office", "auditor")).refusal())
                .containsExactly("roles: Separation of duties: an account holds at most one administrator role, and never together with a business role.");
        assertThat(secadmin.put("/api/accounts/" + office + "/roles", List.of("sysadmin", "auditor")).refusal()).hasSize(1);
        long self = accounts.findByUsername("t-secadmin").orElseThrow().id();
        assertThat(secadmin.put("/api/accounts/" + self + "/roles", List.of("secadmin")).refusal())
                .containsExactly("roles: You cannot change your own roles.");
        assertThat(secadmin.put("/api/roles/auditor/permissions", List.of("audit:read", "meeting:read-all")).refusal())
                .containsExactly("permissions: An administrator role cannot hold the business permission \"meeting:read-all\".");
        assertThat(secadmin.put("/api/roles/office/permissions", List.of("meeting:read-all", "account:manage")).refusal())
                .containsExactly("permissions: A business role cannot hold the administrative permission \"account:manage\".");
        assertThat(accounts.account(office).roles()).containsExactly("office");
    }

    @Test
    void changedRolesApplyAtOnceAndADisabledAccountIsSignedOut() throws Exception {
        String name = fresh("office");
        long id = accounts.findByUsername(name).orElseThrow().id();
        Browser web = new Browser();
        web.signIn(name, TestAccounts.PASSWORD);
        Api script = api.withToken(token(name, TestAccounts.PASSWORD).expect(201).json().get("token").asString());
        assertThat(web.get("/meetings").statusCode()).isEqualTo(200);

        accounts.assignRoles(id, List.of("reader"), null);
        assertThat(web.get("/meetings").statusCode()).isEqualTo(403);
        script.get("/api/meetings").problem(403);

        accounts.update(id, null, null, null, false);
        HttpResponse<String> after = web.get("/readouts");
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
        script.get("/api/me").problem(401);
    }

    /** A browser as far as HTTP goes: cookies kept, redirects not followed, CSRF tokens read from the forms. */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String csrf;

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return response;
        }

        HttpResponse<String> signIn(String username, String password) throws Exception {
            get("/login");
            return post("/login", Map.of("username", username, "password", password));
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            if (csrf == null || !path.equals("/login")) {
                get("/account/password");
            }
            return send(path, form, csrf);
        }

        HttpResponse<String> postWithoutCsrf(String path, Map<String, String> form) throws Exception {
            return send(path, form, null);
        }

        private HttpResponse<String> send(String path, Map<String, String> form, String token) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            if (token != null) {
                body.append("&_csrf=").append(token);
            }
            return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
