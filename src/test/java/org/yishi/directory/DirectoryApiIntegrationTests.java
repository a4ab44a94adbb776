package org.yishi.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.yishi.accounts.Accounts;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Keeping the directory through the JSON API: bodies, terms, people, offices, memberships and units. */
@YishiIntegrationTest("yishi.demo-data=off")
class DirectoryApiIntegrationTests {

    private Api api;

    @BeforeEach
    void connect(@Autowired RestTestClient http, @Autowired Accounts accounts) {
        api = new Api(http).signedInAs(TestAccounts.of(accounts, "office"));
    }

    private long createBody(String nameZh) {
        return id(api.create("/api/bodies", Map.of("kind", "PARTY_COMMITTEE", "nameZh", nameZh, "shortNameZh", "区委",
                "protocolRank", 10), "/api/bodies/"));
    }

    private long createPerson(String nameZh, String nameRomanized) {
        return id(api.create("/api/people", Map.of("nameZh", nameZh, "nameRomanized", nameRomanized), "/api/people/"));
    }

    @Test
    void aBodyIsCreatedEditedAndListed() {
        long party = createBody("中共青川区委员会");
        JsonNode standing = api.create("/api/bodies", Map.of("kind", "STANDING_COMMITTEE", "nameZh", "中共青川区委员会常务委员会",
                "shortNameZh", "区委常委会", "parentId", party), "/api/bodies/");
        assertThat(standing.get("protocolRank").asInt()).as("rank when none is given").isEqualTo(100);
        assertThat(standing.get("nameEn").isNull()).isTrue();

        JsonNode edited = api.put("/api/bodies/" + id(standing), Map.of("kind", "STANDING_COMMITTEE",
                "nameZh", "中共青川区委员会常务委员会", "nameEn", "Standing Committee of the Qingchuan District Party Committee",
                "shortNameZh", "区委常委会", "parentId", party, "protocolRank", 10)).expect(200).json();

        assertThat(api.get("/api/bodies/" + id(standing)).expect(200).json()).isEqualTo(edited);
        assertThat(edited.get("nameEn").asString()).isEqualTo("Standing Committee of the Qingchuan District Party Committee");
        assertThat(edited.get("parentId").asLong()).isEqualTo(party);
        assertThat(edited.get("protocolRank").asInt()).isEqualTo(10);
        assertThat(api.get("/api/bodies").expect(200).json().valueStream().map(b -> b.get("id").asLong()))
                .contains(party, id(standing));
    }

    @Test
    void aBodyNeedsAKindAndANameAndAParentThatExistsAndIsNotItself() {
        assertThat(api.post("/api/bodies", Map.of("nameZh", " ", "parentId", 987654321)).refusal()).containsExactly(
                "kind: Kind is required.", "nameZh: Chinese name is required.", "parentId: There is no body with id 987654321.");

        long body = createBody("中共青川区委员会");
        assertThat(api.in("zh-CN").put("/api/bodies/" + body, Map.of("kind", "PARTY_COMMITTEE", "nameZh", "中共青川区委员会",
                "parentId", body)).refusal()).containsExactly("parentId: 机构不能以自身为上级机构。");

        long child = id(api.create("/api/bodies", Map.of("kind", "STANDING_COMMITTEE", "nameZh", "中共青川区委员会常务委员会",
                "parentId", body), "/api/bodies/"));
        assertThat(api.in("zh-CN").put("/api/bodies/" + body, Map.of("kind", "PARTY_COMMITTEE", "nameZh", "中共青川区委员会",
                "parentId", child)).refusal()).containsExactly("parentId: 上级机构不能是本机构的下级机构。");
        assertThat(api.get("/api/bodies/" + body).expect(200).json().get("parentId").isNull()).isTrue();
    }

