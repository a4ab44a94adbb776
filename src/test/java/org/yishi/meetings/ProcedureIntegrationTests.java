package org.yishi.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.yishi.meetings.rules.RuleSet;
import org.yishi.meetings.rules.RuleSets;
import org.yishi.meetings.rules.RulesOfProcedure;

/**
 * Running meetings of the Heshan District Standing Committee (nine members, as in the demo data) through the API:
 * the quorum, the decision rule against the members who should attend, recusals, secret ballots, and every refusal
 * the rules of procedure call for, each with its reason and each changing nothing.
 */
@YishiIntegrationTest("yishi.demo-data=on")
class ProcedureIntegrationTests {

    private static final List<String> NINE = List.of("Zhang Chao", "Xing Yufu", "Zhou Xiang", "Tian Qingchang",
            "Wang Chunlei", "Su Yuxin", "Wang Fei", "Wang Junhong", "Guo Xueguang");

    @Autowired
    JdbcClient jdbc;

    private Api office;
    private long body;
    private static int day = 0;

    @BeforeEach
    void signIn(@Autowired RestTestClient http, @Autowired Accounts accounts) {
        office = new Api(http).signedInAs(TestAccounts.of(accounts, "office")).in("en");
        body = jdbc.sql("select id from body where name_en = 'Standing Committee of the Heshan District Party Committee'")
                .query(Long.class).single();
    }

    private long person(String romanized) {
        return jdbc.sql("select id from person where name_romanized = :n").param("n", romanized).query(Long.class).single();
    }

