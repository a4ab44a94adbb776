package org.yishi.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.directory.Directory;
import org.yishi.meetings.notices.MeetingNoticeText;
import tools.jackson.databind.JsonNode;

/**
 * The meeting notice (会议通知) and the materials: written from the plan in both languages, sent to exactly the
 * accounts of those the meeting names, mailed with an RFC 5545 invitation, read receipts for the office; materials in
 * versions whose delivery date is what the "materials late" warning is computed from, with their read receipts.
 */
@YishiIntegrationTest({"yishi.demo-data=on", "yishi.supervision.sweep-cron=-"})
@AutoConfigureMockMvc
class MeetingNoticeIntegrationTests {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopMail() {
        SMTP.stop();
    }

    @Autowired
    Meetings meetings;

    @Autowired
    Directory directory;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RestTestClient http;

    @Autowired
    MockMvc mvc;

    private static int week = 0;

    private PlannedMeeting plan() {
        return PlannedMeeting.plan(meetings, directory, LocalDate.now().plusDays(30 + 7L * week++));
    }

    private Api as(TestAccounts.Login login) {
        return new Api(http).signedInAs(login).in("en");
    }

    @Test
    void theNoticeIsWrittenFromThePlanAndReachesExactlyThoseTheMeetingNames() throws Exception {
        PlannedMeeting p = plan();
        TestAccounts.Login chen = TestAccounts.member(accounts, p.chen());
        TestAccounts.Login lin = TestAccounts.member(accounts, p.lin());
        long outsider = directory.people().stream().filter(x -> !directory.membersOn(
                meetings.meeting(p.meetingId()).bodyId(), p.date()).contains(x.id())).findFirst().orElseThrow().id();
        TestAccounts.Login stranger = TestAccounts.member(accounts, outsider);
        String chenMail = "chen" + p.meetingId() + "@qc.example.cn";
        accounts.changeEmail(accounts.findByUsername(chen.username()).orElseThrow().id(), chenMail);
        Api office = as(TestAccounts.of(accounts, "office"));

        assertThat(as(chen).get("/api/meetings/" + p.meetingId() + "/notice").status()).as("nothing sent yet").isEqualTo(404);
        JsonNode sent = office.post("/api/meetings/" + p.meetingId() + "/notice", Map.of()).expect(200).json();
        String zh = sent.get("textZh").asString();
        String en = sent.get("textEn").asString();
        assertThat(meetings.meeting(p.meetingId()).state()).as("sending notifies a draft").isEqualTo(MeetingState.NOTIFIED);
        assertThat(zh).startsWith("会议通知").contains("区委常委会议室").contains("上午")
                .contains("1. 传达学习习近平总书记近期重要讲话精神").contains("4. 研究老旧小区改造实施方案")
                .contains("主持：林海峰").contains("陈志远、").contains(MeetingNoticeText.date(p.date().minusDays(3), java.util.Locale.CHINA))
                .doesNotContain("convey");
        assertThat(en).startsWith("Meeting notice").contains("Morning").contains("1. convey and study the recent")
                .contains("Attending: ").contains("by " + MeetingNoticeText.date(p.date().minusDays(3), java.util.Locale.ENGLISH))
                .doesNotContain("传达学习");
        List<Long> recipients = sent.get("receipts").valueStream().map(r -> r.get("personId").asLong()).toList();
        assertThat(recipients).contains(p.chen(), p.lin()).doesNotContain(outsider);

        // the member reads it: the office sees the receipt; a stranger does not get it
        as(chen).get("/api/meetings/" + p.meetingId() + "/notice").expect(200);
        assertThat(as(chen).get("/api/meetings/" + p.meetingId() + "/notice").json().get("receipts").isNull()).isTrue();
        assertThat(as(stranger).get("/api/meetings/" + p.meetingId() + "/notice").status()).isEqualTo(404);
        JsonNode receipts = office.get("/api/meetings/" + p.meetingId() + "/notice").expect(200).json().get("receipts");
        // by account: 陈志远 also has the demo's qingchuan-presiding account, which has not read it
        long chenAccount = accounts.findByUsername(chen.username()).orElseThrow().id();
        assertThat(receipts.valueStream().filter(r -> r.get("accountId").asLong() == chenAccount).findFirst().orElseThrow()
                .get("readAt").isNull()).isFalse();
        assertThat(receipts.valueStream().filter(r -> r.get("personId").asLong() == p.lin()).findFirst().orElseThrow()
                .get("readAt").isNull()).as("林海峰 has not read it").isTrue();

        // mailed with the invitation
        MimeMessage mail = await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(chenMail), m -> !m.isEmpty()).getFirst();
        assertThat(mail.getSubject()).startsWith("【议事】会议通知：").contains(" / [Yishi] Meeting notice: ");
        String ics = invitation(mail);
        assertCalendar(ics, p, chenMail, 0);

