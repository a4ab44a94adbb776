package org.yishi.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;

/** The congress and CPPCC pages with the demo's sessions, in Chinese and English, as the congress office sees them. */
@YishiIntegrationTest("yishi.demo-data=on")
@AutoConfigureMockMvc
class DemoSessionPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    private RequestPostProcessor office() throws Exception {
        TestAccounts.Login login = TestAccounts.of(accounts, "congress-office");
        Cookie session = mvc.perform(formLogin("/login").user(login.username()).password(login.password()))
                .andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        return request -> {
            request.setCookies(session);
            return request;
        };
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(who)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void everyPageOfTheCongressSessionShowsInBothLanguages() throws Exception {
        RequestPostProcessor office = office();
        long term = id("select a.term_id from assembly_term a where a.chamber = 'CONGRESS'");
        long session = id("select id from assembly_session s where s.term_id = (select term_id from assembly_term where chamber = 'CONGRESS')");
        long preparatory = id("select id from session_sitting where kind = 'PREPARATORY' and session_id = " + session);
        long entry = id("select min(id) from assembly_seat where term_id = " + term);

        assertThat(page("/sessions/terms", office)).contains("鹤山区人民代表大会").contains("中国人民政治协商会议鹤山区委员会");
        assertThat(page("/sessions/terms/" + term, office)).contains("名单共有代表268名").contains("第十二代表团");
        assertThat(page("/sessions/roster/" + entry, office)).contains("示例代表001").contains("12001");
        assertThat(page("/sessions/terms/" + term + "/import", office)).contains("导入名单");
        assertThat(page("/sessions/terms/" + term + "/sessions", office)).contains("鹤山区第十二届人民代表大会第四次会议");
        assertThat(page("/sessions/sessions/" + session, office)).contains("鹤山区第十二届人民代表大会第四次会议")
                .contains("听取和审议鹤山区人民政府工作报告").contains("预备会议已通过议程。").contains("筹备本次会议的常委会会议");
        assertThat(page("/sessions/sittings/" + preparatory + "/desk", office))
                .contains("应出席代表268名，实到251名，符合法定人数").contains("因病住院");
        assertThat(page("/sessions/sessions/" + session + "?language=en", office))
                .contains("Fourth Session of the 12th Heshan District People’s Congress").contains("Adopted by the preparatory meeting.");
        assertThat(page("/sessions/sittings/" + preparatory + "/desk?language=en", office))
                .contains("Of the 268 deputies due to attend, 251 are present: a quorum.");
    }

    @Test
    void aRosterFileWithBadRowsIsReportedRowByRowOnTheImportPage() throws Exception {
        RequestPostProcessor office = office();
        long term = id("select a.term_id from assembly_term a where a.chamber = 'CONGRESS'");
        byte[] workbook;
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet();
            var head = sheet.createRow(0);
            head.createCell(0).setCellValue("代表证号");
            head.createCell(1).setCellValue("姓名");
            head.createCell(2).setCellValue("代表团");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("12001");
            row.createCell(1).setCellValue("重复代表");
            row.createCell(2).setCellValue("第一代表团");
            book.write(out);
            workbook = out.toByteArray();
        }
        MockHttpServletResponse response = mvc.perform(multipart("/sessions/terms/" + term + "/import")
                .file(new MockMultipartFile("file", "名单.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook))
                .with(office).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("未导入任何人员。").contains("证号“12001”在本届名单中已被使用。");
        assertThat(id("select count(*) from assembly_seat where term_id = " + term)).isEqualTo(268);
    }
}
