package org.yishi.sessions.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.directory.Body;
import org.yishi.directory.BodyDraft;
import org.yishi.directory.BodyKind;
import org.yishi.directory.Directory;
import org.yishi.directory.OfficeDraft;
import org.yishi.directory.Person;
import org.yishi.directory.PersonDraft;
import tools.jackson.databind.JsonNode;

/** Congress and CPPCC terms and their rosters through the API, the import of a roster from .xlsx included. */
@YishiIntegrationTest("yishi.demo-data=off")
class RosterIntegrationTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> HEADER = List.of("序号", "代表证号", "姓名", "代表团", "人员编号");

    @Autowired
    RestTestClient http;

    @Autowired
    Accounts accounts;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    Api office;
    Body congress;
    Body cppcc;

    @BeforeEach
    void setUp() {
        office = new Api(http).signedInAs(TestAccounts.of(accounts, "congress-office"));
        String suffix = String.valueOf(System.nanoTime());
        congress = directory.createBody(new BodyDraft(BodyKind.CONGRESS, "测试区人民代表大会" + suffix,
                "People's Congress of Test District", "区人大", null, 20));
        cppcc = directory.createBody(new BodyDraft(BodyKind.CPPCC, "政协测试区委员会" + suffix,
                "Test District Committee of the CPPCC", "区政协", null, 40));
    }

    private long openCongressTerm() {
        return office.post("/api/sessions/terms", Map.of("bodyId", congress.id(), "number", 12,
                "startsOn", "2021-10-01")).expect(201).json().get("termId").asLong();
    }

    private int rosterSize(long termId) {
        return office.get("/api/sessions/terms/" + termId + "/roster").expect(200).json().size();
    }

    @Test
    void aCongressTermLastsFiveYearsAndItsDeputiesAreMembersOfTheDirectorysTerm() {
        long termId = openCongressTerm();
        JsonNode term = office.get("/api/sessions/terms/" + termId).expect(200).json().get("term");
        assertThat(term.get("chamber").asString()).isEqualTo("CONGRESS");
        assertThat(term.get("endsOn").asString()).isEqualTo("2026-09-30");
        assertThat(directory.term(termId).endsOn()).hasToString("2026-09-30");

        office.post("/api/sessions/terms/" + termId + "/groups", Map.of("kind", "DELEGATION", "nameZh", "城关镇代表团"))
                .expect(201);
        JsonNode deputy = office.create("/api/sessions/terms/" + termId + "/roster", Map.of("nameZh", "王测试",
                "cardNumber", "1001", "group", "城关镇代表团"), "/api/sessions/roster/");
        assertThat(deputy.get("groupNameZh").asString()).isEqualTo("城关镇代表团");
        assertThat(directory.members(termId)).extracting(m -> m.personId()).contains(deputy.get("personId").asLong());

        // a person who holds an office is put on the roster as the same person
        Person mayor = directory.createPerson(new PersonDraft("李区长", "Li Quzhang"));
        directory.createOffice(mayor.id(), new OfficeDraft(congress.id(), "区长", "District Mayor", null, null, 2, null, null));
        JsonNode second = office.create("/api/sessions/terms/" + termId + "/roster", Map.of("personId", mayor.id(),
                "cardNumber", "1002", "group", "城关镇代表团"), "/api/sessions/roster/");
        assertThat(second.get("personId").asLong()).isEqualTo(mayor.id());
        assertThat(directory.offices(mayor.id())).hasSize(1);

        office.put("/api/sessions/roster/" + second.get("id").asLong(), Map.of("cardNumber", "1003",
                "group", "城关镇代表团")).expect(200);
        assertThat(office.get("/api/sessions/roster/" + second.get("id").asLong()).expect(200).json()
                .get("cardNumber").asString()).isEqualTo("1003");
        office.delete("/api/sessions/roster/" + second.get("id").asLong()).expect(204);
        assertThat(rosterSize(termId)).isEqualTo(1);
        assertThat(directory.members(termId)).extracting(m -> m.personId()).doesNotContain(mayor.id());
    }

    @Test
    void badEntriesAreRefusedInTheUsersLanguageAndChangeNothing() {
        long termId = openCongressTerm();
        office.post("/api/sessions/terms/" + termId + "/groups", Map.of("kind", "DELEGATION", "nameZh", "河口镇代表团"))
                .expect(201);
        office.post("/api/sessions/terms/" + termId + "/roster", Map.of("nameZh", "赵测试", "cardNumber", "2001",
                "group", "河口镇代表团")).expect(201);
        int people = directory.people().size();

        List<String> refusal = office.in("zh-CN").post("/api/sessions/terms/" + termId + "/roster", Map.of("nameZh",
                "钱测试", "cardNumber", "2001", "group", "不存在代表团", "committee", "法制委员会")).refusal();
        assertThat(refusal).containsExactly("cardNumber: 证号“2001”在本届名单中已被使用。",
                "group: 本届没有代表团“不存在代表团”，请先新增。",
                "committee: 专门委员会仅用于政协名单，人大名单请留空。");
        assertThat(office.post("/api/sessions/terms/" + termId + "/roster", Map.of("nameZh", "孙测试",
                "cardNumber", "20 01", "group", "河口镇代表团")).refusal())
                .containsExactly("cardNumber: The card number \u201c20 01\u201d may hold only letters, digits and hyphens, at most 20.");
        assertThat(office.post("/api/sessions/terms/" + termId + "/groups", Map.of("kind", "SECTOR", "nameZh", "经济界"))
                .refusal()).containsExactly("kind: A people's congress is divided in delegations only.");
        assertThat(office.post("/api/sessions/terms", Map.of("bodyId", congress.id(), "number", 12)).problem(409)
                .toString()).contains("Term 12 of this body is already open.");
        Body standing = directory.createBody(new BodyDraft(BodyKind.STANDING_COMMITTEE, "常委会" + System.nanoTime(),
                null, null, null, 10));
        assertThat(office.post("/api/sessions/terms", Map.of("bodyId", standing.id(), "number", 1, "startsOn",
                "2021-10-01")).refusal()).singleElement().asString()
                .startsWith("bodyId: \u201c常委会").endsWith("is neither a people's congress nor a CPPCC committee; choose one of those.");

        assertThat(rosterSize(termId)).isEqualTo(1);
        assertThat(directory.people()).hasSize(people);
        assertThat(directory.terms(standing.id())).isEmpty();
    }

    @Test
    void aRosterOfHundredsIsImportedFromExcelWithItsDelegationsAndTheDirectorysPeople() {
        long termId = openCongressTerm();
        Person chair = directory.createPerson(new PersonDraft("周主任", "Zhou Zhuren"));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            rows.add(List.of(String.valueOf(i), String.format("12%03d", i), "虚构代表" + i, "第" + (i % 12 + 1) + "代表团", ""));
        }
        rows.add(List.of("301", "12301", "周主任", "第1代表团", String.valueOf(chair.id())));
        long started = System.nanoTime();
        JsonNode result = upload(termId, "代表名单.xlsx", RosterWorkbooks.workbook(HEADER, rows), "zh-CN").expect(200).json();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(result.get("imported").asInt()).isEqualTo(301);
        assertThat(result.get("groupsAdded").asInt()).isEqualTo(12);
        assertThat(millis).as("milliseconds to import 301 deputies").isLessThan(20_000);
        assertThat(rosterSize(termId)).isEqualTo(301);
        assertThat(directory.members(termId)).hasSize(301);
        JsonNode groups = office.get("/api/sessions/terms/" + termId).expect(200).json().get("groups");
        assertThat(groups).hasSize(12);
        assertThat(jdbc.sql("select count(*) from assembly_seat where person_id = :p").param("p", chair.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aRosterWithBadRowsIsRefusedRowByRowAndNothingIsImported() {
        long termId = openCongressTerm();
        office.post("/api/sessions/terms/" + termId + "/roster", Map.of("nameZh", "已有代表", "cardNumber", "9001",
                "group", "城关镇代表团")).expect(400); // no such delegation yet: refused, nothing made
        int people = directory.people().size();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            rows.add(List.of(String.valueOf(i), "3" + i, "虚构代表" + i, "城关镇代表团", ""));
        }
        rows.set(9, List.of("10", "310", "虚构代表10", "", ""));
        rows.set(19, List.of("20", "31", "虚构代表20", "城关镇代表团", ""));
        rows.set(29, List.of("30", "3-30", "虚构代表30", "城关镇代表团", "abc"));
        rows.set(39, List.of("40", "身份证", "虚构代表40", "城关镇代表团", "999999"));
        List<String> refusal = upload(termId, "名单.xlsx", RosterWorkbooks.workbook(HEADER, rows), "zh-CN").refusal();
        assertThat(refusal).containsExactly(
                "row 12: 第12行：“代表团或界别”为空。",
                "row 22: 第22行：证号“31”与第3行重复。",
                "row 32: 第32行：人员编号“abc”不是整数。",
                "row 42: 第42行：证号“身份证”只能由字母、数字和连字符组成，不超过20位。",
                "row 42: 第42行：人员库中没有编号为999999的人员。");
        assertThat(rosterSize(termId)).isZero();
        assertThat(directory.people()).hasSize(people);
        assertThat(jdbc.sql("select count(*) from assembly_group where term_id = :t").param("t", termId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void filesThatAreNoRosterAreRefusedBeforeTheyAreRead() {
        long termId = openCongressTerm();
        assertThat(upload(termId, "名单.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2}, "en")
                .refusal()).containsExactly("file: \u201c名单.xls\u201d is an old Excel file (.xls): save it in Excel as an "
                        + "\u201cExcel Workbook (.xlsx)\u201d and import that.");
        assertThat(upload(termId, "名单.xlsx", RosterWorkbooks.workbook(List.of("甲", "乙"), List.of(List.of("1", "2"))), "en")
                .refusal()).containsExactly("file: No header row found: the first sheet needs the columns \u201cCard "
                        + "number\u201d, \u201cName\u201d and \u201cDelegation or sector\u201d.");
        byte[] bomb = RosterWorkbooks.bomb(300);
        long started = System.nanoTime();
        assertThat(upload(termId, "名单.xlsx", bomb, "en").refusal()).singleElement().asString()
                .startsWith("file: The file 名单.xlsx would unpack to 300.0 MB, more than the 256.0 MB a roster may take");
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds until the refusal").isLessThan(3_000);
        assertThat(rosterSize(termId)).isZero();
    }

    @Test
    void aCppccTermHasSectorsAndSpecialCommitteesButNoDelegations() {
        long termId = office.post("/api/sessions/terms", Map.of("bodyId", cppcc.id(), "number", 9,
                "startsOn", "2021-12-01")).expect(201).json().get("termId").asLong();
        Map<String, Object> member = new HashMap<>(Map.of("nameZh", "吴委员", "cardNumber", "901", "group", "经济界",
                "committee", "提案委员会"));
        List<List<String>> rows = List.of(List.of("1", "901", "吴委员", "经济界", "提案委员会"),
                List.of("2", "902", "郑委员", "教育界", ""));
        JsonNode result = upload(termId, "委员名单.xlsx", RosterWorkbooks.workbook(
                List.of("序号", "委员证号", "姓名", "界别", "专门委员会"), rows), "en").expect(200).json();
        assertThat(result.get("groupsAdded").asInt()).isEqualTo(3);
        JsonNode roster = office.get("/api/sessions/terms/" + termId + "/roster").expect(200).json();
        assertThat(roster.get(0).get("committeeNameZh").asString()).isEqualTo("提案委员会");
        assertThat(office.post("/api/sessions/terms/" + termId + "/roster", member).refusal())
                .containsExactly("cardNumber: The card number \u201c901\u201d is already on this roster.");
    }

    Api.Answer upload(long termId, String name, byte[] content, String language) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType(XLSX));
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }, part));
        String token = new Api(http).post("/api/auth/tokens", Map.of("username", "t-congress-office", "password",
                TestAccounts.PASSWORD)).expect(201).json().get("token").asString();
        EntityExchangeResult<byte[]> result = http.post().uri("/api/sessions/terms/" + termId + "/roster/import")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body)
                .exchange().returnResult(byte[].class);
        byte[] answer = result.getResponseBody();
        return new Api.Answer(result.getStatus().value(), result.getResponseHeaders(), answer == null ? new byte[0] : answer);
    }
}
