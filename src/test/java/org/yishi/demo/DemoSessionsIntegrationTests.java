package org.yishi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import tools.jackson.databind.JsonNode;

/**
 * The demo's congress and CPPCC sessions: the ones the reference meeting prepared, with their fictional rosters, the
 * congress's preparatory meeting held on its quorum, and the first plenary meeting waiting at the check-in desk.
 */
@YishiIntegrationTest("yishi.demo-data=on")
class DemoSessionsIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    Accounts accounts;

    @Test
    void theFourthCongressSessionAndTheSecondCppccSessionArePreparedByTheReferenceMeeting() {
        assertThat(accounts.findByUsername("congress-office")).as("the demo account of the congress office").isPresent();
        Api office = new Api(http).signedInAs(TestAccounts.of(accounts, "congress-office")).in("zh-CN");
        JsonNode terms = office.get("/api/sessions/terms").expect(200).json();
        assertThat(terms).hasSize(2);
        long congress = -1;
        long cppcc = -1;
        for (JsonNode t : terms) {
            if (t.get("chamber").asString().equals("CONGRESS")) {
                congress = t.get("termId").asLong();
                assertThat(t.get("number").asInt()).isEqualTo(12);
            } else {
                cppcc = t.get("termId").asLong();
                assertThat(t.get("number").asInt()).isEqualTo(9);
            }
        }
        assertThat(office.get("/api/sessions/terms/" + congress + "/roster").expect(200).json()).hasSize(268);
        JsonNode members = office.get("/api/sessions/terms/" + cppcc + "/roster").expect(200).json();
        assertThat(members).hasSize(196);
        assertThat(members.get(0).get("nameZh").asString()).startsWith("示例委员");
        assertThat(office.get("/api/sessions/terms/" + cppcc).expect(200).json().get("groups")).hasSize(14);

        JsonNode fourth = office.get("/api/sessions/sessions/" + office.get("/api/sessions/terms/" + congress + "/sessions")
                .expect(200).json().get(0).get("id").asLong()).expect(200).json();
        assertThat(fourth.get("title").asString()).isEqualTo("鹤山区第十二届人民代表大会第四次会议");
        assertThat(fourth.get("presidium")).hasSize(21);
        assertThat(fourth.get("agenda")).hasSize(8);
        long preparedBy = fourth.get("session").get("preparedByItemId").asLong();
        JsonNode seed = new Api(http).signedInAs(TestAccounts.of(accounts, "office")).get("/api/meetings/"
                + fourth.get("session").get("preparedByMeetingId").asLong()).expect(200).json();
        List<String> prepared = new java.util.ArrayList<>();
        seed.get("items").forEach(i -> {
            if (i.get("id").asLong() == preparedBy) {
                prepared.add(i.get("titleZh").asString());
            }
        });
        assertThat(prepared).containsExactly("召开鹤山区第十二届人民代表大会第四次会议和政协鹤山区第九届委员会第二次会议");

        JsonNode sittings = fourth.get("sittings");
        JsonNode preparatory = office.get("/api/sessions/sittings/" + sittings.get(0).get("id").asLong()).expect(200).json();
        assertThat(preparatory.get("sitting").get("kind").asString()).isEqualTo("PREPARATORY");
        assertThat(preparatory.get("quorumText").asString()).isEqualTo("应出席代表268名，实到251名，符合法定人数");
        assertThat(preparatory.get("quorum").get("onLeave").asInt()).isEqualTo(10);
        JsonNode plenary = office.get("/api/sessions/sittings/" + sittings.get(1).get("id").asLong()).expect(200).json();
        assertThat(plenary.get("sitting").get("state").asString()).isEqualTo("PLANNED");
        assertThat(plenary.get("quorum").get("present").asInt()).isZero();

        JsonNode second = office.get("/api/sessions/sessions/" + office.get("/api/sessions/terms/" + cppcc + "/sessions")
                .expect(200).json().get(0).get("id").asLong()).expect(200).json();
        assertThat(second.get("title").asString()).isEqualTo("中国人民政治协商会议鹤山区第九届委员会第二次会议");
        assertThat(second.get("session").get("preparedByItemId").asLong()).isEqualTo(preparedBy);
    }
}
