package org.yishi.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
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
import org.yishi.accounts.Accounts;
import org.yishi.directory.Directory;

/**
 * Issue 11, failure 4: who reads minutes, as rows of the authorization matrix that depend on the meeting. Before
 * issue only those working on them — the office (drafter and checker) and the presiding person who signs them off;
 * a member who presided neither meeting finds no minutes (404) in every form (JSON, PDF, page); once issued, every member of the
 * body reads them, in every form, and a member of another body still finds no meeting.
 */
@YishiIntegrationTest("yishi.demo-data=off")
class MinutesReadingIntegrationTests {

    @Autowired
    Directory directory;
    @Autowired
    Meetings meetings;
    @Autowired
    Procedure procedure;
    @Autowired
    Accounts accounts;
    @Autowired
    RestTestClient http;
    @LocalServerPort
    int port;

    private MinutesStory story;
    private Api office;
    private Api officeHead;
    private Api presiding;
    private Api member;
    private Api stranger;

    @BeforeEach
    void buildCommittee() {
        story = new MinutesStory(directory, meetings, procedure);
        office = signIn(TestAccounts.of(accounts, "office"));
        officeHead = signIn(MinutesStory.officeHead(accounts));
        presiding = signIn(TestAccounts.member(accounts, story.lin));
        member = signIn(TestAccounts.member(accounts, story.chen));
        stranger = signIn(TestAccounts.member(accounts, story.outsider));
    }

    private Api signIn(TestAccounts.Login login) {
        return new Api(http).signedInAs(login);
    }

    /** The status of the minutes in each form: JSON, PDF, page. */
    private String forms(Api api, TestAccounts.Login login, long meeting) throws Exception {
        int json = api.get("/api/meetings/" + meeting + "/minutes").status();
        int pdf = api.get("/api/meetings/" + meeting + "/minutes?format=pdf&lang=zh").status();
        int page = page(login, "/meetings/" + meeting + "/minutes").statusCode();
        int pageExport = page(login, "/meetings/" + meeting + "/minutes/export?format=pdf").statusCode();
        return json + " " + pdf + " " + page + " " + pageExport;
    }

    @Test
    void draftMinutesAreReadByTheOfficeAndThePresidingPersonOnlyAndIssuedOnesByEveryMemberOfTheBody() throws Exception {
        long closed = story.heldAndClosed(20);
        long open = story.holdMeeting(LocalDate.of(2024, 3, 21), false, false); // still running: no minutes yet
        TestAccounts.Login memberLogin = TestAccounts.member(accounts, story.chen);
        TestAccounts.Login presidingLogin = TestAccounts.member(accounts, story.lin);
        TestAccounts.Login officeLogin = TestAccounts.of(accounts, "office");
        TestAccounts.Login strangerLogin = TestAccounts.member(accounts, story.outsider);

        for (long meeting : new long[] {closed, open}) {
            assertThat(forms(member, memberLogin, meeting)).as("a member who presided neither meeting, before drafting")
                    .isEqualTo("404 404 404 404");
            assertThat(forms(presiding, presidingLogin, meeting)).as("the presiding person").isEqualTo("200 200 200 200");
            assertThat(forms(office, officeLogin, meeting)).as("the office").isEqualTo("200 200 200 200");
            assertThat(forms(stranger, strangerLogin, meeting)).as("a member of another body").isEqualTo("404 404 404 404");
        }

        office.post("/api/meetings/" + closed + "/minutes", Map.of()).expect(201);
        assertThat(forms(member, memberLogin, closed)).as("drafted").isEqualTo("404 404 404 404");
        officeHead.post("/api/meetings/" + closed + "/minutes/check", Map.of()).expect(200);
        assertThat(forms(member, memberLogin, closed)).as("checked").isEqualTo("404 404 404 404");
        presiding.post("/api/meetings/" + closed + "/minutes/sign", Map.of()).expect(200);
        assertThat(forms(member, memberLogin, closed)).as("signed off").isEqualTo("404 404 404 404");
        assertThat(forms(presiding, presidingLogin, closed)).isEqualTo("200 200 200 200");
        office.post("/api/meetings/" + closed + "/minutes/issue", Map.of()).expect(200);

        assertThat(forms(member, memberLogin, closed)).as("issued").isEqualTo("200 200 200 200");
        assertThat(page(memberLogin, "/meetings/" + closed + "/minutes").body()).contains("id=\"document\"");
        assertThat(forms(stranger, strangerLogin, closed)).isEqualTo("404 404 404 404");
        assertThat(forms(member, memberLogin, open)).as("the other meeting's minutes stay closed to them")
                .isEqualTo("404 404 404 404");
    }

    // ---------------------------------------------------------------- the pages, as a browser speaks HTTP

    private HttpResponse<String> page(TestAccounts.Login login, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        String body = "username=" + login.username() + "&password="
                + URLEncoder.encode(login.password(), StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
