package org.yishi.sessions.sitting;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.yishi.directory.Body;
import org.yishi.directory.BodyDraft;
import org.yishi.directory.BodyKind;
import org.yishi.directory.Directory;
import tools.jackson.databind.JsonNode;

/**
 * A congress session through the API: its number entered, its preparatory meeting electing the presidium and adopting
 * the agenda, the roll call of its meetings against two thirds of all deputies, and a resolution counted against all
 * deputies, whoever is present.
 */
@YishiIntegrationTest("yishi.demo-data=off")
class SessionIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    Accounts accounts;

    @Autowired
    Directory directory;

    Api office;
    long termId;
    Body congress;

    /** Nine deputies, two of them named alike: two thirds is six. */
    @BeforeEach
    void nineDeputies() {
        office = new Api(http).signedInAs(TestAccounts.of(accounts, "congress-office"));
        congress = directory.createBody(new BodyDraft(BodyKind.CONGRESS, "测试区人民代表大会",
                "People's Congress of Test District", "区人大", null, 20));
        termId = office.post("/api/sessions/terms", Map.of("bodyId", congress.id(), "number", 12, "startsOn", "2021-10-01"))
                .expect(201).json().get("termId").asLong();
        office.post("/api/sessions/terms/" + termId + "/groups", Map.of("kind", "DELEGATION", "nameZh", "城关镇代表团")).expect(201);
        for (int i = 1; i <= 9; i++) {
            office.post("/api/sessions/terms/" + termId + "/roster", Map.of("nameZh", i >= 8 ? "同名代表" : "代表" + i,
                    "cardNumber", "10" + i, "group", "城关镇代表团")).expect(201);
        }
    }

    private long session() {
        return office.create("/api/sessions/terms/" + termId + "/sessions", Map.of("number", 4, "opensOn", "2024-01-08",
                "closesOn", "2024-01-10", "placeZh", "区会议中心"), "/api/sessions/sessions/").get("id").asLong();
    }

    private long sitting(long session, String kind, Integer number) {
        Map<String, Object> draft = new java.util.HashMap<>(Map.of("kind", kind, "heldOn", "2024-01-08"));
        if (number != null) {
            draft.put("number", number);
        }
        return office.create("/api/sessions/sessions/" + session + "/sittings", draft, "/api/sessions/sittings/")
                .get("id").asLong();
    }

    private void checkIn(long sitting, String... queries) {
        for (String q : queries) {
            assertThat(office.post("/api/sessions/sittings/" + sitting + "/check-in", Map.of("query", q)).expect(200).json()
                    .get("outcome").asString()).isEqualTo("CHECKED_IN");
        }
    }

    @Test
    void aSessionIsNamedByItsEnteredNumberAndHeldWithinItsTerm() {
        long id = session();
        assertThat(office.in("zh-CN").get("/api/sessions/sessions/" + id).expect(200).json().get("title").asString())
                .isEqualTo("测试区第十二届人民代表大会第四次会议");
        assertThat(office.get("/api/sessions/sessions/" + id).expect(200).json().get("title").asString())
                .isEqualTo("Fourth Session of the 12th People's Congress of Test District");
        assertThat(office.post("/api/sessions/terms/" + termId + "/sessions", Map.of("number", 4, "opensOn", "2027-01-08",
                "closesOn", "2027-01-10")).refusal()).containsExactly(
                        "number: This term already has a session number 4.",
                        "opensOn: A session is held within its term, from 2021-10-01 to 2026-09-30.");
        assertThat(office.get("/api/sessions/terms/" + termId + "/sessions").expect(200).json()).hasSize(1);
    }

    @Test
    void theRollCallCountsTwoThirdsOfAllDeputiesAndAMeetingOpensOnlyOnItsQuorum() {
        long session = session();
        long preparatory = sitting(session, "PREPARATORY", null);
        checkIn(preparatory, "101", "代表2", "103", "104", "105");
        // one deputy is on leave: still due, not present
        office.post("/api/sessions/sittings/" + preparatory + "/leave", Map.of("query", "106", "reason", "因病")).expect(200);
        assertThat(office.post("/api/sessions/sittings/" + preparatory + "/leave", Map.of("query", "107")).refusal())
                .containsExactly("reason: Give the reason for the leave.");

        JsonNode view = office.in("zh-CN").get("/api/sessions/sittings/" + preparatory).expect(200).json();
        assertThat(view.get("quorum").get("due").asInt()).isEqualTo(9);
        assertThat(view.get("quorum").get("present").asInt()).isEqualTo(5);
        assertThat(view.get("quorum").get("onLeave").asInt()).isEqualTo(1);
        assertThat(view.get("quorumText").asString()).isEqualTo("应出席代表9名，实到5名，不足法定人数（须6名）");
        assertThat(office.post("/api/sessions/sittings/" + preparatory + "/open", Map.of()).problem(409).toString())
                .contains("The meeting cannot open: of the 9 due to attend, 5 are present; at least 6 must be.");
        assertThat(office.in("zh-CN").post("/api/sessions/sittings/" + preparatory + "/open", Map.of()).problem(409).toString())
                .contains("不能宣布开会：应出席9名，实到5名，至少须到6名。");

        // two deputies share a name: the desk is asked to choose, and nothing changes
        JsonNode choose = office.post("/api/sessions/sittings/" + preparatory + "/check-in", Map.of("query", "同名代表"))
                .expect(200).json();
        assertThat(choose.get("outcome").asString()).isEqualTo("CHOOSE");
        assertThat(choose.get("choices")).hasSize(2);
        assertThat(choose.get("quorum").get("present").asInt()).isEqualTo(5);
        assertThat(office.post("/api/sessions/sittings/" + preparatory + "/check-in", Map.of("query", "101")).expect(200)
                .json().get("outcome").asString()).isEqualTo("ALREADY_PRESENT");
        assertThat(office.post("/api/sessions/sittings/" + preparatory + "/check-in", Map.of("query", "999")).refusal())
                .containsExactly("query: Nobody on the roster has the card number or name \u201c999\u201d.");

        long chosen = choose.get("choices").get(0).get("id").asLong();
        assertThat(office.post("/api/sessions/sittings/" + preparatory + "/check-in", Map.of("entryId", chosen)).expect(200)
                .json().get("quorum").get("met").asBoolean()).isTrue();
        assertThat(office.in("zh-CN").get("/api/sessions/sittings/" + preparatory).expect(200).json().get("quorumText")
                .asString()).isEqualTo("应出席代表9名，实到6名，符合法定人数");
        assertThat(office.get("/api/sessions/sittings/" + preparatory).expect(200).json().get("quorumText").asString())
                .isEqualTo("Of the 9 deputies due to attend, 6 are present: a quorum.");
        assertThat(office.post("/api/sessions/sittings/" + preparatory + "/open", Map.of()).expect(200).json()
                .get("state").asString()).isEqualTo("OPEN");
    }

    @Test
    void thePreparatoryMeetingAdoptsTheAgendaAndAResolutionPassesWithAMajorityOfAllDeputies() {
        long session = session();
        long preparatory = sitting(session, "PREPARATORY", null);
        long plenary = sitting(session, "PLENARY", 1);
        office.post("/api/sessions/sessions/" + session + "/agenda", Map.of("kind", "REPORT", "titleZh", "听取和审议政府工作报告"))
                .expect(201);
        long resolution = office.post("/api/sessions/sessions/" + session + "/agenda", Map.of("kind", "DECISION",
                "titleZh", "关于政府工作报告的决议")).expect(201).json().get("id").asLong();
        assertThat(office.post("/api/sessions/sessions/" + session + "/agenda/adopt", Map.of()).problem(409).toString())
                .contains("Only the preparatory meeting, once open, elects the presidium and adopts the agenda.");
        checkIn(plenary, "101", "102", "103", "104", "105", "106");
        assertThat(office.post("/api/sessions/sittings/" + plenary + "/open", Map.of()).problem(409).toString())
                .contains("A plenary meeting opens only after the preparatory meeting has adopted the agenda.");

        checkIn(preparatory, "101", "102", "103", "104", "105", "106");
        office.post("/api/sessions/sittings/" + preparatory + "/open", Map.of()).expect(200);
        List<Long> presidium = List.of(office.get("/api/sessions/terms/" + termId + "/roster").expect(200).json().get(0)
                .get("id").asLong());
        assertThat(office.post("/api/sessions/sessions/" + session + "/presidium", Map.of("entryIds", presidium))
                .expect(200).json()).hasSize(1);
        office.post("/api/sessions/sessions/" + session + "/agenda/adopt", Map.of()).expect(200);
        assertThat(office.post("/api/sessions/sessions/" + session + "/agenda", Map.of("kind", "REPORT", "titleZh", "另一项"))
                .problem(409).toString()).contains("The agenda has been adopted and can no longer change.");
        office.post("/api/sessions/sittings/" + preparatory + "/close", Map.of()).expect(200);
        assertThat(office.post("/api/sessions/sittings/" + preparatory + "/check-in", Map.of("query", "107"))
                .problem(409).toString()).contains("This meeting is closed; its roll call can no longer change.");

        assertThat(office.post("/api/sessions/agenda/" + resolution + "/count", Map.of("yes", 5, "no", 1, "abstain", 0))
                .problem(409).toString()).contains("A count is taken at a plenary meeting in session.");
        office.post("/api/sessions/sittings/" + plenary + "/open", Map.of()).expect(200);
        assertThat(office.post("/api/sessions/agenda/" + resolution + "/count", Map.of("yes", 5, "no", 1, "abstain", 1))
                .refusal()).containsExactly("yes: 7 votes counted, but only 6 are present.");
        // four yes of six present is a majority of those present, not of all nine deputies
        JsonNode four = office.post("/api/sessions/agenda/" + resolution + "/count", Map.of("yes", 4, "no", 1, "abstain", 1))
                .expect(200).json();
        assertThat(four.get("adopted").asBoolean()).isFalse();
        assertThat(four.get("required").asInt()).isEqualTo(5);
        assertThat(four.get("due").asInt()).isEqualTo(9);
        JsonNode five = office.post("/api/sessions/agenda/" + resolution + "/count", Map.of("yes", 5, "no", 1, "abstain", 0))
                .expect(200).json();
        assertThat(five.get("adopted").asBoolean()).isTrue();
    }
}
