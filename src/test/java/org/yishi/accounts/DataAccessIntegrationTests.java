package org.yishi.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * What each viewer may see of the meetings, checked on every call: members only their bodies' meetings, internal and
 * confidential items only for those entitled, unit liaisons and readers no meeting at all.
 */
@YishiIntegrationTest("yishi.demo-data=on")
@AutoConfigureMockMvc
class DataAccessIntegrationTests {

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    Api api;
    long heshanMeeting;
    long qingchuanMeeting;

    @BeforeEach
    void connect(@Autowired RestTestClient http) {
        api = new Api(http);
        heshanMeeting = jdbc.sql("select id from meeting where held_on = '2023-02-27'").query(Long.class).single();
        qingchuanMeeting = jdbc.sql("select id from meeting where held_on = '2024-03-12'").query(Long.class).single();
    }

    private long person(String romanized) {
        return jdbc.sql("select id from person where name_romanized = :n").param("n", romanized).query(Long.class).single();
    }

    private Api as(TestAccounts.Login login) {
        return api.signedInAs(login);
    }

    private static List<String> dates(JsonNode meetings) {
        return meetings.valueStream().map(m -> m.get("date").asString()).toList();
    }

    @Test
    void aMemberSeesOnlyTheMeetingsOfTheirOwnBody() {
        Api heshanMember = as(TestAccounts.member(accounts, person("Tian Qingchang")));
        Api qingchuanMember = as(TestAccounts.member(accounts, person("Zhao Lixin")));

        assertThat(dates(heshanMember.get("/api/meetings").expect(200).json())).contains("2023-02-27")
                .doesNotContain("2024-03-12", "2024-04-08");
        assertThat(dates(qingchuanMember.get("/api/meetings").expect(200).json())).contains("2024-03-12", "2024-04-08")
                .doesNotContain("2023-02-27");

        heshanMember.get("/api/meetings/" + heshanMeeting).expect(200);
        assertThat(heshanMember.get("/api/meetings/" + qingchuanMeeting).problem(404).get("detail").asString())
                .isEqualTo("There is no meeting with id " + qingchuanMeeting + ".");
        qingchuanMember.get("/api/meetings/" + heshanMeeting).problem(404);
        // press readouts are public texts: any member may read them
        qingchuanMember.get("/api/meetings/" + heshanMeeting + "/readout?lang=en").expect(200);
    }

    @Test
    void aMemberWithoutALinkedPersonSeesNoMeeting() {
        Api unlinked = as(TestAccounts.of(accounts, "member"));
        assertThat(unlinked.get("/api/meetings").expect(200).json().size()).isZero();
        unlinked.get("/api/meetings/" + heshanMeeting).problem(404);
    }

    @Test
    void internalAndConfidentialItemsOnlyForThoseEntitled() {
        Api office = as(TestAccounts.of(accounts, "office"));
        Api supervision = as(TestAccounts.of(accounts, "supervision"));
        // the April meeting of 青川 is notified, not yet held: the office adds an internal and a confidential item
        long qingchuanMeeting = jdbc.sql("select id from meeting where held_on = '2024-04-08'").query(Long.class).single();
        JsonNode meeting = office.get("/api/meetings/" + qingchuanMeeting).expect(200).json();
        var revision = new java.util.LinkedHashMap<String, Object>();
        meeting.properties().forEach(e -> revision.put(e.getKey(), e.getValue()));
        List<Object> items = new java.util.ArrayList<>();
        meeting.get("items").forEach(items::add);
        items.add(Map.of("kind", "PERSONNEL", "titleZh", "研究干部任免事项", "visibility", "INTERNAL"));
        items.add(Map.of("kind", "PERSONNEL", "titleZh", "研究某同志任职事项", "visibility", "CONFIDENTIAL"));
        revision.put("items", items);
        office.put("/api/meetings/" + qingchuanMeeting, revision).expect(200);

        List<String> officeSees = office.get("/api/meetings/" + qingchuanMeeting).expect(200).json().get("items")
                .valueStream().map(i -> i.get("visibility").asString()).toList();
        assertThat(officeSees).contains("PUBLIC", "INTERNAL", "CONFIDENTIAL");
        List<String> supervisionSees = supervision.get("/api/meetings/" + qingchuanMeeting).expect(200).json().get("items")
                .valueStream().map(i -> i.get("visibility").asString()).toList();
        assertThat(supervisionSees).contains("PUBLIC", "INTERNAL").doesNotContain("CONFIDENTIAL");
        assertThat(supervision.get("/api/meetings/" + qingchuanMeeting).text()).doesNotContain("研究某同志任职事项");
        // every reading of the confidential item is recorded, without its text
        List<String> reads = jdbc.sql("select actor || ' ' || after_json from audit_entry where action = 'item.read-confidential' order by id")
                .query(String.class).list();
        assertThat(reads).anyMatch(r -> r.startsWith("t-office ")).noneMatch(r -> r.contains("研究某同志任职事项"))
                .noneMatch(r -> r.startsWith("t-supervision "));

        // and never in a readout
        assertThat(office.get("/api/meetings/" + qingchuanMeeting + "/readout?lang=zh").expect(200).text())
                .doesNotContain("研究某同志任职事项").doesNotContain("研究干部任免事项");
    }

    @Test
    void unitLiaisonsAndReadersSeeNoMeetingButItsReadout() {
        long unit = jdbc.sql("select id from unit where name_zh = '区民政局'").query(Long.class).single();
        for (Api viewer : List.of(as(TestAccounts.liaison(accounts, unit)), as(TestAccounts.of(accounts, "reader")))) {
            viewer.get("/api/meetings").problem(403);
            viewer.get("/api/meetings/" + heshanMeeting).problem(403);
            viewer.get("/api/bodies").problem(403);
            assertThat(viewer.get("/api/meetings/" + heshanMeeting + "/readout?lang=en").expect(200).text())
                    .startsWith("On the morning of February 27");
        }
    }

    @Test
    void administratorsSeeNoBusinessData() {
        for (String role : List.of("sysadmin", "secadmin", "auditor")) {
            Api admin = as(TestAccounts.of(accounts, role));
            admin.get("/api/meetings").problem(403);
            admin.get("/api/meetings/" + heshanMeeting + "/readout").problem(403);
            admin.get("/api/people").problem(403);
        }
    }

    @Test
    void whoMayOnlyReadCannotChange() {
        Api supervision = as(TestAccounts.of(accounts, "supervision"));
        supervision.put("/api/meetings/" + heshanMeeting, Map.of()).problem(403);
        supervision.post("/api/units", Map.of("nameZh", "不该建的单位")).problem(403);
        assertThat(jdbc.sql("select count(*) from unit where name_zh = '不该建的单位'").query(Long.class).single()).isZero();
    }
}