    @Test
    void termsOfABodyNeitherRepeatANumberNorOverlap() {
        long body = createBody("中共青川区委员会");
        JsonNode twelfth = api.create("/api/bodies/" + body + "/terms",
                Map.of("number", 12, "startsOn", "2021-09-01", "endsOn", "2026-08-31"), "/api/terms/");
        JsonNode thirteenth = api.create("/api/bodies/" + body + "/terms",
                Map.of("number", 13, "startsOn", "2026-09-01"), "/api/terms/");
        assertThat(thirteenth.get("endsOn").isNull()).isTrue();

        assertThat(api.post("/api/bodies/" + body + "/terms", Map.of("number", 12, "startsOn", "2010-01-01",
                "endsOn", "2015-12-31")).refusal())
                .containsExactly("number: This body already has a term 12.");
        assertThat(api.post("/api/bodies/" + body + "/terms", Map.of("number", 11, "startsOn", "2019-01-01",
                "endsOn", "2021-09-01")).refusal())
                .containsExactly("startsOn: The dates overlap term 12; the terms of one body cannot overlap.");
        assertThat(api.in("zh-CN").post("/api/bodies/" + body + "/terms", Map.of("number", 13, "startsOn", "2026-01-01"))
                .refusal()).containsExactlyInAnyOrder("number: 该机构已有第13届。", "startsOn: 日期与第12届重叠，同一机构的届次不能重叠。",
                        "startsOn: 日期与第13届重叠，同一机构的届次不能重叠。");
        assertThat(api.put("/api/terms/" + id(twelfth), Map.of("number", 12, "startsOn", "2021-09-01",
                "endsOn", "2026-09-01")).refusal())
                .containsExactly("startsOn: The dates overlap term 13; the terms of one body cannot overlap.");
        assertThat(api.post("/api/bodies/" + body + "/terms", Map.of("number", 0, "startsOn", "2030-01-01",
                "endsOn", "2029-01-01")).refusal()).containsExactly(
                "number: The term number must be a positive whole number.",
                "endsOn: The end date cannot be before the start date.");

        JsonNode shortened = api.put("/api/terms/" + id(twelfth), Map.of("number", 12, "startsOn", "2021-10-01",
                "endsOn", "2026-08-31")).expect(200).json();
        assertThat(shortened.get("startsOn").asString()).isEqualTo("2021-10-01");
        assertThat(api.get("/api/bodies/" + body + "/terms").expect(200).json().valueStream()
                .map(t -> t.get("number").asInt() + " " + t.get("startsOn").asString()))
                .containsExactly("12 2021-10-01", "13 2026-09-01");
    }

    @Test
    void aPersonIsKnownByAtLeastOneName() {
        JsonNode lin = api.create("/api/people", Map.of("nameZh", "林海峰"), "/api/people/");
        assertThat(lin.get("nameRomanized").isNull()).isTrue();

        JsonNode edited = api.put("/api/people/" + id(lin), Map.of("nameZh", "林海峰", "nameRomanized", "Lin Haifeng"))
                .expect(200).json();
        assertThat(edited.get("nameRomanized").asString()).isEqualTo("Lin Haifeng");
        assertThat(api.get("/api/people/" + id(lin)).expect(200).json()).isEqualTo(edited);
        assertThat(api.get("/api/people").expect(200).json().valueStream().map(p -> p.get("id").asLong()))
                .contains(id(lin));

        assertThat(api.post("/api/people", Map.of("nameZh", " ", "nameRomanized", "")).refusal()).containsExactly(
                "nameZh: Enter a Chinese or a romanised name, at least one.",
                "nameRomanized: Enter a Chinese or a romanised name, at least one.");
        assertThat(api.in("zh-CN").put("/api/people/" + id(lin), Map.of()).refusal()).containsExactly(
                "nameZh: 请填写中文姓名或拼音姓名，至少一项。", "nameRomanized: 请填写中文姓名或拼音姓名，至少一项。");
        assertThat(api.get("/api/people/" + id(lin)).expect(200).json()).isEqualTo(edited);
    }

    @Test
    void officesAreHeldInABodyWithATitleAndAProtocolRank() {
        long body = createBody("中共青川区委员会");
        long chen = createPerson("陈志远", "Chen Zhiyuan");
        JsonNode office = api.create("/api/people/" + chen + "/offices", Map.of("bodyId", body, "titleZh", "区委副书记、区长",
                "titleEn", "Deputy Secretary of the District Party Committee and Mayor of the District Government",
                "protocolRank", 2, "startsOn", "2021-10-15"), "/api/offices/");

        JsonNode edited = api.put("/api/offices/" + id(office), Map.of("bodyId", body, "titleZh", "区委副书记、区长",
                "titleEnShort", "District Mayor", "protocolRank", 2, "startsOn", "2021-10-15", "endsOn", "2024-01-31"))
                .expect(200).json();
        assertThat(edited.get("titleEnShort").asString()).isEqualTo("District Mayor");
        assertThat(edited.get("titleEn").isNull()).isTrue();
        assertThat(edited.get("endsOn").asString()).isEqualTo("2024-01-31");
        assertThat(api.get("/api/people/" + chen + "/offices").expect(200).json().valueStream().toList())
                .containsExactly(edited);

        assertThat(api.post("/api/people/" + chen + "/offices", Map.of("bodyId", 987654321, "titleZh", "",
                "startsOn", "2024-02-01", "endsOn", "2024-01-01")).refusal()).containsExactly(
                "bodyId: There is no body with id 987654321.", "titleZh: Chinese title is required.",
                "protocolRank: Protocol rank is required.", "endsOn: The end date cannot be before the start date.");

        api.delete("/api/offices/" + id(office)).expect(204);
        assertThat(api.get("/api/people/" + chen + "/offices").expect(200).json().isEmpty()).isTrue();
        assertThat(api.delete("/api/offices/" + id(office)).problem(404).get("detail").asString())
                .isEqualTo("There is no office with id " + id(office) + ".");
    }

