package org.yishi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.accounts.Accounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11, failure 6, case by case: each kind of bad input gets the problem detail a caller can act on, naming what
 * was wrong, in the caller's language, and changes nothing.
 */
@YishiIntegrationTest("yishi.demo-data=off")
class HostileInputIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    RestTestClient http;

    @Autowired
    Accounts accounts;

    private Api office;
    private String token;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void signIn() {
        TestAccounts.Login login = TestAccounts.of(accounts, "office");
        token = new Api(http).post("/api/auth/tokens", Map.of("username", login.username(), "password", login.password()))
                .expect(201).json().get("token").asString();
        office = new Api(http).withToken(token).in("en");
    }

    @Test
    void aWildcardOrWrongContentTypeIs415() throws Exception {
        for (String type : List.of("*/*", "application/*", "text/plain", "application/xml")) {
            HttpResponse<String> answer = send("POST", "/api/people", type, "{\"nameZh\":\"张三\"}");
            assertThat(answer.statusCode()).as(type).isEqualTo(415);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Test
    void nulBytesNullsInListsAndOverlongNamesAreRefusedNamingTheField() {
        assertThat(office.post("/api/people", Map.of("nameZh", "张\u0000三")).refusal())
                .containsExactly("nameZh: \"nameZh\" contains a NUL byte (\\u0000), which cannot be stored; remove it.");
        assertThat(office.post("/api/people", Map.of("nameZh", "张".repeat(201))).refusal())
                .containsExactly("nameZh: \"nameZh\" is too long: at most 200 characters.");
        assertThat(office.post("/api/people", Map.of("nameZh", "张三", "nameRomanized", "x".repeat(10_001))).refusal())
                .singleElement().asString().contains("at most 200 characters");
        assertThat(office.post("/api/meetings", java.util.Collections.singletonMap("present", java.util.Arrays.asList(1, null)))
                .refusal()).containsExactly("present[1]: \"present[1]\" contains an empty entry (null); remove it or give a value.");
        assertThat(office.get("/api/people").json().toString()).doesNotContain("张三");
    }

    @Test
    void yearsAndDatesOutOfRangeAre400() {
        for (String year : List.of("-1", "0", "1899", "2201")) {
            assertThat(office.get("/api/supervision/calendar?year=" + year).refusal())
                    .containsExactly("year: The year must lie between 1900 and 2200.");
        }
        assertThat(office.post("/api/bodies/1/terms", Map.of("number", 1, "startsOn", "2201-01-01")).refusal())
                .containsExactly("startsOn: \"startsOn\" must be a date in the years 1900 to 2200.");
        assertThat(office.post("/api/bodies/1/terms", Map.of("number", 1, "startsOn", "999999-01-01")).refusal())
                .containsExactly("startsOn: The value of \"startsOn\" is not in a valid format.");
    }

    @Test
    void anUnknownPersonIsNamedNotCalledACollision() {
        long body = office.create("/api/bodies", Map.of("kind", "STANDING_COMMITTEE", "nameZh", "测试委员会", "protocolRank", 130),
                "/api/bodies/").get("id").asLong();
        long term = office.create("/api/bodies/" + body + "/terms", Map.of("number", 1, "startsOn", "2024-01-01"), "/api/terms/")
                .get("id").asLong();
        Api.Answer answer = office.post("/api/terms/" + term + "/members", Map.of("personId", 999_999_999));
        assertThat(answer.status()).isIn(400, 404);
        JsonNode problem = answer.problem(answer.status());
        assertThat(problem.toString()).contains("999999999").doesNotContain("collided");
    }

    @Test
    void oddAddressesGetProblemDetails() throws Exception {
        for (String path : List.of("/api/people/%00", "/api/people/1%2F2", "/api/people;x=1", "/api/people/..;/x",
                "/api/supervision/items/count?%00=1", "/api/no-such-thing")) {
            HttpResponse<String> answer = send("GET", path, null, null);
            assertThat(answer.statusCode()).as(path).isBetween(400, 499);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/problem+json");
            assertThat(JsonMapper.builder().build().readTree(answer.body()).get("status").asInt()).isEqualTo(answer.statusCode());
        }
    }

    @Test
    void anOddAddressOfAPageGetsTheErrorPage() throws Exception {
        HttpResponse<String> answer = send("GET", "/meetings;x=1", null, null);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(answer.body()).contains("error-page").contains("无法理解该请求");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        HttpResponse<String> answer = send("POST", "/api/people", "application/json",
                "{\"nameZh\":\"张三\",\"nameRomanized\":\"" + " ".repeat(3 * 1024 * 1024) + "\"}");
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void theDescriptionStatesTheBoundOfEveryText() throws Exception {
        JsonNode description = JsonMapper.builder().build().readTree(send("GET", "/v3/api-docs", null, null).body());
        JsonNode person = description.at("/components/schemas/PersonDraft/properties");
        assertThat(person.at("/nameZh/maxLength").asInt()).isEqualTo(200);
        JsonNode item = description.at("/components/schemas/ItemDraft/properties");
        assertThat(item.at("/titleZh/maxLength").asInt()).isEqualTo(200);
        assertThat(item.at("/conclusionsZh/maxLength").asInt()).isEqualTo(10_000);
    }

    private HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "en");
        if (type != null) {
            request.header("Content-Type", type);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
