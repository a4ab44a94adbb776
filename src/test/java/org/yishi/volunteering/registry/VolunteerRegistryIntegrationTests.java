package org.yishi.volunteering.registry;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.yishi.accounts.AccountDraft;
import org.yishi.accounts.Accounts;
import tools.jackson.databind.JsonNode;

/**
 * The registry through the JSON API: a station's manager registers volunteers at their station and sees nothing of
 * another's; a volunteer registers themselves once; an ID number is validated, refused twice, kept only encrypted,
 * shown masked, and each reading of it in full is audited.
 */
@YishiIntegrationTest("yishi.demo-data=off")
class VolunteerRegistryIntegrationTests {

    /** Fictional numbers with valid check digits. */
    private static final String FIRST = number("44078419900305002");
    private static final String SECOND = number("44078419851120003");

    @Autowired
    RestTestClient http;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    private Api office;
    private long eastAccount;
    private long westAccount;
    private Api east;
    private Api west;
    private long eastStation;
    private long westStation;

    private static String number(String seventeen) {
        return seventeen + IdNumber.checkCharacter(seventeen);
    }

    private TestAccounts.Login account(String prefix, String role) {
        String name = prefix + "-" + System.nanoTime() % 10_000_000;
        accounts.createWithPassword(new AccountDraft(name, null, TestAccounts.PASSWORD, null, null), List.of(role));
        return new TestAccounts.Login(name, TestAccounts.PASSWORD);
    }

    private Map<String, Object> draft(String name, String idNumber) {
        return Map.of("name", name, "idNumber", idNumber, "area", "鹤山区沙坪街道", "contact", "13800000000",
                "skills", List.of("急救", "摄影"), "serviceCategories", List.of("邻里互助"));
    }

    @BeforeEach
    void stations() {
        office = new Api(http).signedInAs(TestAccounts.of(accounts, "office"));
        TestAccounts.Login eastLogin = account("mgr-east", "station-manager");
        TestAccounts.Login westLogin = account("mgr-west", "station-manager");
        eastAccount = accounts.findByUsername(eastLogin.username()).orElseThrow().id();
        westAccount = accounts.findByUsername(westLogin.username()).orElseThrow().id();
        east = new Api(http).signedInAs(eastLogin);
        west = new Api(http).signedInAs(westLogin);
        eastStation = office.create("/api/volunteering/stations", Map.of("kind", "STATION",
                "name", "沙坪街道东风社区新时代文明实践站 " + eastAccount, "managerAccountIds", List.of(eastAccount)),
                "/api/volunteering/stations/").get("id").asLong();
        westStation = office.create("/api/volunteering/stations", Map.of("kind", "STATION",
                "name", "沙坪街道西河社区新时代文明实践站 " + westAccount, "managerAccountIds", List.of(westAccount)),
                "/api/volunteering/stations/").get("id").asLong();
        jdbc.sql("delete from volunteer where id_number_masked in (?, ?)")
                .params(new IdNumber(FIRST).masked(), new IdNumber(SECOND).masked()).update();
    }