    /** Plans a meeting on a day of its own in 2023, with the given members expected and the given items. */
    private long plan(List<String> present, List<Map<String, Object>> items) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("bodyId", body);
        synchronized (ProcedureIntegrationTests.class) {
            draft.put("date", java.time.LocalDate.of(2023, 3, 1).plusDays(day++).toString());
        }
        draft.put("presidingPersonId", person("Zhang Chao"));
        draft.put("present", present.stream().map(this::person).toList());
        draft.put("items", items);
        return office.create("/api/meetings", draft, "/api/meetings/").get("id").asLong();
    }

    private static Map<String, Object> item(String kind, String titleZh) {
        return Map.of("kind", kind, "titleZh", titleZh, "titleEn", titleZh);
    }

    private List<Long> items(long meeting) {
        List<Long> ids = new ArrayList<>();
        office.get("/api/meetings/" + meeting).expect(200).json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private long opened(List<String> present, List<Map<String, Object>> items) {
        long meeting = plan(present, items);
        office.post("/api/meetings/" + meeting + "/notify", Map.of()).expect(200);
        office.post("/api/meetings/" + meeting + "/open", Map.of()).expect(200);
        return meeting;
    }

    private void vote(long item, String method) {
        office.post("/api/items/" + item + "/vote", Map.of("method", method)).expect(204);
    }

    private void cast(long item, String who, String choice) {
        office.post("/api/items/" + item + "/ballots", choice == null ? Map.of("personId", person(who))
                : Map.of("personId", person(who), "choice", choice)).expect(204);
    }

    private String refusal(Api.Answer answer) {
        return answer.problem(409).get("detail").asString();
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void theSeedMeetingWasHeldWithNineMembersAndDecidedAgainstTheNineWhoShouldAttend() {
        long seed = jdbc.sql("select id from meeting where held_on = '2023-02-27'").query(Long.class).single();
        JsonNode standing = office.get("/api/meetings/" + seed + "/proceedings").expect(200).json();

        assertThat(standing.get("state").asString()).isEqualTo("CLOSED");
        assertThat(standing.get("sequence").asInt()).isEqualTo(1);
        assertThat(standing.get("quorum").get("explanation").asString())
                .isEqualTo("9 members should attend and 9 are present; 5 are needed: the meeting may be held.");
        JsonNode implementation = standing.get("items").get(1);
        assertThat(implementation.get("proceedings").get("decision").get("outcome").asString()).isEqualTo("ADOPTED");
        assertThat(implementation.get("explanation").asString()).isEqualTo("9 members should attend; 9 yes > 4.5: adopted.");
        assertThat(standing.get("items").get(0).get("explanation").asString()).isEqualTo("Decided without a vote: Adopted.");
    }

    @Test
    void sixYesOfNineAdoptWhateverTheAttendanceAndFourYesOfTheSevenPresentDoNot() {
        // seven present: six yes adopts (6 > 4.5), four yes does not although it is a majority of those present
        List<String> seven = NINE.subList(0, 7);
        long meeting = opened(seven, List.of(item("DELIBERATE", "审议甲方案"), item("DELIBERATE", "审议乙方案")));
        List<Long> items = items(meeting);
        vote(items.get(0), "NAMED");
        for (int i = 0; i < 7; i++) {
            cast(items.get(0), seven.get(i), i < 6 ? "YES" : "NO");
        }
        JsonNode adopted = office.post("/api/items/" + items.get(0) + "/count", Map.of()).expect(200).json();
        assertThat(adopted.get("decision").get("outcome").asString()).isEqualTo("ADOPTED");
        assertThat(adopted.get("explanation").asString()).isEqualTo("9 members should attend; 6 yes > 4.5: adopted.");

        vote(items.get(1), "SHOW_OF_HANDS");
        for (int i = 0; i < 7; i++) {
            cast(items.get(1), seven.get(i), i < 4 ? "YES" : i < 6 ? "NO" : "ABSTAIN");
        }
        JsonNode rejected = office.post("/api/items/" + items.get(1) + "/count", Map.of()).expect(200).json();
        assertThat(rejected.get("decision").get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("explanation").asString()).isEqualTo("9 members should attend; 4 yes ≤ 4.5: rejected.");
    }

    @Test
    void openingIsRefusedWithTheNumbersBelowTheQuorumAndAllowedAtIt() {
        long meeting = plan(NINE.subList(0, 4), List.of(item("DELIBERATE", "审议丙方案")));
        office.post("/api/meetings/" + meeting + "/notify", Map.of()).expect(200);

        assertThat(refusal(office.post("/api/meetings/" + meeting + "/open", Map.of())))
                .isEqualTo("The meeting cannot be opened: 9 members should attend, 4 are present and 5 are needed.");
        assertThat(office.get("/api/meetings/" + meeting).expect(200).json().get("state").asString()).isEqualTo("NOTIFIED");

        office.put("/api/meetings/" + meeting + "/attendance/" + person("Wang Fei"), Map.of("status", "PRESENT")).expect(200);
        JsonNode open = office.post("/api/meetings/" + meeting + "/open", Map.of()).expect(200).json();
        assertThat(open.get("state").asString()).isEqualTo("OPEN");
    }

    @Test
    void aMeetingThatHasLostItsQuorumDecidesNothingNotEvenARejection() {
        // five of nine present: the quorum (more than half) is met; then one member leaves the open meeting
        List<String> five = NINE.subList(0, 5);
        long meeting = opened(five, List.of(item("DELIBERATE", "审议丁方案"), item("DELIBERATE", "审议戊方案")));
        List<Long> items = items(meeting);
        vote(items.get(0), "NAMED");
        for (String member : five) {
            cast(items.get(0), member, "NO");
        }
        office.put("/api/meetings/" + meeting + "/attendance/" + person(five.get(4)),
                Map.of("status", "ON_LEAVE", "reason", "另有公务")).expect(200);

        String lost = "Nothing can be decided now: the meeting has lost its quorum (9 members should attend, 4 are present "
                + "and 5 are needed).";
        assertThat(refusal(office.post("/api/items/" + items.get(0) + "/count", Map.of()))).isEqualTo(lost);
        assertThat(refusal(office.post("/api/items/" + items.get(1) + "/decision", Map.of("outcome", "DEFERRED"))))
                .isEqualTo(lost);
        assertThat(refusal(office.post("/api/items/" + items.get(1) + "/vote", Map.of("method", "SHOW_OF_HANDS"))))
                .isEqualTo(lost);
        JsonNode proceedings = office.get("/api/meetings/" + meeting + "/proceedings").expect(200).json();
        for (JsonNode undecided : List.of(proceedings.get("items").get(0), proceedings.get("items").get(1))) {
            JsonNode decision = undecided.get("proceedings").path("decision");
            assertThat(decision.isNull() || decision.isMissingNode()).as("decision of %s", undecided).isTrue();
        }

        // the member comes back: the quorum is met again and the count goes through
        office.put("/api/meetings/" + meeting + "/attendance/" + person(five.get(4)), Map.of("status", "PRESENT"))
                .expect(200);
        JsonNode rejected = office.post("/api/items/" + items.get(0) + "/count", Map.of()).expect(200).json();
        assertThat(rejected.get("decision").get("outcome").asString()).isEqualTo("REJECTED");
    }

    @Test
    void aRecusedMemberLeavesTheBaseAndCannotVote() {
        long meeting = opened(NINE, List.of(item("DELIBERATE", "研究某工程项目")));
        long item = items(meeting).getFirst();
        office.post("/api/items/" + item + "/recusals", Map.of("personId", person("Wang Fei"), "reason", "其亲属参与该项目"))
                .expect(204);
        vote(item, "NAMED");

        assertThat(refusal(office.post("/api/items/" + item + "/ballots",
                Map.of("personId", person("Wang Fei"), "choice", "YES"))))
                .isEqualTo("Wang Fei is recused from item 1 and does not vote on it.");
        assertThat(refusal(office.post("/api/items/" + item + "/opinions",
                Map.of("personId", person("Wang Fei"), "text", "同意"))))
                .isEqualTo("Wang Fei is recused from this item and does not discuss it.");
        List<String> others = NINE.stream().filter(n -> !n.equals("Wang Fei")).toList();
        for (int i = 0; i < others.size(); i++) {
            cast(item, others.get(i), i < 4 ? "YES" : "NO");
        }
        JsonNode counted = office.post("/api/items/" + item + "/count", Map.of()).expect(200).json();

        // 8 who should attend once the recused member is left out: 4 yes is not more than half of them
        assertThat(counted.get("explanation").asString()).isEqualTo("9 members should attend, 1 recused, so 8 count; 4 yes ≤ 4: rejected.");
        assertThat(counted.get("decision").get("recused").asInt()).isEqualTo(1);
    }

    @Test
    void aSecretBallotKeepsWhoVotedAndTheCountsButNeverWhoChoseWhat() {
        long meeting = opened(NINE, List.of(item("PERSONNEL", "研究干部任免事项")));
        long item = items(meeting).getFirst();
        vote(item, "SECRET");
        assertThat(refusal(office.post("/api/items/" + item + "/ballots",
                Map.of("personId", person("Zhang Chao"), "choice", "YES"))))
                .startsWith("In a secret ballot only the fact of voting is recorded");
        NINE.forEach(n -> cast(item, n, null));

        assertThat(refusal(office.post("/api/items/" + item + "/count", Map.of("yes", 7, "no", 1, "abstain", 0))))
                .isEqualTo("The counts add up to 8, but 9 ballots were cast.");
        JsonNode counted = office.post("/api/items/" + item + "/count", Map.of("yes", 7, "no", 1, "abstain", 1))
                .expect(200).json();

        assertThat(counted.get("explanation").asString()).isEqualTo("9 members should attend; 7 yes > 4.5: adopted.");
        assertThat(jdbc.sql("select count(*) from ballot where item_id = :i").param("i", item).query(Long.class).single())
                .isEqualTo(9);
        assertThat(jdbc.sql("select count(*) from ballot where item_id = :i and choice is not null").param("i", item)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select after_json from audit_entry where action = 'vote.cast' and subject_id = :i")
                .param("i", String.valueOf(item)).query(String.class).list())
                .hasSize(9).noneMatch(a -> a.contains("YES") || a.contains("NO") || a.contains("choice"));
        JsonNode ballots = office.get("/api/meetings/" + meeting + "/proceedings").expect(200).json()
                .get("items").get(0).get("proceedings").get("vote").get("ballots");
        assertThat(ballots.valueStream().map(b -> b.get("choice").isNull())).hasSize(9).containsOnly(true);
    }

    @Test
    void everyWrongBallotIsRefusedAndChangesNothing() {
        long meeting = opened(NINE.subList(0, 8), List.of(item("DELIBERATE", "审议丁方案"), item("DELIBERATE", "审议戊方案")));
        List<Long> items = items(meeting);
        long item = items.getFirst();

        assertThat(refusal(office.post("/api/items/" + item + "/ballots", Map.of("personId", person("Zhang Chao"), "choice", "YES"))))
                .isEqualTo("There is no open vote on item 1.");
        vote(item, "NAMED");
        assertThat(refusal(office.post("/api/items/" + item + "/vote", Map.of("method", "ORAL"))))
                .isEqualTo("A vote has already been taken on item 1.");
        cast(item, "Zhang Chao", "YES");
        long ballots = rows("ballot");

        assertThat(refusal(office.post("/api/items/" + item + "/ballots", Map.of("personId", person("Zhang Chao"), "choice", "NO"))))
                .isEqualTo("Zhang Chao has already voted on item 1.");
        assertThat(refusal(office.post("/api/items/" + item + "/ballots", Map.of("personId", person("Guo Xueguang"), "choice", "YES"))))
                .isEqualTo("Guo Xueguang is not present and cannot vote; no proxy votes are taken.");
        assertThat(refusal(office.post("/api/items/" + item + "/ballots", Map.of("personId", person("Qi Tielin"), "choice", "YES"))))
                .isEqualTo("Qi Tielin is not a member of the body and has no vote.");
        assertThat(office.post("/api/items/" + item + "/ballots", Map.of("personId", person("Xing Yufu")))
                .problem(400).get("errors").get(0).get("field").asString()).isEqualTo("choice");
        assertThat(refusal(office.post("/api/items/" + item + "/count", Map.of("yes", 1, "no", 0, "abstain", 0))))
                .isEqualTo("The counts follow from the ballots recorded; they are entered only for a secret ballot.");
        assertThat(rows("ballot")).isEqualTo(ballots);

        // after the count no more ballots; a meeting with an open vote does not close; after closing nothing is taken
        office.post("/api/items/" + item + "/count", Map.of()).expect(200);
        assertThat(refusal(office.post("/api/items/" + item + "/ballots", Map.of("personId", person("Xing Yufu"), "choice", "YES"))))
                .isEqualTo("The vote on item 1 has been counted: no more ballots.");
        vote(items.get(1), "ORAL");
        assertThat(refusal(office.post("/api/meetings/" + meeting + "/close", Map.of())))
                .isEqualTo("The vote on item 2 is still open: count it, or decide the item otherwise, before closing.");
        office.post("/api/items/" + items.get(1) + "/decision", Map.of("outcome", "DEFERRED")).expect(200);
        office.post("/api/meetings/" + meeting + "/close", Map.of()).expect(200);
        assertThat(refusal(office.post("/api/items/" + items.get(1) + "/vote", Map.of("method", "ORAL"))))
                .isEqualTo("The meeting is Closed, not in session: this can only be done while it is in session.");
        assertThat(rows("ballot")).isEqualTo(ballots);
    }

    @Test
    void appointmentsNeedTwoThirdsPresentAndMajorMattersNeedAVote() {
        // five of nine: enough to meet (5 > 4.5), not enough to decide appointments (6 needed)
        long meeting = opened(NINE.subList(0, 5), List.of(item("PERSONNEL", "研究干部任免事项"),
                Map.of("kind", "DELIBERATE", "titleZh", "研究重大项目投资", "collectiveDecision", true),
                item("HEAR_REPORT", "听取汇报")));
        List<Long> items = items(meeting);

        assertThat(refusal(office.post("/api/items/" + items.get(0) + "/vote", Map.of("method", "SECRET"))))
                .isEqualTo("Appointments cannot be decided: 9 members should attend, 5 are present and 6 are needed for appointments.");
        assertThat(refusal(office.post("/api/items/" + items.get(0) + "/decision", Map.of("outcome", "ADOPTED"))))
                .isEqualTo("Item 1 is a major matter (三重一大) or an appointment and must be decided by a vote.");
        assertThat(refusal(office.post("/api/items/" + items.get(1) + "/decision", Map.of("outcome", "ADOPTED_IN_PRINCIPLE"))))
                .isEqualTo("Item 2 is a major matter (三重一大) or an appointment and must be decided by a vote.");
        assertThat(refusal(office.post("/api/items/" + items.get(2) + "/decision", Map.of("outcome", "REJECTED"))))
                .isEqualTo("Item 3 can only be rejected by a vote.");
        assertThat(rows("decision where item_id = any(array[" + items.get(0) + "," + items.get(1) + "," + items.get(2) + "])"))
                .isZero();

        // a sixth member arrives: appointments may now be decided
        office.put("/api/meetings/" + meeting + "/attendance/" + person("Wang Fei"), Map.of("status", "PRESENT")).expect(200);
        vote(items.get(0), "SECRET");
        office.post("/api/items/" + items.get(2) + "/decision", Map.of("outcome", "ADOPTED")).expect(200);
    }

    @Test
    void anAdHocItemIsDecidedOnlyWithThePresidingPersonsConsent() {
        long meeting = opened(NINE, List.of(item("DELIBERATE", "审议己方案")));
        JsonNode withItem = office.post("/api/meetings/" + meeting + "/items",
                Map.of("kind", "DELIBERATE", "titleZh", "临时动议：研究节日值班安排")).expect(200).json();
        long adHoc = withItem.get("items").get(1).get("id").asLong();
        assertThat(withItem.get("items").get(1).get("adHoc").asBoolean()).isTrue();

        assertThat(refusal(office.post("/api/items/" + adHoc + "/vote", Map.of("method", "ORAL"))))
                .isEqualTo("Item 2 was raised at the meeting: record the presiding person's consent before it is decided.");
        assertThat(refusal(office.post("/api/items/" + adHoc + "/decision", Map.of("outcome", "ADOPTED"))))
                .isEqualTo("Item 2 was raised at the meeting: record the presiding person's consent before it is decided.");
        office.post("/api/items/" + adHoc + "/consent", Map.of()).expect(204);
        office.post("/api/items/" + adHoc + "/decision", Map.of("outcome", "ADOPTED")).expect(200);
    }

    @Test
    void writtenOpinionsOfAbsentMembersAreRecordedAndNeverCounted() {
        long meeting = opened(NINE.subList(0, 8), List.of(item("DELIBERATE", "审议庚方案")));
        long item = items(meeting).getFirst();
        office.post("/api/items/" + item + "/opinions", Map.of("personId", person("Guo Xueguang"), "written", true,
                "text", "同意该方案。")).expect(200);
        assertThat(refusal(office.post("/api/items/" + item + "/opinions", Map.of("personId", person("Zhang Chao"),
                "written", true, "text", "同意。"))))
                .isEqualTo("Zhang Chao is present: record what they say at the meeting, not a written opinion.");
        assertThat(refusal(office.post("/api/items/" + item + "/opinions", Map.of("personId", person("Guo Xueguang"),
                "text", "同意。"))))
                .isEqualTo("Guo Xueguang is not present at the meeting; an absent member may send a written opinion.");
        vote(item, "SHOW_OF_HANDS");
        for (String n : NINE.subList(0, 4)) {
            cast(item, n, "YES");
        }
        for (String n : NINE.subList(4, 8)) {
            cast(item, n, "NO");
        }
        JsonNode counted = office.post("/api/items/" + item + "/count", Map.of()).expect(200).json();
        // the absent member's written "agree" is not a fifth yes
        assertThat(counted.get("explanation").asString()).isEqualTo("9 members should attend; 4 yes ≤ 4.5: rejected.");
    }

    // ------------------------------------------------------------------------------------------- corrections (issue 12)

    private String audited(String action, long subject) {
        return jdbc.sql("select coalesce(before_json, '') || ' -> ' || coalesce(after_json, '') from audit_entry "
                + "where action = :a and subject_id = :s order by id desc limit 1").param("a", action)
                .param("s", String.valueOf(subject)).query(String.class).single();
    }

    private String choiceOf(long item, String who) {
        return jdbc.sql("select choice from ballot where item_id = :i and person_id = :p").param("i", item)
                .param("p", person(who)).query(String.class).optional().orElse("none");
    }

    @Test
    void aBallotRecordedByMistakeIsCorrectedBeforeTheCountWithAReasonAndAudited() {
        long meeting = opened(NINE, List.of(item("DELIBERATE", "审议更正方案")));
        long item = items(meeting).getFirst();
        vote(item, "SHOW_OF_HANDS");
        cast(item, "Zhang Chao", "YES");
        String correction = "/api/items/" + item + "/ballots/" + person("Zhang Chao") + "/correction";

        assertThat(office.post(correction, Map.of("choice", "NO")).refusal())
                .containsExactly("reason: Give the reason for the correction.");
        assertThat(refusal(office.post(correction, Map.of("choice", "YES", "reason", "误点"))))
                .isEqualTo("Zhang Chao's ballot is already recorded as Yes; nothing to correct.");
        assertThat(refusal(office.post("/api/items/" + item + "/ballots/" + person("Xing Yufu") + "/correction",
                Map.of("choice", "NO", "reason", "误点"))))
                .isEqualTo("Xing Yufu has not voted on item 1; there is no ballot to correct.");
        assertThat(choiceOf(item, "Zhang Chao")).as("refusals change nothing").isEqualTo("YES");

        office.post(correction, Map.of("choice", "NO", "reason", "举手时记错")).expect(204);
        assertThat(choiceOf(item, "Zhang Chao")).isEqualTo("NO");
        assertThat(audited("vote.correct-ballot", item)).contains("\"choice\":\"YES\"").contains("\"choice\":\"NO\"")
                .contains("举手时记错");
        // taken back altogether: the member had not voted
        office.post(correction, Map.of("reason", "记错了人")).expect(204);
        assertThat(choiceOf(item, "Zhang Chao")).isEqualTo("none");

        for (String n : NINE) {
            cast(item, n, "YES");
        }
        office.post("/api/items/" + item + "/count", Map.of()).expect(200);
        assertThat(refusal(office.post(correction, Map.of("choice", "NO", "reason", "计票后"))))
                .isEqualTo("The vote on item 1 has been counted: no more ballots.");
        assertThat(choiceOf(item, "Zhang Chao")).isEqualTo("YES");
    }

    @Test
    void aShowOfHandsIsRecordedInOneStepAsAllInFavourExcept() {
        long meeting = opened(NINE.subList(0, 8), List.of(item("DELIBERATE", "审议举手方案"), item("DELIBERATE", "审议记名方案")));
        List<Long> items = items(meeting);
        long hands = items.get(0);
        office.post("/api/items/" + hands + "/recusals", Map.of("personId", person("Wang Fei"), "reason", "亲属关系")).expect(204);
        vote(hands, "SHOW_OF_HANDS");
        cast(hands, "Zhang Chao", "YES");
        String allExcept = "/api/items/" + hands + "/ballots/all-except";

        // who may not vote cannot be an exception either, and nothing is recorded
        assertThat(office.post(allExcept, Map.of("except", Map.of(person("Wang Fei"), "NO", person("Guo Xueguang"), "NO")))
                .problem(409).get("detail").asString())
                .contains("Wang Fei is recused from item 1").contains("Guo Xueguang is not present");
        assertThat(rows("ballot where item_id = " + hands)).isEqualTo(1);

        JsonNode recorded = office.post(allExcept, Map.of("except", Map.of(person("Xing Yufu"), "NO",
                person("Zhou Xiang"), "ABSTAIN"))).expect(200).json();
        // eight present, one recused, one had voted: six recorded in one step
        assertThat(recorded.get("recorded").asInt()).isEqualTo(6);
        assertThat(choiceOf(hands, "Xing Yufu")).isEqualTo("NO");
        assertThat(choiceOf(hands, "Zhou Xiang")).isEqualTo("ABSTAIN");
        assertThat(choiceOf(hands, "Wang Junhong")).isEqualTo("YES");
        assertThat(choiceOf(hands, "Wang Fei")).isEqualTo("none");
        assertThat(audited("vote.cast-all-except", hands)).contains("\"YES\":4").contains("\"NO\":1").contains("\"ABSTAIN\":1");
        assertThat(refusal(office.post(allExcept, Map.of()))).isEqualTo("Every member entitled to vote on item 1 has voted.");
        JsonNode counted = office.post("/api/items/" + hands + "/count", Map.of()).expect(200).json();
        assertThat(counted.get("decision").get("outcome").asString()).isEqualTo("ADOPTED");

        long named = items.get(1);
        vote(named, "NAMED");
        assertThat(refusal(office.post("/api/items/" + named + "/ballots/all-except", Map.of())))
                .startsWith("Named ballot: each ballot is recorded one by one");
        assertThat(rows("ballot where item_id = " + named)).isZero();
    }

    @Test
    void aClosedMeetingIsReopenedWithAReasonUntilItsMinutesAreBegunAndOpinionsWaitForIt() {
        long meeting = opened(NINE, List.of(item("DELIBERATE", "审议重开方案")));
        long item = items(meeting).getFirst();
        office.post("/api/items/" + item + "/decision", Map.of("outcome", "DEFERRED")).expect(200);
        office.post("/api/meetings/" + meeting + "/close", Map.of()).expect(200);
        assertThat(refusal(office.post("/api/items/" + item + "/opinions", Map.of("personId", person("Zhang Chao"),
                "text", "补充意见。")))).startsWith("Opinions are recorded while the meeting is in session");

        assertThat(office.post("/api/meetings/" + meeting + "/reopen", Map.of("reason", " ")).refusal())
                .containsExactly("reason: Give the reason for the correction.");
        JsonNode reopened = office.post("/api/meetings/" + meeting + "/reopen", Map.of("reason", "误宣布散会")).expect(200).json();
        assertThat(reopened.get("state").asString()).isEqualTo("OPEN");
        assertThat(audited("meeting.reopen", meeting)).contains("CLOSED").contains("误宣布散会");
        office.post("/api/items/" + item + "/opinions", Map.of("personId", person("Zhang Chao"), "text", "补充意见。")).expect(200);

        office.post("/api/meetings/" + meeting + "/close", Map.of()).expect(200);
        office.post("/api/meetings/" + meeting + "/minutes", Map.of()).expect(201);
        assertThat(refusal(office.post("/api/meetings/" + meeting + "/reopen", Map.of("reason", "再开"))))
                .isEqualTo("The minutes have been begun, so the meeting can no longer be reopened: the minutes record the meeting as it was.");
        assertThat(office.get("/api/meetings/" + meeting).expect(200).json().get("state").asString()).isEqualTo("CLOSED");
    }

    @Test
    void aDeferralIsTakenBackWhileTheMeetingSitsButAVotesOutcomeIsNot() {
        long meeting = opened(NINE, List.of(item("DELIBERATE", "审议缓议方案")));
        long item = items(meeting).getFirst();
        office.post("/api/items/" + item + "/decision", Map.of("outcome", "DEFERRED")).expect(200);
        String reopen = "/api/items/" + item + "/decision/reopen";
        assertThat(office.post(reopen, Map.of()).refusal()).containsExactly("reason: Give the reason for the correction.");
        office.post(reopen, Map.of("reason", "补充材料已送到，会议继续审议")).expect(204);
        assertThat(rows("decision where item_id = " + item)).isZero();
        assertThat(audited("item.reopen", item)).contains("DEFERRED").contains("补充材料已送到");

        vote(item, "SHOW_OF_HANDS");
        office.post("/api/items/" + item + "/ballots/all-except", Map.of()).expect(200);
        office.post("/api/items/" + item + "/count", Map.of()).expect(200);
        assertThat(refusal(office.post(reopen, Map.of("reason", "再议"))))
                .startsWith("Item 1 was decided by a vote (Adopted) and cannot be taken back");
        assertThat(rows("decision where item_id = " + item)).isEqualTo(1);
    }

    @Test
    void theLifecycleOnlyMovesForwardOneStepAtATime() {
        long meeting = plan(NINE, List.of(item("DELIBERATE", "审议辛方案")));
        assertThat(refusal(office.post("/api/meetings/" + meeting + "/open", Map.of())))
                .isEqualTo("Not possible: opening the meeting needs a meeting that is Notified, and this one is Draft.");
        assertThat(refusal(office.post("/api/meetings/" + meeting + "/archive", Map.of())))
                .isEqualTo("Not possible: archiving the meeting needs a meeting that is Minutes issued, and this one is Draft.");
        long empty = plan(NINE, List.of());
        assertThat(refusal(office.post("/api/meetings/" + empty + "/notify", Map.of())))
                .isEqualTo("A meeting needs at least one agenda item before the notice goes out.");

        office.post("/api/meetings/" + meeting + "/notify", Map.of()).expect(200);
        office.post("/api/meetings/" + meeting + "/open", Map.of()).expect(200);
        JsonNode held = office.get("/api/meetings/" + meeting).expect(200).json();
        var revision = new LinkedHashMap<String, Object>();
        held.properties().forEach(e -> revision.put(e.getKey(), e.getValue()));
        revision.put("place", "别处");
        assertThat(refusal(office.put("/api/meetings/" + meeting, revision)))
                .startsWith("The meeting is In session: what happens at a meeting is recorded");
        assertThat(refusal(office.put("/api/meetings/" + meeting + "/attendance/" + person("Zhang Chao"),
                Map.of("status", "ABSENT")))).isEqualTo("Zhang Chao presides and must be present.");
    }

    @Test
    void theDefaultRuleSetsStoredAreTheRulesOfProcedureAndApplyByKindOfBody(@Autowired RuleSets ruleSets) {
        assertThat(ruleSets.all().stream().map(RulesOfProcedure::rules)).contains(RuleSet.PARTY_STANDING_COMMITTEE,
                RuleSet.CONGRESS_SESSION, RuleSet.CPPCC_STANDING_COMMITTEE, RuleSet.SIMPLE_MAJORITY);
        assertThat(ruleSets.forBody(body).rules()).isEqualTo(RuleSet.PARTY_STANDING_COMMITTEE);
        assertThat(ruleSets.forBody(body).materialsDays()).isEqualTo(3);
        long congress = jdbc.sql("select id from body where kind = 'CONGRESS' limit 1").query(Long.class).single();
        assertThat(ruleSets.forBody(congress).rules()).isEqualTo(RuleSet.CONGRESS_SESSION);
    }

    @Test
    void refusalsComeInTheCallersLanguage(@Autowired RestTestClient http, @Autowired Accounts accounts) {
        Api chinese = new Api(http).signedInAs(TestAccounts.of(accounts, "office")).in("zh-CN");
        long meeting = plan(NINE.subList(0, 3), List.of(item("DELIBERATE", "审议壬方案")));
        chinese.post("/api/meetings/" + meeting + "/notify", Map.of()).expect(200);
        assertThat(chinese.post("/api/meetings/" + meeting + "/open", Map.of()).problem(409).get("detail").asString())
                .isEqualTo("不能宣布开会：应到会9人，实到3人，须有5人到会。");
    }
}
