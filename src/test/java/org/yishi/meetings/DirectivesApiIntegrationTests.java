package org.yishi.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import tools.jackson.databind.JsonNode;

/**
 * The directives queue through the JSON API: newest first, the newest pending one named as the next first item, a
 * directive conveyed once a meeting whose first item names it is opened, the agenda warnings a meeting answers with,
 * bad input, and who may read and record. Each test builds a standing committee of three members of its own.
 */
@YishiIntegrationTest("yishi.demo-data=off")
class DirectivesApiIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    Accounts accounts;

    @Autowired
    Procedure procedure;

    private Api office;
    private long body;
    private final List<Long> members = new ArrayList<>();

    @BeforeEach
    void buildCommittee() {
        office = new Api(http).signedInAs(TestAccounts.of(accounts, "office"));
        body = office.create("/api/bodies", Map.of("kind", "STANDING_COMMITTEE", "nameZh", "中共石门县委员会常务委员会",
                "nameEn", "Standing Committee of the Shimen County Party Committee", "shortNameZh", "县委常委会",
                "protocolRank", 130), "/api/bodies/").get("id").asLong();
        long term = office.create("/api/bodies/" + body + "/terms", Map.of("number", 14, "startsOn", "2021-09-01"),
                "/api/terms/").get("id").asLong();
        for (String name : List.of("高建国", "孙立平", "何晓东")) {
            long person = office.create("/api/people", Map.of("nameZh", name), "/api/people/").get("id").asLong();
            office.create("/api/terms/" + term + "/members", Map.of("personId", person), "/api/memberships/");
            members.add(person);
        }
    }

    private long receive(String titleZh, String titleEn, String issuedOn, String receivedOn) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("bodyId", body);
        d.put("titleZh", titleZh);
        d.put("titleEn", titleEn);
        d.put("issuedOn", issuedOn);
        d.put("receivedOn", receivedOn);
        d.put("source", "省委办公厅");
        return office.create("/api/directives", d, "/api/directives/").get("id").asLong();
    }

    private List<String> queue(Api api) {
        return api.get("/api/directives?bodyId=" + body).expect(200).json().valueStream()
                .map(d -> d.get("titleZh").asString() + (d.get("nextFirstItem").asBoolean() ? " [next]" : "")
                        + (d.get("pending").asBoolean() ? " pending" : " conveyed by " + d.get("conveyedBy").get("heading").asString()))
                .toList();
    }

    @Test
    void theQueueIsNewestFirstAndAnOpenedMeetingConveysItsFirstItemsDirective() {
        receive("习近平总书记在中央经济工作会议上的重要讲话", null, "2023-12-12", "2023-12-14");
        long newest = receive("习近平总书记在中央政治局集体学习时的重要讲话", "General Secretary Xi Jinping's speech at a group study session",
                "2024-02-01", "2024-02-02");
        long middle = receive("习近平总书记关于防汛救灾工作的重要指示", null, "2024-01-20", "2024-02-05");

        assertThat(queue(office)).containsExactly("习近平总书记在中央政治局集体学习时的重要讲话 [next] pending",
                "习近平总书记关于防汛救灾工作的重要指示 pending", "习近平总书记在中央经济工作会议上的重要讲话 pending");

        // a meeting whose first item studies an older directive is warned, in the caller's language
        Map<String, Object> draft = meeting(middle);
        long meetingId = office.create("/api/meetings", draft, "/api/meetings/").get("id").asLong();
        JsonNode planned = office.in("zh-CN").get("/api/meetings/" + meetingId).expect(200).json();
        assertThat(planned.get("bodyId").asLong()).isEqualTo(body);
        assertThat(planned.get("items").get(0).get("directiveId").asLong()).isEqualTo(middle);
        assertThat(planned.get("warnings").valueStream().map(JsonNode::asString))
                .containsExactly("第一议题应传达学习尚未传达的最新上级精神：“习近平总书记在中央政治局集体学习时的重要讲话”（2024-02-01发布）。");
        assertThat(office.get("/api/meetings/" + meetingId).json().get("warnings").get(0).asString())
                .isEqualTo("The first item should study the newest central directive not yet conveyed: "
                        + "\"General Secretary Xi Jinping's speech at a group study session\" (issued 2024-02-01).");

        draft.put("items", List.of(item(newest)));
        JsonNode revised = office.put("/api/meetings/" + meetingId, draft).expect(200).json();
        assertThat(revised.get("warnings").valueStream().toList()).isEmpty();

        // notified is not yet held: still pending
        procedure.notify(meetingId);
        assertThat(queue(office).getFirst()).isEqualTo("习近平总书记在中央政治局集体学习时的重要讲话 [next] pending");

        procedure.open(meetingId);
        JsonNode conveyed = office.get("/api/directives/" + newest).expect(200).json();
        assertThat(conveyed.get("pending").asBoolean()).isFalse();
        assertThat(conveyed.get("conveyedBy").get("meetingId").asLong()).isEqualTo(meetingId);
        assertThat(conveyed.get("conveyedBy").get("date").asString()).isEqualTo("2024-03-12");
        assertThat(queue(office.in("zh-CN"))).containsExactly(
                "习近平总书记在中央政治局集体学习时的重要讲话 conveyed by 十四届县委常委会第1次会议",
                "习近平总书记关于防汛救灾工作的重要指示 [next] pending", "习近平总书记在中央经济工作会议上的重要讲话 pending");
    }

    @Test
    void badInputIsRefusedWithEveryFieldAndNothingIsRecorded() {
        assertThat(office.in("zh-CN").post("/api/directives", Map.of("titleZh", " ")).refusal()).containsExactlyInAnyOrder(
                "bodyId: 机构不能为空。", "titleZh: 标题（中文）不能为空。", "issuedOn: 发布日期不能为空。");
        assertThat(office.post("/api/directives", Map.of("bodyId", body, "titleZh", "习近平总书记重要指示",
                "issuedOn", "2024-03-01", "receivedOn", "2024-02-28")).refusal())
                .containsExactly("receivedOn: A directive cannot be received before the day it was issued.");
        assertThat(queue(office)).isEmpty();

        // an item may name only a directive its own body received
        long other = office.create("/api/bodies", Map.of("kind", "OTHER", "nameZh", "石门县人民政府常务会议",
                "protocolRank", 300), "/api/bodies/").get("id").asLong();
        long foreign = office.create("/api/directives", Map.of("bodyId", other, "titleZh", "国务院常务会议精神",
                "issuedOn", "2024-03-01"), "/api/directives/").get("id").asLong();
        assertThat(office.post("/api/meetings", meeting(foreign)).refusal())
                .containsExactly("items[0].directiveId: Item 1: the directive chosen was not received by this body.");
    }

    @Test
    void supervisionReadsTheQueueAndOnlyTheOfficeRecords() {
        receive("习近平总书记重要讲话精神", null, "2024-03-01", null);
        Api supervision = new Api(http).signedInAs(TestAccounts.of(accounts, "supervision"));
        assertThat(queue(supervision)).containsExactly("习近平总书记重要讲话精神 [next] pending");
        supervision.post("/api/directives", Map.of("bodyId", body, "titleZh", "由督查室登记", "issuedOn", "2024-03-02"))
                .problem(403);
        Api member = new Api(http).signedInAs(TestAccounts.member(accounts, members.get(1)));
        member.get("/api/directives?bodyId=" + body).problem(403);
        assertThat(queue(office)).hasSize(1);
        assertThat(office.get("/api/directives?bodyId=" + body).json().get(0).get("receivedOn").asString())
                .isEqualTo(java.time.LocalDate.now().toString());
    }

    private Map<String, Object> meeting(long directiveId) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("bodyId", body);
        draft.put("date", "2024-03-12");
        draft.put("presidingPersonId", members.getFirst());
        draft.put("present", members);
        draft.put("items", List.of(item(directiveId)));
        return draft;
    }

    private static Map<String, Object> item(long directiveId) {
        return Map.of("kind", "CONVEY_STUDY", "titleZh", "传达学习习近平总书记重要讲话精神", "directiveId", directiveId,
                "materialsReceivedOn", "2024-03-05");
    }
}
