package org.yishi.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.directory.Directory;
import org.yishi.platform.LiveChanges;

/**
 * The meeting room's pushed changes over real HTTP, as a browser's EventSource gets them: a first event at once (so
 * that a reconnected page catches up), then one after each committed change of that meeting, whoever made it — the
 * workflow on this node, or another node writing to the same PostgreSQL (played here by a plain SQL update) — and
 * none for another meeting's changes; after the node lost its listening connection, one to catch up, and changes again.
 * The stream is only for those who run meetings, and only for meetings they see.
 */
@YishiIntegrationTest("yishi.demo-data=on")
class MeetingRoomEventsIntegrationTests {

    private static final AtomicInteger WEEKS = new AtomicInteger();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Meetings meetings;

    @Autowired
    Directory directory;

    @Autowired
    Procedure procedure;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LiveChanges live;

    private PlannedMeeting p;
    private PlannedMeeting other;
    private HttpClient office;
    private HttpResponse<Stream<String>> stream;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void planAndSignIn() throws Exception {
        p = PlannedMeeting.plan(meetings, directory, LocalDate.of(2027, 3, 1).plusDays(7L * WEEKS.getAndIncrement()));
        other = PlannedMeeting.plan(meetings, directory, LocalDate.of(2027, 3, 4).plusDays(7L * WEEKS.getAndIncrement()));
        office = signedIn(TestAccounts.of(accounts, "office"));
    }

    @AfterEach
    void close() {
        if (stream != null) {
            stream.body().close();
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A client signed in through the login form, as a browser is, keeping the session cookie. */
    private HttpClient signedIn(TestAccounts.Login login) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String page = client.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        String form = "username=" + URLEncoder.encode(login.username(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(login.password(), StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.headers().firstValue("Location").orElse("")).as("signed in").doesNotContain("error");
        return client;
    }

    /** Opens the meeting's event stream and collects the names of the events it sends. */
    private int follow(HttpClient client, long meetingId) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> answer = client.send(HttpRequest.newBuilder(uri("/meetings/" + meetingId
                + "/run/events")).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        if (answer.statusCode() == 200) {
            stream = answer;
            Thread.ofVirtual().start(() -> {
                try {
                    answer.body().filter(l -> l.startsWith("event:"))
                            .forEach(l -> events.add(l.substring("event:".length()).strip()));
                } catch (java.io.UncheckedIOException closed) {
                    // the test closed the stream
                }
            });
        } else {
            answer.body().close();
        }
        return answer.statusCode();
    }

    private String next(long seconds) throws InterruptedException {
        return events.poll(seconds, TimeUnit.SECONDS);
    }

    @Test
    void eachCommittedChangeOfTheMeetingIsPushedWhoeverMadeIt() throws Exception {
        assertThat(follow(office, p.meetingId())).isEqualTo(200);
        assertThat(next(10)).as("the first event, at once").isEqualTo("changed");

        // the workflow, on this node
        procedure.notify(p.meetingId());
        assertThat(next(10)).as("after the notice").isEqualTo("changed");
        procedure.checkIn(p.meetingId(), p.chen(), Procedure.Attendance.PRESENT, null);
        assertThat(next(10)).as("after a check-in").isEqualTo("changed");

        // another node: any write to the meeting's tables, committed in PostgreSQL
        jdbc.sql("update agenda_item set title_zh = title_zh || '（修订）' where id = :i").param("i", p.study()).update();
        assertThat(next(10)).as("after another node's write").isEqualTo("changed");

        // another meeting's change is not this meeting's
        procedure.notify(other.meetingId());
        assertThat(next(2)).as("nothing for another meeting").isNull();
    }

    @Test
    void aNodeThatLostItsListeningConnectionReconnectsAndItsFollowersCatchUp() throws Exception {
        assertThat(follow(office, p.meetingId())).isEqualTo(200);
        assertThat(next(10)).isEqualTo("changed");

        // PostgreSQL ends the node's listening connection (a restart, a cut network, an administrator)
        int ended = jdbc.sql("""
                select count(pg_terminate_backend(pid)) from pg_stat_activity
                where application_name = 'yishi live changes' and datname = current_database()""")
                .query(Integer.class).single();
        assertThat(ended).as("the node's listening connection").isEqualTo(1);
        assertThat(next(20)).as("told to catch up once listening again").isEqualTo("changed");
        await().atMost(Duration.ofSeconds(20)).until(live::listening);

        procedure.notify(p.meetingId());
        assertThat(next(10)).as("changes arrive again").isEqualTo("changed");
    }

    @Test
    void aNodeStoppedAndStartedAgainDeliversAgain() throws Exception {
        // as Spring pauses an unused context and starts it when it is used again
        live.stop();
        live.start();
        await().atMost(Duration.ofSeconds(20)).until(live::listening);
        assertThat(follow(office, p.meetingId())).isEqualTo(200);
        assertThat(next(10)).isEqualTo("changed");
        procedure.notify(p.meetingId());
        assertThat(next(10)).as("after the notice").isEqualTo("changed");
    }

    @Test
    void onlyThoseWhoRunMeetingsFollowAndOnlyMeetingsTheySee() throws Exception {
        HttpClient member = signedIn(TestAccounts.member(accounts, p.chen()));
        assertThat(follow(member, p.meetingId())).isEqualTo(403);
        assertThat(follow(office, 999_999)).isEqualTo(404);
    }
}
