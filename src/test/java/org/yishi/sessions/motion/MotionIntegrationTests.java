package org.yishi.sessions.motion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
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

/** Motions and the co-signer rule: ten deputies of the term at county level, five at township level. */
@YishiIntegrationTest("yishi.demo-data=off")
class MotionIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    Accounts accounts;

    @Autowired
    Directory directory;

    Api office;

    @BeforeEach
    void signIn() {
        office = new Api(http).signedInAs(TestAccounts.of(accounts, "congress-office"));
    }

    /** A session of a new term of a new body, with this many deputies numbered from {@code prefix}1. */
    private long session(BodyKind kind, String level, String prefix, int deputies) {
        Body body = directory.createBody(new BodyDraft(kind, prefix + "人民代表大会", null, null, null, 20));
        Map<String, Object> opening = new HashMap<>(Map.of("bodyId", body.id(), "number", 3, "startsOn", "2021-10-01"));
        opening.put("level", level);
        long term = office.post("/api/sessions/terms", opening).expect(201).json().get("termId").asLong();
        String group = kind == BodyKind.CONGRESS ? "DELEGATION" : "SECTOR";
        office.post("/api/sessions/terms/" + term + "/groups", Map.of("kind", group, "nameZh", "第一组")).expect(201);
        for (int i = 1; i <= deputies; i++) {
            office.post("/api/sessions/terms/" + term + "/roster", Map.of("nameZh", prefix + "代表" + i,
                    "cardNumber", prefix + i, "group", "第一组")).expect(201);
        }
        return office.post("/api/sessions/terms/" + term + "/sessions", Map.of("number", 2, "opensOn", "2024-01-08",
                "closesOn", "2024-01-10")).expect(201).json().get("id").asLong();
    }

    private static List<String> cards(String prefix, int n) {
        List<String> cards = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            cards.add(prefix + i);
        }
        return cards;
    }

    private static Map<String, Object> byDeputies(List<String> signers) {
        return Map.of("proposer", "DEPUTIES", "signers", signers, "subject", "关于加快城区老旧小区改造的议案",
                "grounds", "部分小区管网老化。", "solution", "制定三年改造计划。");
    }

    @Test
    void atCountyLevelTenDeputiesOfTheTermMustSign() {
        long session = session(BodyKind.CONGRESS, "COUNTY", "A", 12);
        assertThat(office.in("zh-CN").post("/api/sessions/sessions/" + session + "/motions", byDeputies(cards("A", 9)))
                .refusal()).containsExactly("signers: 代表联名向县级人民代表大会提出议案，须有10名以上代表联名（地方组织法第二十二条）；本议案只有9名。");
        List<String> withStranger = new ArrayList<>(cards("A", 10));
        withStranger.set(3, "X999");
        withStranger.add("A1");
        assertThat(office.post("/api/sessions/sessions/" + session + "/motions", byDeputies(withStranger)).refusal())
                .containsExactly("signers[3]: Card number \u201cX999\u201d is not a deputy of this term; only its deputies may sign.",
                        "signers[10]: The deputy with card number \u201cA1\u201d signs twice.");
        assertThat(office.get("/api/sessions/sessions/" + session + "/motions").expect(200).json()).isEmpty();

        JsonNode motion = office.create("/api/sessions/sessions/" + session + "/motions", byDeputies(cards("A", 10)),
                "/api/sessions/motions/");
        assertThat(motion.get("number").asInt()).isEqualTo(1);
        assertThat(motion.get("signers")).hasSize(10);
        assertThat(motion.get("signers").get(0).get("cardNumber").asString()).isEqualTo("A1");
        assertThat(office.post("/api/sessions/motions/" + motion.get("id").asLong() + "/decide", Map.of("outcome", "AS_SUGGESTION"))
                .expect(200).json().get("state").asString()).isEqualTo("AS_SUGGESTION");
        assertThat(office.post("/api/sessions/motions/" + motion.get("id").asLong() + "/decide", Map.of("outcome", "ON_AGENDA"))
                .problem(409).toString()).contains("The presidium has already decided on this motion.");
    }

    @Test
    void atTownshipLevelFiveSufficeAndAMotionStatesItsSubjectGroundsAndSolution() {
        long session = session(BodyKind.CONGRESS, "TOWNSHIP", "B", 6);
        assertThat(office.post("/api/sessions/sessions/" + session + "/motions", byDeputies(cards("B", 4))).refusal())
                .containsExactly("signers: A motion by deputies needs at least 5 co-signing deputies at a township-level "
                        + "congress (Local Organic Law, art. 22); this one has 4.");
        office.post("/api/sessions/sessions/" + session + "/motions", byDeputies(cards("B", 5))).expect(201);
        assertThat(office.post("/api/sessions/sessions/" + session + "/motions", Map.of("proposer", "DELEGATION",
                "delegation", "第九组", "subject", " ")).refusal()).containsExactly(
                        "grounds: Grounds is required.", "solution: Proposed solution is required.",
                        "subject: Subject is required.",
                        "delegation: There is no Delegation \u201c第九组\u201d in this term; add it first.");
        office.post("/api/sessions/sessions/" + session + "/motions", Map.of("proposer", "DELEGATION", "delegation", "第一组",
                "subject", "关于修缮乡村道路的议案", "grounds", "道路破损。", "solution", "列入年度计划。")).expect(201);
        assertThat(office.get("/api/sessions/sessions/" + session + "/motions").expect(200).json()).hasSize(2);
    }

    @Test
    void aMotionAfterThePresidiumsDeadlineIsRefusedAndTheCppccMakesNoMotions() {
        long session = session(BodyKind.CONGRESS, "COUNTY", "C", 10);
        office.post("/api/sessions/sessions/" + session + "/motions/deadline", Map.of("until", "2024-01-09T12:00:00+08:00"))
                .expect(204);
        assertThat(office.post("/api/sessions/sessions/" + session + "/motions", byDeputies(cards("C", 10))).problem(409)
                .toString()).contains("deadline for motions").contains("has passed.");
        long conference = session(BodyKind.CPPCC, "COUNTY", "D", 2);
        assertThat(office.post("/api/sessions/sessions/" + conference + "/motions", byDeputies(cards("D", 2))).problem(409)
                .toString()).contains("Motions are made at a people's congress; CPPCC members make proposals.");
    }
}