    @Test
    void theNumberIsStoredOnlyEncryptedAndShownMasked() {
        JsonNode v = east.create("/api/volunteering/stations/" + eastStation + "/volunteers", draft("李明", FIRST),
                "/api/volunteering/volunteers/");
        assertThat(v.get("idNumberMasked").asString()).isEqualTo("440***********" + FIRST.substring(14));
        assertThat(v.get("sex").asString()).isEqualTo("FEMALE");
        assertThat(v.get("birthDate").asString()).isEqualTo("1990-03-05");
        assertThat(v.toString()).doesNotContain(FIRST).doesNotContain("19900305");
        String row = jdbc.sql("select row_to_json(v)::text from volunteer v where id = ?").param(v.get("id").asLong())
                .query(String.class).single();
        byte[] cipher = jdbc.sql("select id_number_cipher from volunteer where id = ?").param(v.get("id").asLong())
                .query(byte[].class).single();
        assertThat(row).doesNotContain(FIRST).doesNotContain(FIRST.substring(0, 17)).doesNotContain("19900305");
        assertThat(new String(cipher, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("4407841990");
        assertThat(cipher).hasSize(12 + 18 + 16);
    }

    @Test
    void readingTheFullNumberIsAudited() {
        long id = east.create("/api/volunteering/stations/" + eastStation + "/volunteers", draft("李明", FIRST),
                "/api/volunteering/volunteers/").get("id").asLong();
        int before = audited(id);
        assertThat(east.get("/api/volunteering/volunteers/" + id + "/id-number").expect(200).json().get("idNumber")
                .asString()).isEqualTo(FIRST);
        assertThat(audited(id)).isEqualTo(before + 1);
        String actor = jdbc.sql("select actor from audit_entry where action = 'volunteer.read-id-number' and subject_id = ? "
                + "order by id desc limit 1").param(String.valueOf(id)).query(String.class).single();
        assertThat(accounts.findByUsername(actor).orElseThrow().id()).isEqualTo(eastAccount);
        west.get("/api/volunteering/volunteers/" + id + "/id-number").expect(404);
        assertThat(audited(id)).as("a refused reading reads nothing").isEqualTo(before + 1);
    }

    private int audited(long id) {
        return jdbc.sql("select count(*) from audit_entry where action = 'volunteer.read-id-number' and subject_id = ?")
                .param(String.valueOf(id)).query(Integer.class).single();
    }

    @Test
    void aDuplicateRegistrationIsRefusedAtAnyStationAndChangesNothing() {
        east.create("/api/volunteering/stations/" + eastStation + "/volunteers", draft("李明", FIRST),
                "/api/volunteering/volunteers/");
        int count = jdbc.sql("select count(*) from volunteer").query(Integer.class).single();
        JsonNode refused = west.in("zh-CN").post("/api/volunteering/stations/" + westStation + "/volunteers",
                draft("李明明", " " + FIRST.toLowerCase() + " ")).problem(409);
        assertThat(refused.toString()).contains("该身份证号码的志愿者已经注册");
        assertThat(jdbc.sql("select count(*) from volunteer").query(Integer.class).single()).isEqualTo(count);
    }

    @Test
    void anInvalidNumberIsRefusedWithTheReason() {
        String typo = FIRST.substring(0, 5) + (char) ('0' + (FIRST.charAt(5) - '0' + 1) % 10) + FIRST.substring(6);
        assertThat(east.post("/api/volunteering/stations/" + eastStation + "/volunteers", draft("李明", typo)).refusal())
                .containsExactly("idNumber: The ID number's last character does not match its check digit: check for a "
                        + "mistyped digit.");
        assertThat(east.in("zh-CN").post("/api/volunteering/stations/" + eastStation + "/volunteers",
                Map.of("idNumber", "4407841990")).refusal()).containsExactly("name: 请填写姓名。", "area: 请填写居住地区。",
                "contact: 请填写联系方式。", "idNumber: 身份证号码为18位：前17位为数字，最后一位为数字或X。");
        assertThat(east.get("/api/volunteering/stations/" + eastStation + "/volunteers").expect(200).json()).isEmpty();
    }

    @Test
    void aManagerSeesOnlyTheirOwnStationAndItsVolunteers() {
        long id = east.create("/api/volunteering/stations/" + eastStation + "/volunteers", draft("李明", FIRST),
                "/api/volunteering/volunteers/").get("id").asLong();
        assertThat(east.get("/api/volunteering/stations").expect(200).json().valueStream().map(s -> s.get("id").asLong()))
                .containsExactly(eastStation);
        assertThat(west.get("/api/volunteering/stations").expect(200).json().valueStream().map(s -> s.get("id").asLong()))
                .containsExactly(westStation);
        assertThat(office.get("/api/volunteering/stations").expect(200).json().valueStream().map(s -> s.get("id").asLong()))
                .contains(eastStation, westStation);
        assertThat(east.get("/api/volunteering/stations/" + eastStation + "/volunteers").expect(200).json()
                .valueStream().map(v -> v.get("id").asLong())).containsExactly(id);
        west.get("/api/volunteering/stations/" + eastStation).expect(404);
        west.get("/api/volunteering/stations/" + eastStation + "/volunteers").expect(404);
        west.get("/api/volunteering/volunteers/" + id).expect(404);
        west.post("/api/volunteering/stations/" + eastStation + "/volunteers", draft("王芳", SECOND)).expect(404);
        assertThat(jdbc.sql("select count(*) from volunteer where station_id = ?").param(eastStation)
                .query(Integer.class).single()).isEqualTo(1);
        office.get("/api/volunteering/volunteers/" + id).expect(200);
    }

    @Test
    void aVolunteerRegistersThemselvesOnceAndSeesOnlyTheirOwnRecord() {
        Api volunteer = new Api(http).signedInAs(account("vol", "volunteer"));
        volunteer.get("/api/volunteering/me").expect(404);
        JsonNode mine = volunteer.create("/api/volunteering/me?stationId=" + westStation, draft("王芳", SECOND),
                "/api/volunteering/volunteers/");
        assertThat(volunteer.get("/api/volunteering/me").expect(200).json()).isEqualTo(mine);
        assertThat(mine.get("stationId").asLong()).isEqualTo(westStation);
        assertThat(mine.get("sex").asString()).isEqualTo("MALE");
        assertThat(volunteer.post("/api/volunteering/me", draft("王芳", FIRST)).problem(409).toString())
                .contains("This account has registered its volunteer record already.");
        assertThat(west.get("/api/volunteering/stations/" + westStation + "/volunteers").expect(200).json()
                .valueStream().map(v -> v.get("name").asString())).containsExactly("王芳");
        long other = east.create("/api/volunteering/stations/" + eastStation + "/volunteers", draft("李明", FIRST),
                "/api/volunteering/volunteers/").get("id").asLong();
        volunteer.get("/api/volunteering/volunteers/" + other).expect(404);
        volunteer.get("/api/volunteering/volunteers/" + mine.get("id").asLong() + "/id-number").expect(200);
        volunteer.get("/api/volunteering/stations").expect(403);
    }
}