        // sent again, changed: read again, and the calendar's copy is replaced (SEQUENCE 1)
        office.post("/api/meetings/" + p.meetingId() + "/notice", Map.of()).expect(200);
        JsonNode again = office.get("/api/meetings/" + p.meetingId() + "/notice").expect(200).json();
        assertThat(again.get("sends").asInt()).isEqualTo(2);
        assertThat(again.get("receipts").valueStream().allMatch(r -> r.get("readAt").isNull())).isTrue();
        String second = await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(chenMail), m -> m.size() == 2).get(1)
                .getSubject();
        assertThat(second).contains("会议通知");
        MockHttpServletResponse download = mvc.perform(get("/meetings/" + p.meetingId() + "/notice.ics")
                .cookie(session(lin))).andReturn().getResponse();
        assertThat(download.getContentType()).startsWith("text/calendar");
        assertThat(download.getContentAsString(StandardCharsets.UTF_8)).contains("SEQUENCE:1");

        // the inbox badge counts the unread notice for 林海峰
        String bell = mvc.perform(get("/meetings/inbox/bell").cookie(session(lin))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(bell).contains("bell-count");
    }

    private static void assertCalendar(String ics, PlannedMeeting p, String attendee, int sequence) {
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n").contains("\r\nMETHOD:REQUEST\r\n")
                .contains("\r\nUID:meeting-" + p.meetingId() + "@").contains("\r\nSEQUENCE:" + sequence + "\r\n");
        String unfolded = ics.replace("\r\n ", "");
        String day = p.date().toString().replace("-", "");
        assertThat(unfolded).contains("DTSTART:" + day + "T010000Z").contains("DTEND:" + day + "T040000Z")
                .contains("LOCATION:区委常委会议室").contains("ATTENDEE;CN=\"陈志远\";ROLE=REQ-PARTICIPANT")
                .contains(":mailto:" + attendee).contains("DESCRIPTION:会议通知\\n\\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("folded at 75 octets: %s", line)
                    .isLessThanOrEqualTo(75);
        }
    }

    @Test
    void materialsAreVersionedTheirDeliveryDrivesTheLateWarningAndReadsAreReceipted() throws Exception {
        LocalDate date = LocalDate.now().plusDays(1);
        PlannedMeeting p = PlannedMeeting.plan(meetings, directory, date.plusWeeks(60 + week++));
        TestAccounts.Login chen = TestAccounts.member(accounts, p.chen());
        Cookie office = session(TestAccounts.of(accounts, "office"));
        // the renovation plan's materials were entered as reaching the members 5 days before: no warning yet
        Api officeApi = as(TestAccounts.of(accounts, "office"));
        assertThat(warnings(officeApi, p)).noneMatch(w -> w.contains("item 4"));

        byte[] pdf = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
        MockHttpServletResponse first = upload(p, p.renovation(), "改造方案.pdf", pdf);
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(upload(p, p.renovation(), "改造方案（修订）.pdf", pdf).getStatus()).isEqualTo(200);
        JsonNode versions = officeApi.get("/api/meetings/" + p.meetingId() + "/materials").expect(200).json();
        assertThat(versions.valueStream().filter(v -> v.get("itemId").asLong() == p.renovation())
                .map(v -> v.get("version").asInt() + " " + v.get("fileName").asString()))
                .containsExactly("1 改造方案.pdf", "2 改造方案（修订）.pdf");
        // delivered today, far later than 3 days before this meeting? No: the meeting is weeks away, so on time.
        assertThat(jdbc.sql("select materials_received_on from agenda_item where id = :i").param("i", p.renovation())
                .query(LocalDate.class).single()).isEqualTo(LocalDate.now());
        assertThat(warnings(officeApi, p)).noneMatch(w -> w.contains("item 4"));

        // a bad file changes nothing
        MockHttpServletResponse bad = upload(p, p.study(), "讲话.pdf", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("accepted: PDF");
        assertThat(officeApi.get("/api/meetings/" + p.meetingId() + "/materials").json().valueStream()
                .noneMatch(v -> v.get("itemId").asLong() == p.study())).isTrue();

        // the member reads version 2: the office sees who read what
        long v2 = versions.get(1).get("id").asLong();
        MockHttpServletResponse read = mvc.perform(get("/meetings/materials/" + v2).cookie(session(chen))).andReturn()
                .getResponse();
        assertThat(read.getStatus()).isEqualTo(200);
        assertThat(read.getContentAsByteArray()).isEqualTo(pdf);
        JsonNode readings = officeApi.get("/api/meetings/" + p.meetingId() + "/materials/readings").expect(200).json();
        long chenAccount = accounts.findByUsername(chen.username()).orElseThrow().id();
        assertThat(readings.valueStream().map(r -> r.get("materialId").asLong() + ":" + r.get("accountId").asLong()))
                .containsExactly(v2 + ":" + chenAccount);
        String page = mvc.perform(get("/meetings/" + p.meetingId() + "/notice").cookie(office)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("改造方案（修订）.pdf").contains("已读：陈志远").contains("第2版");
    }

    @Test
    void materialsDeliveredLateAreWarnedOfWithTheDayTheyWereDelivered() throws Exception {
        // a meeting tomorrow: materials delivered today are two days late against the three-day rule
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        PlannedMeeting p = PlannedMeeting.plan(meetings, directory, tomorrow);
        Api officeApi = as(TestAccounts.of(accounts, "office"));
        assertThat(upload(p, p.renovation(), "方案.pdf",
                "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)).getStatus()).isEqualTo(200);
        assertThat(warnings(officeApi, p)).anyMatch(w -> w.equals("The materials for item 4 reached the members on "
                + LocalDate.now() + ", one day before it; they are due 3 days before."));
    }

    private List<String> warnings(Api api, PlannedMeeting p) {
        List<String> out = new ArrayList<>();
        api.get("/api/meetings/" + p.meetingId()).expect(200).json().get("warnings").valueStream()
                .forEach(w -> out.add(w.asString()));
        return out;
    }

    private MockHttpServletResponse upload(PlannedMeeting p, long item, String name, byte[] bytes) throws Exception {
        String token = accounts.issueToken("t-office", TestAccounts.PASSWORD, "materials", 1).token();
        return mvc.perform(multipart("/api/meetings/" + p.meetingId() + "/items/" + item + "/materials")
                .file(new MockMultipartFile("file", name, "application/pdf", bytes))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "en")).andReturn().getResponse();
    }

    private Cookie session(TestAccounts.Login login) throws Exception {
        return mvc.perform(formLogin("/login").user(login.username()).password(login.password())).andReturn()
                .getResponse().getCookie("SESSION");
    }

    private static List<MimeMessage> mailTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).map(Address::toString).anyMatch(address::equals)) {
                found.add(m);
            }
        }
        return found;
    }

    private static String invitation(MimeMessage m) throws Exception {
        Multipart parts = (Multipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getContentType().startsWith("text/calendar")) {
                return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no invitation attached");
    }
}
