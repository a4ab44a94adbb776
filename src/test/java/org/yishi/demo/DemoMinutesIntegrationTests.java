package org.yishi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;

/**
 * The showcase's 青川区 meeting goes the whole way with the demo accounts alone: the office holds it and drafts the
 * minutes, the office head checks them, 陈志远 — who presides on the secretary's behalf — signs them off through the
 * demo account {@code qingchuan-presiding}, and the office issues them. The Heshan {@code secretary} is no member of
 * 青川区 and does not see the meeting at all.
 */
@YishiIntegrationTest({"yishi.demo-data=on", "YISHI_DEMO_PASSWORD=" + DemoMinutesIntegrationTests.PASSWORD})
class DemoMinutesIntegrationTests {

    static final String PASSWORD = "Demo-Minutes-Passw0rd";

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    private Api demo(String username) {
        return new Api(http).signedInAs(new TestAccounts.Login(username, PASSWORD));
    }

    @Test
    void theWaitingQingchuanMeetingIsHeldAndItsMinutesIssuedByDemoAccounts() {
        long id = jdbc.sql("select id from meeting where held_on = date '2024-04-08'").query(Long.class).single();
        long item = jdbc.sql("select id from agenda_item where meeting_id = :m").param("m", id).query(Long.class).single();
        Api office = demo("office");
        Api presiding = demo("qingchuan-presiding");

        demo("secretary").get("/api/meetings/" + id).problem(404);
        assertThat(presiding.get("/api/meetings/" + id).expect(200).json().get("presidingPersonId").asLong())
                .as("the account stands for the presiding person")
                .isEqualTo(jdbc.sql("select person_id from account where username = 'qingchuan-presiding'")
                        .query(Long.class).single());

        office.post("/api/meetings/" + id + "/open", Map.of()).expect(200);
        office.post("/api/items/" + item + "/decision", Map.of("outcome", "DEFERRED")).expect(200);
        office.post("/api/meetings/" + id + "/close", Map.of()).expect(200);
        office.post("/api/meetings/" + id + "/minutes", Map.of()).expect(201);
        demo("office-head").post("/api/meetings/" + id + "/minutes/check", Map.of()).expect(200);
        assertThat(presiding.post("/api/meetings/" + id + "/minutes/sign", Map.of()).expect(200).json().get("state")
                .asString()).isEqualTo("SIGNED_OFF");
        // before issue every copy says it is a draft, and at which stage (issue 12)
        assertThat(office.get("/api/meetings/" + id + "/minutes?lang=en").expect(200).json().get("document").get("draftMark")
                .asString()).isEqualTo("DRAFT · not issued (Signed off)");
        assertThat(office.get("/api/meetings/" + id + "/minutes?lang=zh").expect(200).json().get("document").get("draftMark")
                .asString()).isEqualTo("草稿 · 未印发（已签发）");
        assertThat(pdfText(office.get("/api/meetings/" + id + "/minutes?format=pdf&lang=en").expect(200).body()))
                .contains("DRAFT").contains("not issued");
        assertThat(office.post("/api/meetings/" + id + "/minutes/issue", Map.of()).expect(200).json().get("state")
                .asString()).isEqualTo("ISSUED");
        var mark = office.get("/api/meetings/" + id + "/minutes?lang=en").expect(200).json().get("document").get("draftMark");
        assertThat(mark == null || mark.isNull()).as("issued minutes carry no draft marking").isTrue();
        assertThat(pdfText(office.get("/api/meetings/" + id + "/minutes?format=pdf&lang=en").expect(200).body()))
                .doesNotContain("DRAFT");
    }

    private static String pdfText(byte[] pdf) {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
