package org.yishi.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.yishi.accounts.Accounts;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Recording meetings through the JSON API, on a small directory built through the API: a standing committee in its
 * 8th term with three members, and a district leader who is not a member.
 */
@YishiIntegrationTest("yishi.demo-data=off")
class MeetingsApiIntegrationTests {

    private Api api;
    private Committee committee;

    /** Ids of the directory each test builds for itself, so that meeting numbers start at 1. */
    record Committee(long body, long term, long lin, long chen, long zhao, long ma) {
    }

    @BeforeEach
    void buildDirectory(@Autowired RestTestClient http, @Autowired Accounts accounts) {
        api = new Api(http).signedInAs(TestAccounts.of(accounts, "office"));
        long body = id(api.create("/api/bodies", Map.of("kind", "STANDING_COMMITTEE", "nameZh", "中共青川区委员会常务委员会",
                "nameEn", "Standing Committee of the Qingchuan District Party Committee", "shortNameZh", "区委常委会",
                "protocolRank", 110), "/api/bodies/"));
        long term = id(api.create("/api/bodies/" + body + "/terms", Map.of("number", 8, "startsOn", "2021-10-15"),
                "/api/terms/"));
        committee = new Committee(body, term, member(body, term, "林海峰", "Lin Haifeng", "区委书记", 1),
                member(body, term, "陈志远", "Chen Zhiyuan", "区委副书记、区长", 2),
                member(body, term, "赵立新", "Zhao Lixin", "区委常委", 4),
                id(api.create("/api/people", Map.of("nameZh", "马德昌", "nameRomanized", "Ma Dechang"), "/api/people/")));
    }

    private long member(long body, long term, String nameZh, String nameRomanized, String titleZh, int rank) {
        long person = id(api.create("/api/people", Map.of("nameZh", nameZh, "nameRomanized", nameRomanized), "/api/people/"));
        api.create("/api/people/" + person + "/offices", Map.of("bodyId", body, "titleZh", titleZh, "protocolRank", rank),
                "/api/offices/");
        api.create("/api/terms/" + term + "/members", Map.of("personId", person), "/api/memberships/");
        return person;
    }

