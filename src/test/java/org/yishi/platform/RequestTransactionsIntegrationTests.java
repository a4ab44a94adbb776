package org.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Issue 11, failure 5: a request either changes everything it says or nothing. A meeting whose answer could not be
 * built (its body's rule set gone) was saved while the answer said that nothing was changed.
 */
@YishiIntegrationTest("yishi.demo-data=off")
class RequestTransactionsIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMeetingWhoseAnswerFailsIsNotSavedAndTheAnswerSaysSoTruthfully() {
        Api office = new Api(http).signedInAs(TestAccounts.of(accounts, "office"));
        long body = office.create("/api/bodies", Map.of("kind", "STANDING_COMMITTEE", "nameZh", "中共青石县委员会常务委员会",
                "shortNameZh", "青石县委常委会", "protocolRank", 121), "/api/bodies/").get("id").asLong();
        long term = office.create("/api/bodies/" + body + "/terms", Map.of("number", 9, "startsOn", "2022-01-01"),
                "/api/terms/").get("id").asLong();
        List<Long> members = new ArrayList<>();
        for (String name : List.of("陈一鸣", "林晓雯", "黄志远")) {
            long person = office.create("/api/people", Map.of("nameZh", name), "/api/people/").get("id").asLong();
            office.create("/api/terms/" + term + "/members", Map.of("personId", person), "/api/memberships/");
            members.add(person);
        }
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("bodyId", body);
        draft.put("date", "2024-06-03");
        draft.put("presidingPersonId", members.getFirst());
        draft.put("present", members);
        draft.put("items", List.of(Map.of("kind", "DELIBERATE", "titleZh", "审议青石县年度预算", "collectiveDecision", true)));

        long saved = office.create("/api/meetings", draft, "/api/meetings/").get("id").asLong();

        // the fault of issue 11: the default rule set of the body's kind is no longer found under its code
        jdbc.sql("update rule_set set code = 'party-standing-committee-gone' where code = 'party-standing-committee'").update();
        try {
            JsonNode reading = office.in("en").get("/api/meetings/" + saved).problem(500);
            assertThat(reading.get("detail").asString()).contains("What was saved before is kept").doesNotContain("nothing was changed");

            JsonNode failed = office.in("en").post("/api/meetings", draft).problem(500);
            assertThat(meetings(body)).as("a meeting whose answer failed is not saved").isOne();
            assertThat(failed.get("detail").asString()).contains("nothing was changed");

            JsonNode chinese = office.in("zh-CN").post("/api/meetings", draft).problem(500);
            assertThat(meetings(body)).isOne();
            assertThat(chinese.get("detail").asString()).contains("未做任何更改");

            JsonNode read = office.get("/api/meetings?bodyId=" + body).json();
            assertThat(read.toString()).doesNotContain("审议青石县年度预算");
        } finally {
            jdbc.sql("update rule_set set code = 'party-standing-committee' where code = 'party-standing-committee-gone'").update();
        }
        office.post("/api/meetings", draft).expect(201);
        assertThat(meetings(body)).isEqualTo(2);
    }

    private long meetings(long body) {
        return jdbc.sql("select count(*) from meeting where body_id = :b").param("b", body).query(Long.class).single();
    }
}
