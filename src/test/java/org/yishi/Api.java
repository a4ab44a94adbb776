package org.yishi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.RequestHeadersSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API as a caller sees it: requests in one language ({@code Accept-Language}), answers with their status,
 * headers and body, and assertions on what a caller relies on.
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestTestClient http;
    private final String language;
    private final String token;

    /** The API as an anonymous caller: only signing in is open to them. */
    public Api(RestTestClient http) {
        this(http, "en", null);
    }

    private Api(RestTestClient http, String language, String token) {
        this.http = http;
        this.language = language;
        this.token = token;
    }

    /** The same API asked in another language, e.g. {@code zh-CN}. */
    public Api in(String language) {
        return new Api(http, language, token);
    }

    /** The API as the holder of this personal access token. */
    public Api withToken(String token) {
        return new Api(http, language, token);
    }

    /** Signs in through {@code POST /api/auth/tokens} and returns the API as that account. */
    public Api signedInAs(TestAccounts.Login login) {
        String issued = post("/api/auth/tokens", java.util.Map.of("username", login.username(), "password",
                login.password())).expect(201).json().get("token").asString();
        return withToken(issued);
    }

    public Answer get(String path) {
        return exchange(http.get().uri(path));
    }

    public Answer post(String path, Object body) {
        return exchange(http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body));
    }

    public Answer put(String path, Object body) {
        return exchange(http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body));
    }

    public Answer delete(String path) {
        return exchange(http.delete().uri(path));
    }

    /** Creates through POST, checks 201 with a Location naming the new resource, and returns it. */
    public JsonNode create(String path, Object body, String locationPrefix) {
        Answer answer = post(path, body).expect(201);
        JsonNode created = answer.json();
        assertThat(answer.headers().getLocation()).hasToString(locationPrefix + created.get("id").asLong());
        return created;
    }

    private Answer exchange(RequestHeadersSpec<?> request) {
        request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        EntityExchangeResult<byte[]> result = request.exchange().returnResult(byte[].class);
        byte[] body = result.getResponseBody();
        return new Answer(result.getStatus().value(), result.getResponseHeaders(), body == null ? new byte[0] : body);
    }

    /** One answer of the API. */
    public record Answer(int status, HttpHeaders headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** Asserts the status, showing the body when it differs. */
        public Answer expect(int expected) {
            assertThat(status).as("status of an answer with body %s", text()).isEqualTo(expected);
            return this;
        }

        /** Asserts an RFC 9457 problem with this status and returns its fields. */
        public JsonNode problem(int expected) {
            expect(expected);
            assertThat(headers.getContentType()).hasToString("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.get("status").asInt()).isEqualTo(expected);
            return problem;
        }

        /** Asserts a refusal of input (400) and lists its errors as "field: message". */
        public List<String> refusal() {
            JsonNode problem = problem(400);
            List<String> errors = new ArrayList<>();
            problem.get("errors").forEach(e -> errors.add(e.get("field").asString() + ": " + e.get("message").asString()));
            return errors;
        }
    }
}