    @Test
    void membersOfATermAreKnownPeople() {
        long body = createBody("中共青川区委员会");
        long term = id(api.create("/api/bodies/" + body + "/terms", Map.of("number", 8, "startsOn", "2021-10-15"),
                "/api/terms/"));
        long lin = createPerson("林海峰", "Lin Haifeng");

        JsonNode membership = api.create("/api/terms/" + term + "/members", Map.of("personId", lin), "/api/memberships/");
        assertThat(api.get("/api/terms/" + term + "/members").expect(200).json().valueStream()
                .map(m -> m.get("personId").asLong())).containsExactly(lin);

        assertThat(api.post("/api/terms/" + term + "/members", Map.of("personId", 987654321)).refusal())
                .containsExactly("personId: There is no person with id 987654321.");
        assertThat(api.in("zh-CN").post("/api/terms/" + term + "/members", Map.of()).refusal())
                .containsExactly("personId: 人员不能为空。");

        api.delete("/api/memberships/" + id(membership)).expect(204);
        assertThat(api.get("/api/terms/" + term + "/members").expect(200).json().isEmpty()).isTrue();
        api.delete("/api/memberships/" + id(membership)).problem(404);
    }

    @Test
    void unitsHaveUniqueNames() {
        String name = "青川区应急管理局" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode unit = api.create("/api/units", Map.of("nameZh", name, "shortNameZh", "区应急局"), "/api/units/");
        JsonNode other = api.create("/api/units", Map.of("nameZh", name + "（二）", "protocolRank", 20), "/api/units/");

        assertThat(api.post("/api/units", Map.of("nameZh", " " + name + " ")).refusal())
                .containsExactly("nameZh: There is already a unit named \"" + name + "\".");
        assertThat(api.in("zh-CN").put("/api/units/" + id(other), Map.of("nameZh", name)).refusal())
                .containsExactly("nameZh: 已有名为“" + name + "”的单位。");
        assertThat(api.post("/api/units", Map.of("nameEn", "Emergency Management Bureau")).refusal())
                .containsExactly("nameZh: Chinese name is required.");

        JsonNode edited = api.put("/api/units/" + id(unit), Map.of("nameZh", name, "nameEn",
                "Qingchuan District Emergency Management Bureau", "protocolRank", 10)).expect(200).json();
        assertThat(edited.get("nameEn").asString()).isEqualTo("Qingchuan District Emergency Management Bureau");
        assertThat(api.get("/api/units/" + id(unit)).expect(200).json()).isEqualTo(edited);
        assertThat(api.get("/api/units").expect(200).json().valueStream().map(u -> u.get("nameZh").asString()))
                .containsSubsequence(name, name + "（二）");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/bodies/987654321", "/api/bodies/987654321/terms", "/api/terms/987654321",
            "/api/terms/987654321/members", "/api/people/987654321", "/api/people/987654321/offices",
            "/api/units/987654321"})
    void anUnknownIdIsNotFound(String path) {
        JsonNode problem = api.in("zh-CN").get(path).problem(404);

        assertThat(problem.get("title").asString()).isEqualTo("未找到");
        assertThat(problem.get("detail").asString()).matches("找不到编号为 987654321 的(机构|届次|人员|单位)。");
    }

    @Test
    void changingWhatDoesNotExistIsNotFound() {
        assertThat(api.put("/api/bodies/987654321", Map.of("kind", "OTHER", "nameZh", "某机构")).problem(404)
                .get("detail").asString()).isEqualTo("There is no body with id 987654321.");
        assertThat(api.post("/api/bodies/987654321/terms", Map.of("number", 1, "startsOn", "2021-01-01")).problem(404)
                .get("detail").asString()).isEqualTo("There is no body with id 987654321.");
        assertThat(api.put("/api/offices/987654321", Map.of("bodyId", 1, "titleZh", "区长", "protocolRank", 1))
                .problem(404).get("detail").asString()).isEqualTo("There is no office with id 987654321.");
        assertThat(api.put("/api/units/987654321", Map.of("nameZh", "某单位")).problem(404).get("detail").asString())
                .isEqualTo("There is no unit with id 987654321.");
    }

    private static long id(JsonNode node) {
        return node.get("id").asLong();
    }
}
