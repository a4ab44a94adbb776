package org.yishi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.accounts.Accounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11, failure 6: hostile requests to every operation of the OpenAPI description ({@code /v3/api-docs}) as office
 * staff and anonymously, over real HTTP so that the server's own refusals are met too: wrong, missing and wildcard
 * content types, nulls and nulls in lists, huge strings, NUL bytes, out-of-range numbers and dates, odd paths and
 * unknown ids. No answer may be a 5xx, and every error answer must be an RFC 9457 problem detail.
 */
@YishiIntegrationTest("yishi.demo-data=off")
class ApiFuzzIntegrationTests {

    private static final int REQUESTS = 2500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String> HOSTILE_VALUES = List.of("null", "[null]", "[null, null]", "{}", "[]", "\"\"",
            "\"   \"", "\"" + "长".repeat(100_000) + "\"", "\"a\\u0000b\"", "[\"a\\u0000\"]", "-1", "0", "2147483648",
            "99999999999999999999", "-9223372036854775809", "1.5e308", "true", "\"999999-01-01\"", "\"-0001-12-31\"",
            "\"0000-01-01\"", "\"2024-02-30\"", "\"1899-12-31\"", "999999999", "[999999999]", "[-1]", "\"x\"",
            "{\"a\": null}", "[[null]]");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json", "application/json",
            "*/*", "application/*", "text/plain", "application/xml", "", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=x-unknown", "nonsense", "text/*");
    private static final List<String> RAW_BODIES = List.of("", "null", "[null]", "{", "[]", "\"x\"", "{\"a\":",
            "\u0000", "[" + "1,".repeat(50_000) + "1]", "{\"x\": \"\\ud800\"}");
    private static final List<String> PATH_VALUES = List.of("999999999", "-1", "0", "abc", "%00", "1%2F2", "1;x=1",
            "99999999999999999999", "2024-13-45", "999999-01-01", "-0001-01-01", "%20", "..", "%2e%2e", "1%00");
    private static final List<String> PATH_SUFFIXES = List.of("", "", "", "", ";x=1", "%00", "%2F", "/..;/x", "//",
            "%2e%2e/", "/%C0%AF", "?%00=1");
    private static final List<String> QUERY_VALUES = List.of("-1", "0", "%00", "abc", "99999999999999999999",
            "999999-01-01", "", "x".repeat(6_000), "%2F", "null", "2024-02-30", "-0001-01-01");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @LocalServerPort
    int port;

    @Autowired
    RestTestClient http;

    @Autowired
    Accounts accounts;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Operation> operations = new ArrayList<>();
    private String officeToken;

    /** One operation of the description: its method, path template, parameters and body's properties. */
    record Operation(String method, String path, List<String> query, Map<String, JsonNode> body) {
    }

