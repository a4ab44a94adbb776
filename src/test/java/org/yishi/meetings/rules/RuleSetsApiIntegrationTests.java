package org.yishi.meetings.rules;

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
import org.yishi.meetings.Choice;
import org.yishi.meetings.Decision;
import org.yishi.meetings.ItemProceedings;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingState;
import org.yishi.meetings.Outcome;
import org.yishi.meetings.Procedure;
import org.yishi.meetings.VoteMethod;

/**
 * Rule sets through the JSON API: the defaults with their sentences, a body's own rule set, editing one and what that
 * does to counts taken afterwards (and not to decisions already taken), bad input, and who may do what. Each test
 * builds a standing committee of five members of its own, so that nothing it changes reaches another test.
 */
@YishiIntegrationTest("yishi.demo-data=off")
class RuleSetsApiIntegrationTests {

    private static final String PARTY_ZH = "须有过半数的成员到会方能举行会议，三分之二以上的成员到会方能决定干部任免事项；"
            + "赞成票超过应到会成员的半数为通过。";
    private static final String PARTY_EN = "A meeting needs more than half of the members present, and at least two thirds "
            + "to decide appointments; an item is adopted when the yes votes are more than half of the members who should attend.";

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
        body = id(office.create("/api/bodies", Map.of("kind", "STANDING_COMMITTEE", "nameZh", "中共柳溪县委员会常务委员会",
                "nameEn", "Standing Committee of the Liuxi County Party Committee", "shortNameZh", "县委常委会",
                "protocolRank", 120), "/api/bodies/"));
        long term = id(office.create("/api/bodies/" + body + "/terms", Map.of("number", 15, "startsOn", "2021-09-01"),
                "/api/terms/"));
        String[] names = {"周文澜", "吴启明", "郑海燕", "王立群", "冯子健"};
        for (int i = 0; i < names.length; i++) {
            long person = id(office.create("/api/people", Map.of("nameZh", names[i]), "/api/people/"));
            office.create("/api/people/" + person + "/offices", Map.of("bodyId", body, "titleZh",
                    i == 0 ? "县委书记" : "县委常委", "protocolRank", i + 1), "/api/offices/");
            office.create("/api/terms/" + term + "/members", Map.of("personId", person), "/api/memberships/");
            members.add(person);
        }
    }

    @Test
    void theDefaultsComeWithTheirSentenceInBothLanguages() {
        JsonNode english = office.get("/api/rule-sets").expect(200).json();
        assertThat(english.valueStream().map(r -> r.get("code").asString())).contains("party-standing-committee",
                "congress-session", "cppcc-standing-committee", "simple-majority");
        JsonNode party = byCode(english, "party-standing-committee");
        assertThat(party.get("sentence").asString()).isEqualTo(PARTY_EN);
        assertThat(party.get("sentenceEn").asString()).isEqualTo(PARTY_EN);
        assertThat(party.get("sentenceZh").asString()).isEqualTo(PARTY_ZH);
        assertThat(party.get("materialsDays").asInt()).isEqualTo(3);
        // a standing committee without a rule set of its own decides under the default for its kind
        assertThat(party.get("bodies").valueStream().filter(b -> b.get("id").asLong() == body).toList())
                .singleElement().satisfies(b -> assertThat(b.get("assigned").asBoolean()).isFalse());

        JsonNode chinese = office.in("zh-CN").get("/api/rule-sets/" + party.get("id").asLong()).expect(200).json();
        assertThat(chinese.get("sentence").asString()).isEqualTo(PARTY_ZH);
        assertThat(byCode(english, "simple-majority").get("sentenceZh").asString())
                .endsWith("赞成票超过有效表决票（弃权不计）的半数为通过。");

        JsonNode ofBody = office.get("/api/bodies/" + body + "/rule-set").expect(200).json();
        assertThat(ofBody.get("ruleSetId").isNull()).isTrue();
        assertThat(ofBody.get("assigned").asBoolean()).isFalse();
        assertThat(ofBody.get("rules").get("code").asString()).isEqualTo("party-standing-committee");
    }

    @Test
    void editingABodysRuleSetChangesLaterCountsAndNotDecisionsTaken() {
        String code = "liuxi-" + System.nanoTime() % 1_000_000;
        Map<String, Object> rules = rules(code, 1, 2, true);
        JsonNode created = office.create("/api/rule-sets", rules, "/api/rule-sets/");
        long ruleSetId = id(created);
        assertThat(created.get("sentenceZh").asString()).isEqualTo(PARTY_ZH);
        JsonNode assigned = office.put("/api/bodies/" + body + "/rule-set", Map.of("ruleSetId", ruleSetId)).expect(200).json();
        assertThat(assigned.get("ruleSetId").asLong()).isEqualTo(ruleSetId);
        assertThat(assigned.get("rules").get("code").asString()).isEqualTo(code);

        // five members; one is checked in as on leave, four are present; three vote yes and one no on each item
        Meeting meeting = held();
        long first = meeting.items().get(0).id();
        long second = meeting.items().get(1).id();
        Decision before = vote(first, 3, 1);
        assertThat(before.outcome()).isEqualTo(Outcome.ADOPTED);
        assertThat(before.threshold()).isEqualTo("2.5");

        // now the yes votes must reach at least two thirds of the members who should attend
        rules.put("majorityNum", 2);
        rules.put("majorityDen", 3);
        rules.put("majorityStrict", false);
        JsonNode edited = office.in("zh-CN").put("/api/rule-sets/" + ruleSetId, rules).expect(200).json();
        assertThat(edited.get("sentence").asString()).endsWith("赞成票达到应到会成员的三分之二为通过。");
        assertThat(edited.get("version").asInt()).isEqualTo(created.get("version").asInt() + 1);

        Decision after = vote(second, 3, 1);
        assertThat(after.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(after.basis()).isEqualTo(5);
        assertThat(after.threshold()).isEqualTo("3.33");
        assertThat(after.strictlyMore()).isFalse();

        ItemProceedings earlier = procedure.proceedings(meeting.id()).get(first);
        assertThat(earlier.decision().outcome()).isEqualTo(Outcome.ADOPTED);
        assertThat(earlier.decision().threshold()).isEqualTo("2.5");
        assertThat(earlier.decision().strictlyMore()).isTrue();
        assertThat(earlier.decision().ruleSetCode()).isEqualTo(code);

        // back to the default for its kind
        JsonNode reset = office.put("/api/bodies/" + body + "/rule-set", java.util.Collections.singletonMap("ruleSetId", null))
                .expect(200).json();
        assertThat(reset.get("ruleSetId").isNull()).isTrue();
        assertThat(reset.get("rules").get("code").asString()).isEqualTo("party-standing-committee");
    }

    @Test
    void badInputListsEveryFieldAndChangesNothing() {
        JsonNode party = byCode(office.get("/api/rule-sets").expect(200).json(), "party-standing-committee");
        long id = id(party);
        Map<String, Object> bad = rules("Not A Code", 3, 2, true);
        bad.put("nameZh", " ");
        bad.put("personnelNum", 1);
        bad.put("personnelDen", 1);
        bad.put("personnelStrict", true);
        bad.put("base", null);
        bad.put("materialsDays", 99);

        List<String> errors = office.put("/api/rule-sets/" + id, bad).refusal();

        assertThat(errors).extracting(e -> e.substring(0, e.indexOf(':')))
                .containsExactlyInAnyOrder("code", "nameZh", "quorumNum", "personnelNum", "base", "materialsDays");
        assertThat(errors).contains("materialsDays: The materials deadline is a number of days from 0 to 60.");
        assertThat(office.get("/api/rule-sets/" + id).expect(200).json()).isEqualTo(party);

        Map<String, Object> taken = rules("party-standing-committee", 1, 2, true);
        assertThat(office.in("zh-CN").post("/api/rule-sets", taken).refusal())
                .containsExactly("code: 已有代码为 party-standing-committee 的议事规则。");
        assertThat(office.get("/api/rule-sets").json().valueStream()
                .filter(r -> r.get("code").asString().equals("party-standing-committee")).count()).isEqualTo(1);
    }

    @Test
    void membersAndSupervisionReadTheRulesAndOnlyTheOfficeChangesThem() {
        long id = id(byCode(office.get("/api/rule-sets").json(), "party-standing-committee"));
        Map<String, Object> same = rules("party-standing-committee", 1, 2, true);
        same.put("nameZh", "党委常委会议事规则");
        for (String role : List.of("supervision", "reader")) {
            Api api = new Api(http).signedInAs(TestAccounts.of(accounts, role));
            boolean reads = role.equals("supervision");
            api.get("/api/rule-sets").expect(reads ? 200 : 403);
            api.get("/api/bodies/" + body + "/rule-set").expect(reads ? 200 : 403);
            api.put("/api/rule-sets/" + id, same).problem(403);
            api.post("/api/rule-sets", rules("by-" + role, 1, 2, true)).problem(403);
            api.put("/api/bodies/" + body + "/rule-set", Map.of("ruleSetId", id)).problem(403);
        }
        Api member = new Api(http).signedInAs(TestAccounts.member(accounts, members.get(1)));
        assertThat(byCode(member.get("/api/rule-sets").expect(200).json(), "party-standing-committee")
                .get("sentence").asString()).isEqualTo(PARTY_EN);
        member.put("/api/rule-sets/" + id, same).problem(403);
        assertThat(office.get("/api/bodies/" + body + "/rule-set").json().get("assigned").asBoolean()).isFalse();
        assertThat(office.get("/api/rule-sets").json().valueStream().map(r -> r.get("code").asString()))
                .doesNotContain("by-supervision", "by-reader");
    }

    /** Issue 11: renaming the default rule set answered 500, yet committed, and then no meeting page could be shown. */
    @Test
    void aCodeInUseCannotBeRenamedAndAnUnusedOneCan() {
        JsonNode party = byCode(office.get("/api/rule-sets").expect(200).json(), "party-standing-committee");
        Map<String, Object> renamed = rules("party-renamed", party.get("quorumNum").asInt(), party.get("quorumDen").asInt(),
                party.get("quorumStrict").asBoolean());
        JsonNode problem = office.put("/api/rule-sets/" + party.get("id").asLong(), renamed).problem(409);
        assertThat(problem.get("detail").asString()).contains("party-standing-committee").contains("cannot be changed");
        assertThat(office.get("/api/rule-sets").json().valueStream().map(r -> r.get("code").asString()))
                .contains("party-standing-committee").doesNotContain("party-renamed");
        Meeting meeting = held();
        assertThat(office.get("/api/meetings/" + meeting.id()).expect(200).json().get("id").asLong()).isEqualTo(meeting.id());

        long own = id(office.create("/api/rule-sets", rules("liuxi-fresh", 1, 2, true), "/api/rule-sets/"));
        assertThat(office.put("/api/rule-sets/" + own, rules("liuxi-renamed", 1, 2, true)).expect(200).json()
                .get("code").asString()).isEqualTo("liuxi-renamed");
        office.put("/api/bodies/" + body + "/rule-set", Map.of("ruleSetId", own)).expect(200);
        office.in("zh-CN").put("/api/rule-sets/" + own, rules("liuxi-again", 1, 2, true)).problem(409);
    }

    /** A meeting of the committee planned, notified, checked in (one member on leave) and opened, with two items. */
    private Meeting held() {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("bodyId", body);
        draft.put("date", "2024-05-20");
        draft.put("presidingPersonId", members.getFirst());
        draft.put("present", members);
        draft.put("items", List.of(
                Map.of("kind", "DELIBERATE", "titleZh", "审议《柳溪县国土空间总体规划》", "collectiveDecision", true),
                Map.of("kind", "DELIBERATE", "titleZh", "审议《柳溪县重大项目投资计划》", "collectiveDecision", true)));
        long id = id(office.create("/api/meetings", draft, "/api/meetings/"));
        procedure.notify(id);
        procedure.checkIn(id, members.getLast(), Procedure.Attendance.ON_LEAVE, "出差");
        Meeting open = procedure.open(id);
        assertThat(open.state()).isEqualTo(MeetingState.OPEN);
        assertThat(open.present()).hasSize(4);
        return open;
    }

    private Decision vote(long itemId, int yes, int no) {
        procedure.openVote(itemId, VoteMethod.SHOW_OF_HANDS);
        for (int i = 0; i < yes + no; i++) {
            procedure.cast(itemId, members.get(i), i < yes ? Choice.YES : Choice.NO);
        }
        return procedure.count(itemId, null, null, null, false);
    }

    private static Map<String, Object> rules(String code, int quorumNum, int quorumDen, boolean quorumStrict) {
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("code", code);
        rules.put("nameZh", "柳溪县委常委会议事规则");
        rules.put("nameEn", "Liuxi County standing committee");
        rules.put("quorumNum", quorumNum);
        rules.put("quorumDen", quorumDen);
        rules.put("quorumStrict", quorumStrict);
        rules.put("personnelNum", 2);
        rules.put("personnelDen", 3);
        rules.put("personnelStrict", false);
        rules.put("base", "MEMBERS_DUE");
        rules.put("majorityNum", 1);
        rules.put("majorityDen", 2);
        rules.put("majorityStrict", true);
        rules.put("materialsDays", 3);
        return rules;
    }

    private static JsonNode byCode(JsonNode all, String code) {
        return all.valueStream().filter(r -> r.get("code").asString().equals(code)).findFirst().orElseThrow();
    }

    private static long id(JsonNode node) {
        return node.get("id").asLong();
    }
}
