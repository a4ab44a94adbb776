package org.yishi.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;

/**
 * The demo's meeting pages offer only what the viewer may do now, count a meeting's items as Chinese readers count
 * them, stop warning of the first item once a meeting is over, and a missing page says it is missing.
 */
@YishiIntegrationTest("yishi.demo-data=on")
@AutoConfigureMockMvc
class DemoPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    private RequestPostProcessor as(TestAccounts.Login login) throws Exception {
        return DemoSessions.as(mvc, login);
    }

    private String page(String path, RequestPostProcessor who, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(who)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(status);
        return response.getContentAsString();
    }

    private long meetingOn(String date) {
        return jdbc.sql("select id from meeting where held_on = cast(:d as date)").param("d", date).query(Long.class).single();
    }

    @Test
    void aMemberIsOfferedNeitherNewMeetingNorEdit() throws Exception {
        long heshan = meetingOn("2023-02-27");
        RequestPostProcessor office = as(TestAccounts.of(accounts, "office"));
        long zhangChao = jdbc.sql("select person_id from account where username = 'secretary'").query(Long.class).single();
        RequestPostProcessor member = as(TestAccounts.member(accounts, zhangChao));
        assertThat(page("/meetings", office, 200)).contains("id=\"new-meeting\"");
        String list = page("/meetings", member, 200);
        assertThat(list).contains("/meetings/" + heshan + "\"").doesNotContain("id=\"new-meeting\"")
                .doesNotContain("/edit\"");
        assertThat(page("/meetings/" + heshan, member, 200)).doesNotContain("id=\"edit-meeting\"");
    }

    @Test
    void aClosedMeetingOffersNoEditAndNoFirstItemWarning() throws Exception {
        RequestPostProcessor office = as(TestAccounts.of(accounts, "office"));
        long march = meetingOn("2024-03-12");
        String closed = page("/meetings/" + march, office, 200);
        assertThat(closed).doesNotContain("id=\"edit-meeting\"").doesNotContain("第一议题应传达学习");
        long april = meetingOn("2024-04-08");
        assertThat(page("/meetings/" + april, office, 200)).as("a meeting still to be held is edited and warned of")
                .contains("id=\"edit-meeting\"").contains("第一议题应传达学习尚未传达的最新上级精神");
        String list = page("/meetings", office, 200);
        assertThat(list).as("the list offers edit only for the meeting still to be held")
                .contains("/meetings/" + april + "/edit\"").doesNotContain("/meetings/" + march + "/edit\"");
    }

    @Test
    void theListCountsAllItemsInChineseAndTheOthersInEnglish() throws Exception {
        RequestPostProcessor office = as(TestAccounts.of(accounts, "office"));
        assertThat(page("/meetings", office, 200)).as("four items in 青川区 in March, three in Heshan")
                .contains("等 4 项").contains("等 3 项");
        assertThat(page("/meetings?language=en", office, 200)).contains("and 3 more").contains("and 2 more");
    }

    @Test
    void aMissingPageSaysItIsMissing() throws Exception {
        RequestPostProcessor office = as(TestAccounts.of(accounts, "office"));
        assertThat(page("/meetings/987654321", office, 404)).contains("未找到").doesNotContain("系统出现错误");
        assertThat(page("/meetings/987654321?language=en", office, 404)).contains("Not found")
                .doesNotContain("Something went wrong");
    }

    @Test
    void theDemoLedgerNamesEachItemsResponsibleLeaderAndPagesNameWhoIsSignedIn() throws Exception {
        RequestPostProcessor supervision = as(TestAccounts.of(accounts, "supervision"));
        String ledger = page("/supervision/ledger", supervision, 200);
        java.util.List<String> leaders = org.jsoup.Jsoup.parse(ledger).select("#ledger td.leader, table td.leader").eachText();
        assertThat(leaders).as("the 责任领导 column").isNotEmpty().doesNotContain("");
        assertThat(leaders).contains("邢玉福", "周翔", "王春雷");
        assertThat(page("/supervision/ledger?language=en", supervision, 200)).contains("Xing Yufu");

        long zhangChao = jdbc.sql("select person_id from account where username = 'secretary'").query(Long.class).single();
        RequestPostProcessor secretary = as(TestAccounts.member(accounts, zhangChao));
        org.jsoup.nodes.Element account = org.jsoup.Jsoup.parse(page("/meetings", secretary, 200)).getElementById("account-link");
        assertThat(account.text()).as("the person, not the login name").isEqualTo("张超");
        assertThat(org.jsoup.Jsoup.parse(page("/meetings?language=en", secretary, 200)).getElementById("account-link").text())
                .isEqualTo("Zhang Chao");
    }
}