    /** A meeting as a client enters it; every test spoils its own copy. */
    private Map<String, Object> draft(String date) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("bodyId", committee.body());
        draft.put("date", date);
        draft.put("timeOfDay", "AFTERNOON");
        draft.put("place", "区委第一会议室");
        draft.put("presidingPersonId", committee.lin());
        draft.put("present", List.of(committee.lin(), committee.chen()));
        draft.put("onLeave", List.of(Map.of("personId", committee.zhao(), "reason", "赴省委党校学习")));
        draft.put("inAttendance", List.of(committee.ma()));
        draft.put("groups", List.of(Map.of("labelZh", "区直有关单位主要负责同志",
                "labelEn", "the main responsible comrades of relevant units directly under the district")));
        draft.put("leadersLabelZh", "区领导");
        draft.put("leadersLabelEn", "District leaders");
        draft.put("items", List.of(
                Map.of("kind", "CONVEY_STUDY", "titleZh", "传达学习习近平总书记近期重要讲话和重要指示精神",
                        "titleEn", "convey and study the recent important speeches and instructions of General Secretary Xi Jinping",
                        "conclusionsZh", "会议强调，要结合青川实际，细化落实举措。"),
                Map.of("kind", "PERSONNEL", "titleZh", "研究干部任免事项", "visibility", "INTERNAL")));
        return draft;
    }

    @Test
    void meetingsAreNumberedInOrderWithinTheirTermWhenTheNoticeGoesOut() {
        JsonNode second = api.create("/api/meetings", draft("2024-04-08"), "/api/meetings/");
        JsonNode first = api.create("/api/meetings", draft("2024-03-12"), "/api/meetings/");
        JsonNode abandoned = api.create("/api/meetings", draft("2024-03-20"), "/api/meetings/");
        assertThat(first.get("sequence").isNull()).as("a draft has no number yet").isTrue();
        assertThat(first.get("state").asString()).isEqualTo("DRAFT");

        first = api.post("/api/meetings/" + id(first) + "/notify", Map.of()).expect(200).json();
        second = api.post("/api/meetings/" + id(second) + "/notify", Map.of()).expect(200).json();

        assertThat(first.get("sequence").asInt()).isEqualTo(1);
        assertThat(first.get("state").asString()).isEqualTo("NOTIFIED");
        assertThat(second.get("sequence").asInt()).isEqualTo(2);
        assertThat(api.get("/api/meetings/" + id(abandoned)).expect(200).json().get("sequence").isNull()).isTrue();
        api.post("/api/meetings/" + id(first) + "/notify", Map.of()).expect(409);
        assertThat(api.get("/api/meetings/" + id(first)).expect(200).json().get("sequence").asInt()).isEqualTo(1);
        assertThat(second.get("termId").asLong()).isEqualTo(committee.term());

        Api.Answer list = api.get("/api/meetings?bodyId=" + committee.body()).expect(200);
        assertThat(list.headers().getFirst("X-Total-Count")).isEqualTo("3");
        assertThat(list.json().valueStream().map(m -> m.get("date").asString() + " 第" + m.get("term").asInt() + "届"
                + (m.get("sequence").isNull() ? "未编号" : "第" + m.get("sequence").asInt() + "次") + " "
                + m.get("items").asInt() + "项 " + m.get("state").asString()))
                .containsExactly("2024-04-08 第8届第2次 2项 NOTIFIED", "2024-03-20 第8届未编号 2项 DRAFT",
                        "2024-03-12 第8届第1次 2项 NOTIFIED");
    }

    @Test
    void meetingsNotifiedAtTheSameMomentGetDistinctNumbers() throws Exception {
        int count = 8;
        List<Long> drafts = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            drafts.add(id(api.create("/api/meetings", draft("2024-06-01"), "/api/meetings/")));
        }
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(count)) {
            List<java.util.concurrent.Future<Integer>> numbers = new java.util.ArrayList<>();
            for (long meeting : drafts) {
                numbers.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/meetings/" + meeting + "/notify", Map.of()).expect(200).json().get("sequence").asInt();
                }));
            }
            start.countDown();
            List<Integer> given = new java.util.ArrayList<>();
            for (var n : numbers) {
                given.add(n.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(given).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        }
    }

    @Test
    void aMeetingReadsBackAsRecorded() {
        JsonNode recorded = api.create("/api/meetings", draft("2024-03-12"), "/api/meetings/");

        JsonNode read = api.get("/api/meetings/" + id(recorded)).expect(200).json();

        assertThat(read).isEqualTo(recorded);
        assertThat(read.get("date").asString()).isEqualTo("2024-03-12");
        assertThat(read.get("timeOfDay").asString()).isEqualTo("AFTERNOON");
        assertThat(read.get("place").asString()).isEqualTo("区委第一会议室");
        assertThat(read.get("kind").asString()).isEqualTo("REGULAR");
        assertThat(read.get("presidingSpeech").asBoolean()).isTrue();
        assertThat(read.get("entrustedById").isNull()).isTrue();
        assertThat(ids(read.get("present"))).containsExactly(committee.lin(), committee.chen());
        assertThat(read.get("onLeave").get(0).get("personId").asLong()).isEqualTo(committee.zhao());
        assertThat(read.get("onLeave").get(0).get("reason").asString()).isEqualTo("赴省委党校学习");
        assertThat(ids(read.get("inAttendance"))).containsExactly(committee.ma());
        assertThat(read.get("groups").get(0).get("labelZh").asString()).isEqualTo("区直有关单位主要负责同志");
        JsonNode items = read.get("items");
        assertThat(items.get(0).get("titleZh").asString()).isEqualTo("传达学习习近平总书记近期重要讲话和重要指示精神");
        assertThat(items.get(0).get("conclusionsZh").asString()).isEqualTo("会议强调，要结合青川实际，细化落实举措。");
        assertThat(items.get(0).get("headline").asBoolean()).isTrue();
        assertThat(items.get(0).get("visibility").asString()).isEqualTo("PUBLIC");
        assertThat(items.get(1).get("visibility").asString()).isEqualTo("INTERNAL");
        assertThat(items.get(1).get("position").asInt()).isEqualTo(2);
    }

    @Test
    void revisingANotifiedMeetingKeepsItsNumberAndTheIdsOfTheItemsSentBack() {
        JsonNode recorded = api.create("/api/meetings", draft("2024-03-12"), "/api/meetings/");
        api.post("/api/meetings/" + id(recorded) + "/notify", Map.of()).expect(200);
        long kept = id(recorded.get("items").get(0));
        long dropped = id(recorded.get("items").get(1));
        Map<String, Object> revision = draft("2024-03-13");
        revision.put("place", "区委第二会议室");
        revision.put("items", List.of(Map.of("kind", "HEAR_REPORT", "titleZh", "听取全区安全生产工作情况汇报"),
                Map.of("id", kept, "kind", "CONVEY_STUDY", "titleZh", "传达学习习近平总书记重要讲话精神")));

        JsonNode revised = api.put("/api/meetings/" + id(recorded), revision).expect(200).json();

        assertThat(api.get("/api/meetings/" + id(recorded)).expect(200).json()).isEqualTo(revised);
        assertThat(revised.get("sequence").asInt()).isEqualTo(1);
        assertThat(revised.get("date").asString()).isEqualTo("2024-03-13");
        assertThat(revised.get("place").asString()).isEqualTo("区委第二会议室");
        JsonNode items = revised.get("items");
        assertThat(items.get(0).get("titleZh").asString()).isEqualTo("听取全区安全生产工作情况汇报");
        assertThat(id(items.get(0))).isNotIn(kept, dropped);
        assertThat(id(items.get(1))).isEqualTo(kept);
        assertThat(items.get(1).get("titleZh").asString()).isEqualTo("传达学习习近平总书记重要讲话精神");
        assertThat(items.get(1).get("position").asInt()).isEqualTo(2);
        assertThat(items.size()).isEqualTo(2);
    }

    @Test
    void anItemSentBackTwiceInARevisionIsRefused() {
        JsonNode recorded = api.create("/api/meetings", draft("2024-05-06"), "/api/meetings/");
        long item = id(recorded.get("items").get(0));
        Map<String, Object> revision = draft("2024-05-06");
        revision.put("items", List.of(Map.of("id", item, "kind", "CONVEY_STUDY", "titleZh", "甲"),
                Map.of("id", item, "kind", "DELIBERATE", "titleZh", "乙")));

        assertThat(api.in("en").put("/api/meetings/" + id(recorded), revision).refusal())
                .containsExactly("items[1].id: Agenda item " + item + " is listed twice; list each item once.");
        assertThat(api.get("/api/meetings/" + id(recorded)).expect(200).json()).isEqualTo(recorded);
    }

    @Test
    void anUnknownMeetingIsNotFoundInTheCallersLanguage() {
        JsonNode en = api.get("/api/meetings/987654321").problem(404);
        assertThat(en.get("title").asString()).isEqualTo("Not found");
        assertThat(en.get("detail").asString()).isEqualTo("There is no meeting with id 987654321.");

        JsonNode zh = api.in("zh-CN").put("/api/meetings/987654321", draft("2024-03-12")).problem(404);
        assertThat(zh.get("title").asString()).isEqualTo("未找到");
        assertThat(zh.get("detail").asString()).isEqualTo("找不到编号为 987654321 的会议。");
    }

    /** How to spoil a good draft, and what the caller is then told, in English and in Chinese. */
    record Refusal(String name, BiConsumer<Map<String, Object>, Committee> spoil, String field, String en, String zh) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> refusals() {
        List<Refusal> refusals = List.of(
                new Refusal("present and on leave", (d, c) -> d.put("present", List.of(c.lin(), c.chen(), c.zhao())),
                        "onLeave[0].personId", "Zhao Lixin cannot be both present and on leave.", "赵立新不能既“出席”又“请假”。"),
                new Refusal("presiding but not present", (d, c) -> d.put("present", List.of(c.chen())),
                        "presidingPersonId",
                        "The presiding person, Lin Haifeng, is not listed as present; list them among the members present.",
                        "主持人林海峰未列为出席，请先将其列为出席成员。"),
                new Refusal("present but not a member", (d, c) -> {
                    d.put("present", List.of(c.lin(), c.chen(), c.ma()));
                    d.put("inAttendance", List.of());
                }, "present[2]",
                        "Ma Dechang is not a member of Standing Committee of the Qingchuan District Party Committee on 2024-03-12 and cannot be present or on leave as a member; list them as sitting in instead.",
                        "马德昌在2024-03-12不是区委常委会成员，不能作为成员出席或请假；如系列席，请列入列席人员。"),
                new Refusal("no term on the date", (d, c) -> d.put("date", "2020-05-01"), "date",
                        "Standing Committee of the Qingchuan District Party Committee has no term recorded on 2020-05-01. Record the term that covers this day under Directory first.",
                        "区委常委会在2020-05-01没有登记届次。请先在“机构与人员”中为该机构登记涵盖这一天的届次。"),
                new Refusal("leave without a reason", (d, c) -> d.put("onLeave", List.of(Map.of("personId", c.zhao(), "reason", " "))),
                        "onLeave[0].reason", "Give the reason for Zhao Lixin's leave.", "请填写赵立新的请假事由。"),
                new Refusal("an item of no such meeting", (d, c) -> d.put("items",
                        List.of(Map.of("id", 987654321, "kind", "DELIBERATE", "titleZh", "研究部署防汛备汛工作"))),
                        "items[0].id", "Agenda item 987654321 does not belong to this meeting.", "议题 987654321 不属于本次会议。"),
                new Refusal("malformed date", (d, c) -> d.put("date", "2024-02-30"), "date",
                        "The value of \"date\" is not in a valid format.", "“date”的值格式不正确。"));
        return refusals.stream().flatMap(r -> Stream.of(Arguments.of(r, "en"), Arguments.of(r, "zh-CN")));
    }

    @ParameterizedTest(name = "{0}, asked in {1}")
    @MethodSource("refusals")
    void aRefusedMeetingIsExplainedAndNothingChanges(Refusal refusal, String language) {
        JsonNode recorded = api.create("/api/meetings", draft("2024-03-12"), "/api/meetings/");
        String count = meetingCount();
        Map<String, Object> spoiled = draft("2024-03-12");
        refusal.spoil().accept(spoiled, committee);
        String told = refusal.field() + ": " + (language.equals("en") ? refusal.en() : refusal.zh());

        assertThat(api.in(language).post("/api/meetings", spoiled).refusal()).containsExactly(told);
        assertThat(api.in(language).put("/api/meetings/" + id(recorded), spoiled).refusal()).containsExactly(told);

        assertThat(meetingCount()).isEqualTo(count);
        assertThat(api.get("/api/meetings/" + id(recorded)).expect(200).json()).isEqualTo(recorded);
    }

    @Test
    void everyProblemIsListedAtOnce() {
        Map<String, Object> draft = draft("2024-03-12");
        draft.put("presidingPersonId", committee.zhao());
        draft.put("onLeave", List.of(Map.of("personId", committee.zhao(), "reason", "")));
        draft.put("groups", List.of(Map.of("labelZh", "")));

        assertThat(api.post("/api/meetings", draft).refusal()).containsExactlyInAnyOrder(
                "onLeave[0].reason: Give the reason for Zhao Lixin's leave.",
                "presidingPersonId: The presiding person, Zhao Lixin, is not listed as present; list them among the members present.",
                "groups[0]: A group sitting in needs a Chinese or English label.");
    }

    private String meetingCount() {
        return api.get("/api/meetings").expect(200).headers().getFirst("X-Total-Count");
    }

    private static long id(JsonNode node) {
        return node.get("id").asLong();
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asLong()));
        return ids;
    }
}
