package org.yishi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yishi.accounts.Accounts;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** With the demo data loaded, the application reproduces the published Heshan readout and renders 青川区's. */
@YishiIntegrationTest("yishi.demo-data=on")
class SeedReadoutIntegrationTests {

    private static final String HESHAN = "Standing Committee of the Heshan District Party Committee";
    private static final String QINGCHUAN = "Standing Committee of the Qingchuan District Party Committee";

    private Api api;

    @BeforeEach
    void connect(@Autowired RestTestClient http, @Autowired Accounts accounts) {
        api = new Api(http).signedInAs(TestAccounts.of(accounts, "office"));
    }

    @Test
    void theHeshanMeetingIsListedAndItsEnglishReadoutIsThePublishedOne() {
        JsonNode line = listed("2023-02-27", HESHAN);
        assertThat(line.get("body").get("id").asLong()).isEqualTo(bodyNamed(HESHAN));
        assertThat(line.get("body").get("nameZh").asString()).isEqualTo("区委常委会");
        assertThat(line.get("timeOfDay").asString()).isEqualTo("MORNING");
        assertThat(line.get("items").asInt()).isEqualTo(3);
        long id = line.get("id").asLong();

        Api.Answer readout = api.get("/api/meetings/" + id + "/readout?lang=en").expect(200);

        assertThat(readout.headers().getContentType()).hasToString("text/plain;charset=UTF-8");
        assertThat(Paragraphs.of(readout.text())).containsExactlyElementsOf(Paragraphs.ofResource(Paragraphs.HESHAN_SEED));
    }

    @Test
    void theHeshanMeetingReadsInChineseByDefault() {
        long id = meetingOn("2023-02-27", HESHAN);

        assertThat(api.get("/api/meetings/" + id + "/readout?lang=zh").expect(200).text())
                .startsWith("2月27日上午，区委常委会召开会议");
        assertThat(api.get("/api/meetings/" + id + "/readout").expect(200).text())
                .startsWith("2月27日上午，区委常委会召开会议，传达学习习近平总书记关于深入开展学雷锋活动的重要指示精神，研究贯彻落实意见。");
    }

    @Test
    void theQingchuanReadoutFollowsProtocolLeavesOutTheMemberOnLeaveAndKeepsTheInternalItemBack() {
        long id = meetingOn("2024-03-12", QINGCHUAN);

        String readout = api.get("/api/meetings/" + id + "/readout?lang=zh").expect(200).text();

        assertThat(readout).startsWith("3月12日下午，区委常委会召开会议，传达学习习近平总书记近期重要讲话和重要指示精神，"
                + "审议《青川区2024年民生实事项目实施方案》，听取全区安全生产工作情况汇报。区委书记林海峰主持会议并讲话。"
                + "区委副书记、区长陈志远，区委副书记刘晓岚，区委常委赵立新、孙明哲、周文静、吴国栋、郑雅琴出席会议。"
                + "区领导马德昌、何淑芬及各街道党工委书记、区直有关单位主要负责同志列席会议。\n");
        assertThat(readout).doesNotContain("黄振宇").doesNotContain("干部任免").endsWith("\n会议还研究了其他事项。\n");
    }

    @Test
    void anEntrustedMeetingSaysOnWhoseBehalf() {
        long id = meetingOn("2024-04-08", QINGCHUAN);

        assertThat(api.get("/api/meetings/" + id + "/readout?lang=zh").expect(200).text()).startsWith(
                "4月8日上午，区委常委会召开会议，研究部署防汛备汛工作。受区委书记林海峰委托，区委副书记、区长陈志远主持会议。"
                        + "区委副书记刘晓岚，区委常委赵立新、孙明哲、周文静、黄振宇、吴国栋、郑雅琴出席会议。"
                        + "区应急管理局主要负责同志列席会议。\n");
    }

    @Test
    void aReadoutWithMissingTranslationsIsRefusedListingThem() {
        long body = bodyNamed(HESHAN);
        JsonNode heshan = api.get("/api/meetings/" + meetingOn("2023-02-27", HESHAN))
                .expect(200).json();
        JsonNode meeting = api.create("/api/meetings", Map.of("bodyId", body, "date", "2023-03-06",
                "presidingPersonId", heshan.get("presidingPersonId").asLong(),
                "present", List.of(heshan.get("presidingPersonId").asLong()),
                "items", List.of(Map.of("kind", "DELIBERATE", "titleZh", "研究部署春季森林防火工作"))), "/api/meetings/");

        JsonNode problem = api.get("/api/meetings/" + meeting.get("id").asLong() + "/readout?lang=en").problem(409);

        assertThat(problem.get("title").asString()).isEqualTo("The English readout lacks translations");
        assertThat(problem.get("missing").valueStream().map(JsonNode::asString))
                .containsExactly("the translation of agenda item 1");
        assertThat(api.get("/api/meetings/" + meeting.get("id").asLong() + "/readout?lang=zh").expect(200).text())
                .startsWith("3月6日，区委常委会召开会议，研究部署春季森林防火工作。区委书记张超主持会议并讲话。");
    }

    @Test
    void anUnknownMeetingOrLanguageIsAProblemInTheCallersLanguage() {
        JsonNode notFound = api.in("zh-CN").get("/api/meetings/987654321/readout?lang=en").problem(404);
        assertThat(notFound.get("detail").asString()).isEqualTo("找不到编号为 987654321 的会议。");

        long id = meetingOn("2023-02-27", HESHAN);
        assertThat(api.get("/api/meetings/" + id + "/readout?lang=fr").refusal())
                .containsExactly("lang: Unsupported language \"fr\"; use zh or en.");
    }

    /** The line of the meeting list showing the body's meeting on that date. */
    private JsonNode listed(String date, String bodyNameEn) {
        JsonNode list = api.get("/api/meetings").expect(200).json();
        return list.valueStream()
                .filter(m -> m.get("date").asString().equals(date) && m.get("body").get("nameEn").asString().equals(bodyNameEn))
                .findFirst().orElseThrow(() -> new AssertionError("no meeting of " + bodyNameEn + " on " + date + " in " + list));
    }

    private long meetingOn(String date, String bodyNameEn) {
        return listed(date, bodyNameEn).get("id").asLong();
    }

    private long bodyNamed(String nameEn) {
        return api.get("/api/bodies").expect(200).json().valueStream()
                .filter(b -> nameEn.equals(b.get("nameEn").asString()))
                .mapToLong(b -> b.get("id").asLong()).findFirst().orElseThrow();
    }
}
