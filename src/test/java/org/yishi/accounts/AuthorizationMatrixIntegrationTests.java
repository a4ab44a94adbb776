package org.yishi.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;

/**
 * Every endpoint and page × every role, from one table: {@code src/test/resources/authorization-matrix.tsv}.
 * "allow" means the role gets past authorization (any answer but 401 and 403, and never a server error); "deny" means
 * 403. Anonymous callers
 * get 401 (API) or are sent to the login page. An endpoint of Yishi without a row in the table fails the build, and
 * so does a row naming no endpoint.
 */
@YishiIntegrationTest("yishi.demo-data=on")
@AutoConfigureMockMvc
class AuthorizationMatrixIntegrationTests {

    /** What anybody may call without signing in. */
    // the error answers (issue 11) are for everyone: asked for directly, they answer 404
    static final Set<String> PUBLIC = Set.of("POST /api/auth/tokens", "GET /login", "ANY /error");

    static final List<String> ROLES = List.of("sysadmin", "secadmin", "auditor", "office", "member", "supervision",
            "liaison", "reader", "volunteer", "station-manager", "congress-office");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping") // Yishi's own; Actuator adds one for its endpoints (open: health only)
    RequestMappingHandlerMapping mappings;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    /** A row of the table: the endpoint as mapped, a concrete path to call, and what each role may do. */
    record Row(String method, String pattern, String path, Map<String, Boolean> allowed) {
    }

    private final Map<String, SignedIn> users = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private Map<String, String> samples;

    @BeforeEach
    void signInEveryRole() {
        long heshanMember = jdbc.sql("select id from person where name_romanized = 'Tian Qingchang'").query(Long.class).single();
        for (String role : ROLES) {
            TestAccounts.Login login = role.equals("member") ? TestAccounts.member(accounts, heshanMember)
                    : TestAccounts.of(accounts, role);
            long id = accounts.findByUsername(login.username()).orElseThrow().id();
            users.put(role, accounts.signedIn(id, null).orElseThrow());
            tokens.put(role, accounts.issueToken(id, "matrix", 1).token());
        }
        // something each destructive call may safely act on, created afresh
        long victim = accounts.create(new AccountDraft("matrix-victim-" + System.nanoTime() % 100000, null, null, null, null))
                .account().id();
        samples = Map.of("{account}", String.valueOf(victim));
    }

    static List<Row> table() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (var in = AuthorizationMatrixIntegrationTests.class.getResourceAsStream("/authorization-matrix.tsv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = List.of(line.strip().split("\t"));
                if (header == null) {
                    header = cells;
                    assertThat(header.subList(3, header.size())).as("the table's role columns").isEqualTo(ROLES);
                    continue;
                }
                assertThat(cells).as("cells of row: %s", line).hasSize(header.size());
                Map<String, Boolean> allowed = new LinkedHashMap<>();
                for (int i = 0; i < ROLES.size(); i++) {
                    String cell = cells.get(3 + i);
                    assertThat(cell).as("cell %s of row %s", ROLES.get(i), line).isIn("allow", "deny");
                    allowed.put(ROLES.get(i), cell.equals("allow"));
                }
                rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), allowed));
            }
        }
        return rows;
    }

    /** Every handler method of Yishi's own controllers, as "METHOD pattern". */
    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, org.springframework.web.method.HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("org.yishi")) {
                continue;
            }
            Set<String> patterns = e.getKey().getPatternValues();
            var methods = e.getKey().getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (methods.isEmpty()) {
                    endpoints.add("ANY " + pattern);
                }
                methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
            }
        }
        return endpoints;
    }

    @Test
    void everyEndpointHasARowAndEveryRowAnEndpoint() throws IOException {
        Set<String> inTable = new TreeSet<>();
        table().forEach(r -> inTable.add(r.method() + " " + r.pattern()));
        Set<String> missing = new TreeSet<>(endpoints());
        missing.removeAll(inTable);
        Set<String> stale = new TreeSet<>(inTable);
        stale.removeAll(endpoints());
        assertThat(missing).as("endpoints without a row in authorization-matrix.tsv").isEmpty();
        assertThat(stale).as("rows of authorization-matrix.tsv naming no endpoint").isEmpty();
    }

    @Test
    void everyRoleIsAllowedOrRefusedAsTheTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Row row : table()) {
            String path = row.path();
            for (var sample : samples.entrySet()) {
                path = path.replace(sample.getKey(), sample.getValue());
            }
            for (String role : ROLES) {
                int status = call(row.method(), path, role).andReturn().getResponse().getStatus();
                boolean allowed = row.allowed().get(role);
                // signing in is open to all: its 401 answers wrong credentials, not a missing permission
                boolean open = PUBLIC.contains(row.method() + " " + row.pattern());
                if (status >= 500 || (allowed ? (status == 403 || status == 401 && !open) : status != 403)) {
                    wrong.add(row.method() + " " + path + " as " + role + ": " + status + (allowed ? " (should be allowed)" : " (should be 403)"));
                }
            }
            int anonymous = call(row.method(), path, null).andReturn().getResponse().getStatus();
            String location = call(row.method(), path, null).andReturn().getResponse().getHeader(HttpHeaders.LOCATION);
            boolean refused = path.startsWith("/api/") ? anonymous == 401
                    : anonymous == 302 && location != null && location.endsWith("/login") || anonymous == 403;
            if (!refused && !PUBLIC.contains(row.method() + " " + row.pattern())) {
                wrong.add(row.method() + " " + path + " anonymously: " + anonymous + " " + location);
            }
        }
        assertThat(wrong).as("answers that differ from the table").isEmpty();
    }

    private org.springframework.test.web.servlet.ResultActions call(String method, String path, String role) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(method), path);
        if (path.startsWith("/api/")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
            if (role != null) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get(role));
            }
        } else {
            request.with(csrf());
            if (role != null) {
                SignedIn user = users.get(role);
                request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
            }
        }
        return mvc.perform(request);
    }
}
