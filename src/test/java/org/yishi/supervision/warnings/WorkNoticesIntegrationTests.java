package org.yishi.supervision.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.directory.Directory;
import org.yishi.directory.UnitDraft;
import org.yishi.meetings.Meetings;
import org.yishi.meetings.Procedure;
import org.yishi.meetings.Visibility;
import org.yishi.supervision.AdoptedDecisions;
import tools.jackson.databind.JsonNode;

/**
 * Notices of new work (issue 12, item 6): each step that gives someone work raises a notice to exactly those who must
 * act — the supervision office for a decision arriving and for an item returned, reported complete or asking for
 * more time; the lead unit's liaisons for an item assigned, sent back or whose extension was decided — never to a
 * co-operating or another unit, and mailed at once to their addresses.
 */
@YishiIntegrationTest({"yishi.demo-data=on", "yishi.supervision.sweep-cron=-", "yishi.supervision.sweep-at-start=false"})
@AutoConfigureMockMvc
class WorkNoticesIntegrationTests {

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
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    private Api office;
    private Api lead;
    private Api coUnit;
    private Api bystander;
    private long leadUnit;
    private long coUnitId;
    private String leadMail;
    private String coMail;
    private String officeMail;

    @BeforeEach
    void signIn(@Autowired RestTestClient http, @Autowired Directory directory) {
        long n = System.nanoTime() % 100000;
        leadUnit = directory.createUnit(new UnitDraft("区交通运输局" + n, null, null, null)).id();
        coUnitId = directory.createUnit(new UnitDraft("区财政局" + n, null, null, null)).id();
        long otherUnit = directory.createUnit(new UnitDraft("区审计局" + n, null, null, null)).id();
        TestAccounts.Login leadLogin = TestAccounts.liaison(accounts, leadUnit);
        TestAccounts.Login coLogin = TestAccounts.liaison(accounts, coUnitId);
        TestAccounts.Login officeLogin = TestAccounts.of(accounts, "supervision");
        leadMail = "lead" + n + "@unit.example.cn";
        coMail = "co" + n + "@unit.example.cn";
        officeMail = "office" + n + "@duchashi.example.cn";
        email(leadLogin, leadMail);
        email(coLogin, coMail);
        email(officeLogin, officeMail);
        office = new Api(http).signedInAs(officeLogin).in("en");
        lead = new Api(http).signedInAs(leadLogin).in("en");
        coUnit = new Api(http).signedInAs(coLogin).in("en");
        bystander = new Api(http).signedInAs(TestAccounts.liaison(accounts, otherUnit)).in("en");
    }

    private void email(TestAccounts.Login login, String address) {
        accounts.changeEmail(accounts.findByUsername(login.username()).orElseThrow().id(), address);
    }

    /** The kinds of the viewer's notices about the item, oldest first. */
    private static List<String> kinds(Api viewer, long itemId) {
        List<String> kinds = new ArrayList<>();
        viewer.get("/api/supervision/notices").expect(200).json().valueStream()
                .filter(n -> !n.get("itemId").isNull() && n.get("itemId").asLong() == itemId)
                .forEach(n -> kinds.addFirst(n.get("kind").asString()));
        return kinds;
    }

    private long register() {
        return office.create("/api/supervision/items", Map.of("source", "INSTRUCTION", "sourceNote", "区委书记批示",
                "content", "整治城区道路积水点", "leadUnitId", leadUnit, "coUnitIds", List.of(coUnitId),
                "receivedOn", LocalDate.now().toString(), "deadline", LocalDate.now().plusDays(60).toString()),
                "/api/supervision/items/").get("id").asLong();
    }

    @Test
    void eachStepThatGivesWorkNoticesExactlyThoseWhoMustAct() throws Exception {
        long id = register();
        assertThat(kinds(office, id)).as("registering gives nobody new work").isEmpty();

        office.post("/api/supervision/items/" + id + "/assign", Map.of()).expect(200);
        lead.post("/api/supervision/items/" + id + "/accept", Map.of()).expect(200);
        lead.post("/api/supervision/items/" + id + "/extension", Map.of("reason", "汛期施工受限",
                "newDeadline", LocalDate.now().plusDays(90).toString())).expect(204);
        office.post("/api/supervision/items/" + id + "/extension/decision", Map.of("approve", true, "note", "同意"))
                .expect(200);
        lead.post("/api/supervision/items/" + id + "/extension", Map.of("reason", "再延一月",
                "newDeadline", LocalDate.now().plusDays(120).toString())).expect(204);
        office.post("/api/supervision/items/" + id + "/extension/decision", Map.of("approve", false)).expect(200);
        lead.post("/api/supervision/items/" + id + "/completion", Map.of("text", "积水点全部整治")).expect(200);
        office.post("/api/supervision/items/" + id + "/send-back", Map.of("reason", "缺少验收照片")).expect(200);

        assertThat(kinds(lead, id)).containsExactly("ASSIGNED", "EXTENSION_APPROVED", "EXTENSION_REFUSED", "SENT_BACK");
        assertThat(kinds(office, id)).containsExactly("EXTENSION_REQUESTED", "EXTENSION_REQUESTED", "REPORTED");
        assertThat(kinds(coUnit, id)).as("the co-operating unit acts on nothing").isEmpty();
        assertThat(kinds(bystander, id)).as("another unit does not hear of it").isEmpty();
        JsonNode sentBack = lead.get("/api/supervision/notices").expect(200).json().get(0);
        assertThat(sentBack.get("kind").asString()).isEqualTo("SENT_BACK");
        assertThat(sentBack.get("note").asString()).isEqualTo("缺少验收照片");
        assertThat(sentBack.get("unitId").asLong()).isEqualTo(leadUnit);

        // mailed at once, each to its own recipients
        List<String> toLead = await().atMost(Duration.ofSeconds(10)).until(() -> bodies(leadMail), b -> b.size() == 4);
        assertThat(String.join("\n", toLead)).contains("was assigned to your unit").contains("已交办你单位")
                .contains("extension approved").contains("缺少验收照片");
        assertThat(String.join("\n", bodies(officeMail))).contains("asks for more time").contains("已报送办结，请审核");
        assertThat(bodies(coMail)).isEmpty();
    }

