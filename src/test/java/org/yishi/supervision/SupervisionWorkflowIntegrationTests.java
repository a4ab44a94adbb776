package org.yishi.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import tools.jackson.databind.JsonNode;

/**
 * The supervision workflow through the API, as the supervision office and the units' liaisons go through it: every
 * legal step, the illegal ones refused with the reason, a liaison who cannot see or touch another unit's item, and a
 * decision adopted at a meeting arriving in the office's inbox.
 */
@YishiIntegrationTest("yishi.demo-data=on")
class SupervisionWorkflowIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    private Api office;
    private Api civilAffairs;
    private Api youthLeague;
    private long civilAffairsUnit;
    private long youthLeagueUnit;

    @BeforeEach
    void signIn(@Autowired RestTestClient http, @Autowired Accounts accounts) {
        civilAffairsUnit = unit("区民政局");
        youthLeagueUnit = unit("共青团鹤山区委员会");
        office = new Api(http).signedInAs(TestAccounts.of(accounts, "supervision")).in("en");
        civilAffairs = new Api(http).signedInAs(TestAccounts.liaison(accounts, civilAffairsUnit)).in("en");
        youthLeague = new Api(http).signedInAs(TestAccounts.liaison(accounts, youthLeagueUnit)).in("en");
    }

    private long unit(String name) {
        return jdbc.sql("select id from unit where name_zh = :n").param("n", name).query(Long.class).single();
    }

    private JsonNode register(long leadUnit, String deadline) {
        return office.create("/api/supervision/items", Map.of("source", "INSTRUCTION", "sourceNote", "区委书记批示",
                "content", "推进社区志愿服务站建设", "leadUnitId", leadUnit,
                "coUnitIds", leadUnit == youthLeagueUnit ? List.of() : List.of(youthLeagueUnit),
                "receivedOn", LocalDate.now().toString(), "deadline", deadline), "/api/supervision/items/");
    }

    private String refusal(Api.Answer answer) {
        return answer.problem(409).get("detail").asString();
    }

    @Test
    void anItemGoesFromRegistrationToClosingWithEveryStepLogged() {
        JsonNode item = register(civilAffairsUnit, LocalDate.now().plusDays(60).toString());
        long id = item.get("id").asLong();
        assertThat(item.get("serial").asString()).matches("督字〔" + LocalDate.now().getYear() + "〕\\d+号");
        assertThat(item.get("state").asString()).isEqualTo("REGISTERED");

        office.post("/api/supervision/items/" + id + "/assign", Map.of()).expect(200);
        civilAffairs.post("/api/supervision/items/" + id + "/accept", Map.of()).expect(200);
        civilAffairs.post("/api/supervision/items/" + id + "/progress", Map.of("text", "已完成选址", "percent", 40)).expect(200);
        JsonNode reported = civilAffairs.post("/api/supervision/items/" + id + "/completion", Map.of("text", "12个站点建成"))
                .expect(200).json();
        assertThat(reported.get("state").asString()).isEqualTo("REPORTED");
        JsonNode sentBack = office.post("/api/supervision/items/" + id + "/send-back", Map.of("reason", "缺少验收材料"))
                .expect(200).json();
        assertThat(sentBack.get("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(sentBack.get("sentBack").asInt()).isEqualTo(1);
        civilAffairs.post("/api/supervision/items/" + id + "/completion", Map.of("text", "补充验收材料")).expect(200);
        JsonNode closed = office.post("/api/supervision/items/" + id + "/close", Map.of()).expect(200).json();

        assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
        JsonNode steps = office.get("/api/supervision/items/" + id).expect(200).json().get("steps");
        assertThat(steps.valueStream().map(s -> s.get("action").asString() + ":" + s.get("toState").asString()))
                .containsExactly("register:REGISTERED", "assign:ASSIGNED", "accept:IN_PROGRESS",
                        "report-completion:REPORTED", "send-back:IN_PROGRESS", "report-completion:REPORTED", "close:CLOSED");
        assertThat(steps.get(4).get("reason").asString()).isEqualTo("缺少验收材料");
        assertThat(jdbc.sql("select count(*) from audit_entry where subject_type = 'supervision_item' and subject_id = :i")
                .param("i", String.valueOf(id)).query(Long.class).single()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void illegalStepsAreRefusedWithWhatTheStateAllows() {
        long id = register(civilAffairsUnit, LocalDate.now().plusDays(30).toString()).get("id").asLong();

        assertThat(refusal(civilAffairs.post("/api/supervision/items/" + id + "/accept", Map.of())))
                .isEqualTo("Not possible: accepting needs an item that is assigned; this one is Registered.");
        assertThat(refusal(office.post("/api/supervision/items/" + id + "/close", Map.of())))
                .isEqualTo("Not possible: closing needs an item that is reported complete; this one is Registered.");
        office.post("/api/supervision/items/" + id + "/assign", Map.of()).expect(200);
        assertThat(refusal(civilAffairs.post("/api/supervision/items/" + id + "/completion", Map.of("text", "完成"))))
                .isEqualTo("Not possible: reporting completion needs an item that is in progress; this one is Assigned.");
        assertThat(civilAffairs.post("/api/supervision/items/" + id + "/return", Map.of("reason", " "))
                .problem(400).get("errors").get(0).get("field").asString()).isEqualTo("reason");
        JsonNode returned = civilAffairs.post("/api/supervision/items/" + id + "/return",
                Map.of("reason", "属区住建局职责")).expect(200).json();
        assertThat(returned.get("state").asString()).isEqualTo("RETURNED");

        // reassigned to another unit, which accepts; a suspension and resumption bring it back where it was
        office.post("/api/supervision/items/" + id + "/assign", Map.of("leadUnitId", youthLeagueUnit)).expect(200);
        youthLeague.post("/api/supervision/items/" + id + "/accept", Map.of()).expect(200);
        office.post("/api/supervision/items/" + id + "/suspend", Map.of("reason", "政策调整，暂缓实施")).expect(200);
        assertThat(refusal(youthLeague.post("/api/supervision/items/" + id + "/progress", Map.of("text", "推进中", "percent", 10))))
                .isEqualTo("Not possible: reporting progress needs an item that is in progress; this one is Suspended.");
        assertThat(office.post("/api/supervision/items/" + id + "/resume", Map.of()).expect(200).json()
                .get("state").asString()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void anExtensionIsAskedBeforeTheDeadlineAndDecidedByTheOffice() {
        String deadline = LocalDate.now().plusDays(20).toString();
        long id = register(civilAffairsUnit, deadline).get("id").asLong();
        office.post("/api/supervision/items/" + id + "/assign", Map.of()).expect(200);
        civilAffairs.post("/api/supervision/items/" + id + "/accept", Map.of()).expect(200);

        assertThat(civilAffairs.post("/api/supervision/items/" + id + "/extension",
                Map.of("reason", "资金未到位", "newDeadline", deadline)).problem(400).get("errors").get(0).get("message")
                .asString()).isEqualTo("The new deadline must be later than the present one, " + deadline + ".");
        String later = LocalDate.now().plusDays(50).toString();
        civilAffairs.post("/api/supervision/items/" + id + "/extension", Map.of("reason", "资金未到位", "newDeadline", later))
                .expect(204);
        assertThat(refusal(civilAffairs.post("/api/supervision/items/" + id + "/extension",
                Map.of("reason", "再次申请", "newDeadline", later))))
                .isEqualTo("A request for more time is already waiting for the office's decision.");
        JsonNode approved = office.post("/api/supervision/items/" + id + "/extension/decision", Map.of("approve", true))
                .expect(200).json();
        assertThat(approved.get("deadline").asString()).isEqualTo(later);
    }

    @Test
    void anExtensionAskedBeforeTheItemWasClosedCannotBeApprovedAfterwards() {
        String deadline = LocalDate.now().plusDays(20).toString();
        long id = register(civilAffairsUnit, deadline).get("id").asLong();
        office.post("/api/supervision/items/" + id + "/assign", Map.of()).expect(200);
        civilAffairs.post("/api/supervision/items/" + id + "/accept", Map.of()).expect(200);
        String later = LocalDate.now().plusDays(50).toString();
        civilAffairs.post("/api/supervision/items/" + id + "/extension", Map.of("reason", "资金未到位", "newDeadline", later))
                .expect(204);
        civilAffairs.post("/api/supervision/items/" + id + "/completion", Map.of("text", "已办结")).expect(200);
        office.post("/api/supervision/items/" + id + "/close", Map.of()).expect(200);

        assertThat(refusal(office.post("/api/supervision/items/" + id + "/extension/decision", Map.of("approve", true))))
                .isEqualTo("Not possible: deciding on more time needs an item that is assigned, in progress, reported "
                        + "complete or suspended; this one is Closed.");
        JsonNode after = office.get("/api/supervision/items/" + id).expect(200).json().get("item");
        assertThat(after.get("deadline").asString()).isEqualTo(deadline);
        assertThat(after.get("state").asString()).isEqualTo("CLOSED");
    }

    @Test
    void aLiaisonNeitherSeesNorTouchesAnotherUnitsItem() {
        long theirs = register(youthLeagueUnit, LocalDate.now().plusDays(30).toString()).get("id").asLong();
        // the youth league leads; civil affairs is not even a co-operating unit of it
        office.post("/api/supervision/items/" + theirs + "/assign", Map.of()).expect(200);
        long coOperated = register(civilAffairsUnit, LocalDate.now().plusDays(30).toString()).get("id").asLong();

        civilAffairs.get("/api/supervision/items/" + theirs).problem(404);
        civilAffairs.post("/api/supervision/items/" + theirs + "/accept", Map.of()).problem(404);
        civilAffairs.post("/api/supervision/items/" + theirs + "/return", Map.of("reason", "不是我们的")).problem(404);
        // a co-operating unit reads the item but does not act for the lead unit
        youthLeague.get("/api/supervision/items/" + coOperated).expect(200);
        office.post("/api/supervision/items/" + coOperated + "/assign", Map.of()).expect(200);
        youthLeague.post("/api/supervision/items/" + coOperated + "/accept", Map.of()).problem(403);
        // liaisons do not register or assign
        civilAffairs.post("/api/supervision/items/" + theirs + "/assign", Map.of()).problem(403);
        assertThat(jdbc.sql("select state from supervision_item where id = :i").param("i", theirs).query(String.class)
                .single()).isEqualTo("ASSIGNED");
    }

    @Test
    void anAdoptedDecisionWaitsInTheInboxAndIsConfirmedAsTwoItems(@Autowired RestTestClient http,
            @Autowired Accounts accounts) {
        Api meetingOffice = new Api(http).signedInAs(TestAccounts.of(accounts, "office"));
        long april = jdbc.sql("select id from meeting where held_on = '2024-04-08'").query(Long.class).single();
        meetingOffice.post("/api/meetings/" + april + "/open", Map.of()).expect(200);
        long item = meetingOffice.get("/api/meetings/" + april).expect(200).json().get("items").get(0).get("id").asLong();
        meetingOffice.post("/api/items/" + item + "/decision", Map.of("outcome", "ADOPTED")).expect(200);

        JsonNode proposal = await().atMost(Duration.ofSeconds(10)).until(() -> office.get("/api/supervision/proposals")
                .expect(200).json().valueStream().filter(p -> p.get("agendaItemId").asLong() == item).findFirst()
                .orElse(null), p -> p != null);
        assertThat(proposal.get("titleZh").asString()).isEqualTo("研究部署防汛备汛工作");

        JsonNode items = office.post("/api/supervision/proposals/" + proposal.get("id").asLong() + "/confirm", List.of(
                Map.of("content", "汛前完成隐患排查整改", "leadUnitId", civilAffairsUnit, "deadline", "2024-05-31",
                        "receivedOn", "2024-04-09"),
                Map.of("content", "储备防汛物资", "leadUnitId", youthLeagueUnit, "deadline", "2024-05-15",
                        "receivedOn", "2024-04-09"))).expect(200).json();
        assertThat(items.valueStream().map(i -> i.get("source").asString() + " " + i.get("agendaItemId").asLong()))
                .containsExactly("DECISION " + item, "DECISION " + item);
        assertThat(items.get(0).get("serial").asString()).startsWith("督字〔2024〕");
        assertThat(office.get("/api/supervision/proposals").expect(200).json().valueStream()
                .noneMatch(p -> p.get("agendaItemId").asLong() == item)).isTrue();
        assertThat(refusal(office.post("/api/supervision/proposals/" + proposal.get("id").asLong() + "/dismiss",
                Map.of("reason", "重复")))).isEqualTo("This proposal has already been handled.");
    }
}