    /** One hostile request, described as it was sent. */
    record Sent(String method, String uri, String contentType, String token, String body) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + ")" : body;
            return method + " " + uri + " [Content-Type: " + contentType + "] [" + (token == null ? "anonymous" : "office")
                    + "] " + shown;
        }
    }

    @BeforeEach
    void readTheDescription() throws Exception {
        officeToken = new Api(http).signedInAs(TestAccounts.of(accounts, "office")).post("/api/auth/tokens",
                Map.of("username", TestAccounts.of(accounts, "office").username(), "password", TestAccounts.PASSWORD))
                .expect(201).json().get("token").asString();
        JsonNode description = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(base() + "/v3/api-docs"))
                .header("Authorization", "Bearer " + officeToken).build(), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode schemas = description.path("components").path("schemas");
        for (Map.Entry<String, JsonNode> path : description.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                if (!METHODS.contains(method) || spoilsTheRun(method, path.getKey())) {
                    continue;
                }
                List<String> query = new ArrayList<>();
                op.getValue().path("parameters").forEach(p -> {
                    if ("query".equals(p.path("in").asString())) {
                        query.add(p.get("name").asString());
                    }
                });
                Map<String, JsonNode> body = new LinkedHashMap<>();
                JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                if (schema.has("$ref")) {
                    schema = schemas.path(schema.get("$ref").asString().replace("#/components/schemas/", ""));
                }
                schema.path("properties").properties().forEach(p -> body.put(p.getKey(), p.getValue()));
                operations.add(new Operation(method, path.getKey(), query, body));
            }
        }
        assertThat(operations).as("operations in the OpenAPI description").hasSizeGreaterThan(50);
    }

    /** Signing the office out or taking its permissions away would turn the rest of the run into 401s and 403s. */
    private static boolean spoilsTheRun(String method, String path) {
        return (method.equals("DELETE") && path.startsWith("/api/auth/tokens"))
                || (!method.equals("GET") && (path.startsWith("/api/roles") || path.startsWith("/api/accounts")));
    }

    /**
     * Every request is sent, whatever the earlier ones got, and the failures are reported together (a few of each
     * kind), so that one run shows all that is wrong; QuickTheories gives the requests and reports their seed.
     */
    @Test
    void noHostileRequestGetsA5xxAndEveryRefusalIsAProblemDetail() {
        Map<String, String> failures = new LinkedHashMap<>();
        qt().withExamples(REQUESTS).withShrinkCycles(0)
                .forAll(integers().between(0, Integer.MAX_VALUE - 1), longs().all())
                .checkAssert((pick, seed) -> {
                    Operation op = operations.get(pick % operations.size());
                    Sent sent = hostile(op, new Random(seed));
                    try {
                        check(sent, send(sent));
                    } catch (AssertionError e) {
                        String message = e.getMessage();
                        String kind = message.substring(0, Math.min(message.length(), 24)) + " · " + op.method() + " " + op.path();
                        failures.putIfAbsent(kind, message.length() > 700 ? message.substring(0, 700) : message);
                    }
                });
        assertThat(failures).as("answers that were a 5xx or not a problem detail, one of each kind").isEmpty();
    }

    private static void check(Sent sent, HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as("status of %s: %s", sent, answer.body()).isLessThan(500);
        if (answer.statusCode() >= 400 && !sent.method().equals("HEAD")) {
            assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                    .as("content type of the %d answer to %s: %s", answer.statusCode(), sent, answer.body())
                    .startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("status").asInt()).as("problem of %s", sent).isEqualTo(answer.statusCode());
            assertThat(problem.path("title").asString()).as("title of the problem of %s", sent).isNotBlank();
        }
    }

    private Sent hostile(Operation op, Random random) {
        String method = random.nextInt(20) == 0 ? pick(METHODS, random) : op.method();
        StringBuilder uri = new StringBuilder(base());
        uri.append(op.path().replaceAll("\\{[^}]+}", pick(PATH_VALUES, random).replace("$", "")));
        uri.append(pick(PATH_SUFFIXES, random));
        if (!op.query().isEmpty() && random.nextBoolean()) {
            uri.append(uri.indexOf("?") >= 0 ? '&' : '?');
            String name = pick(op.query(), random);
            uri.append(name).append('=').append(pick(QUERY_VALUES, random));
        }
        String body = null;
        String contentType = null;
        if (!method.equals("GET") && !method.equals("DELETE")) {
            contentType = pick(CONTENT_TYPES, random);
            body = switch (random.nextInt(4)) {
                case 0 -> pick(RAW_BODIES, random);
                case 1 -> object(op, random, true);
                default -> object(op, random, false);
            };
        }
        String token = random.nextInt(5) == 0 ? null : officeToken;
        return new Sent(method, uri.toString(), contentType, token, body);
    }

    /** Every property hostile, or each plausible but one. */
    private static String object(Operation op, Random random, boolean allHostile) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(op.body().keySet());
        String spoiled = names.isEmpty() ? "" : pick(names, random);
        for (String name : names) {
            fields.put(name, allHostile || name.equals(spoiled) ? pick(HOSTILE_VALUES, random) : plausible(op.body().get(name)));
        }
        StringBuilder json = new StringBuilder("{");
        for (Iterator<Map.Entry<String, String>> it = fields.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> field = it.next();
            json.append('"').append(field.getKey()).append("\":").append(field.getValue()).append(it.hasNext() ? "," : "");
        }
        return json.append('}').toString();
    }

    private static String plausible(JsonNode schema) {
        String type = schema.path("type").asString();
        String format = schema.path("format").asString();
        return switch (type) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            case "array" -> "[]";
            case "string" -> "date".equals(format) ? "\"2025-03-03\"" : "date-time".equals(format) ? "\"2025-03-03T09:00:00Z\""
                    : schema.has("enum") ? "\"" + schema.get("enum").get(0).asString() + "\"" : "\"议事\"";
            default -> "null";
        };
    }

    private HttpResponse<String> send(Sent sent) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(sent.uri())).timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            throw new AssertionError("the test made an address Java cannot send: " + sent.uri(), e);
        }
        request.method(sent.method(), sent.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(sent.body()));
        if (sent.contentType() != null && !sent.contentType().isEmpty()) {
            request.header("Content-Type", sent.contentType());
        }
        if (sent.token() != null) {
            request.header("Authorization", "Bearer " + sent.token());
        }
        request.header("Accept-Language", "zh-CN");
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("no answer to " + sent, e);
        }
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