    @Test
    void anItemReturnedByItsUnitIsNoticedToTheOfficeAndReassignedToTheNewUnit() {
        long id = register();
        office.post("/api/supervision/items/" + id + "/assign", Map.of()).expect(200);
        lead.post("/api/supervision/items/" + id + "/return", Map.of("reason", "属区财政局职责")).expect(200);
        office.post("/api/supervision/items/" + id + "/assign", Map.of("leadUnitId", coUnitId)).expect(200);

        assertThat(kinds(office, id)).containsExactly("RETURNED");
        assertThat(kinds(lead, id)).containsExactly("ASSIGNED");
        assertThat(kinds(coUnit, id)).as("now the lead unit").containsExactly("ASSIGNED");
    }

    @Test
    void theLiaisonsProgressReportAppearsInTheItemsLog(@Autowired MockMvc mvc) throws Exception {
        long id = register();
        office.post("/api/supervision/items/" + id + "/assign", Map.of()).expect(200);
        lead.post("/api/supervision/items/" + id + "/accept", Map.of()).expect(200);
        lead.post("/api/supervision/items/" + id + "/progress", Map.of("text", "完成12处积水点排查", "percent", 40))
                .expect(200);

        MockHttpServletResponse signedIn = mvc.perform(formLogin("/login").user("t-supervision")
                .password(TestAccounts.PASSWORD)).andReturn().getResponse();
        String page = mvc.perform(get("/supervision/items/" + id).cookie(signedIn.getCookie("SESSION"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        String log = page.substring(page.indexOf("id=\"log\""));
        assertThat(log).contains("data-action=\"report-progress\"").contains("报告进展")
                .contains("完成12处积水点排查（进度 40%）");
        assertThat(log.indexOf("data-action=\"accept\"")).as("in the order it happened")
                .isLessThan(log.indexOf("data-action=\"report-progress\""));

        lead.post("/api/supervision/items/" + id + "/completion", Map.of("text", "全部整治完毕")).expect(200);
        String notices = mvc.perform(get("/supervision/notices").cookie(signedIn.getCookie("SESSION"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(notices).contains("data-kind=\"REPORTED\"").contains("报送办结待审核").contains("全部整治完毕")
                .contains("/supervision/items/" + id);
    }

    @Test
    void aDecisionArrivingInTheInboxIsNoticedToTheOfficeOnly(@Autowired Meetings meetings,
            @Autowired Directory directory, @Autowired Procedure procedure) {
        AdoptedDecisions decisions = AdoptedDecisions.plan(meetings, directory,
                new AdoptedDecisions.Item("研究城区排水防涝工作", Visibility.INTERNAL, "由区住建局牵头。")).adopt(procedure);
        long proposal = decisions.awaitProposals(jdbc).values().iterator().next();

        JsonNode notice = await().atMost(Duration.ofSeconds(10)).until(() -> office.get("/api/supervision/notices")
                .expect(200).json().valueStream().filter(n -> !n.get("proposalId").isNull()
                        && n.get("proposalId").asLong() == proposal).findFirst().orElse(null), n -> n != null);
        assertThat(notice.get("kind").asString()).isEqualTo("PROPOSAL");
        assertThat(notice.get("content").asString()).isEqualTo("研究城区排水防涝工作");
        assertThat(lead.get("/api/supervision/notices").expect(200).json().valueStream()
                .noneMatch(n -> !n.get("proposalId").isNull())).isTrue();
        assertThat(jdbc.sql("select count(*) from supervision_notice where proposal_id = :p").param("p", proposal)
                .query(Long.class).single()).as("one notice for the proposal").isEqualTo(1);
    }

    private static List<String> bodies(String address) throws Exception {
        List<String> found = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            for (Address a : m.getAllRecipients()) {
                if (a.toString().equals(address)) {
                    found.add((String) m.getContent());
                }
            }
        }
        return found;
    }
}
