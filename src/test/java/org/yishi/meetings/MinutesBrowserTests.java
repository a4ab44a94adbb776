package org.yishi.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yishi.Browser;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.directory.Directory;

/**
 * The record and the minutes in the browser: from the meeting page to the record, then the minutes taken from draft
 * to issue by the office, the office head and the presiding member, each seeing only their own buttons, and a refusal
 * shown as a form error. Screenshots go to target/screenshots.
 */
@YishiIntegrationTest("yishi.demo-data=off")
class MinutesBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;
    @Autowired
    Meetings meetings;
    @Autowired
    Procedure procedure;
    @Autowired
    Accounts accounts;

    @Test
    void theOfficeReadsTheRecordAndTakesTheMinutesToIssue() {
        MinutesStory story = new MinutesStory(directory, meetings, procedure);
        long id = story.holdMeeting(LocalDate.of(2024, 3, 12), true, true);
        String base = "http://localhost:" + port;

        browser.signIn(base, TestAccounts.of(accounts, "office"));
        browser.driver.get(base + "/meetings/" + id);
        browser.driver.findElement(By.id("record-link")).click();
        browser.wait.until(d -> d.getCurrentUrl().endsWith("/record"));
        String record = text("document");
        assertThat(record).contains("八届区委常委会第1次会议记录", "陈志远发言", "同意方案，建议把老旧小区改造列为第一项。",
                "表决情况", "7人参加投票；无记名投票不记录个人的表决意见");
        assertThat(browser.driver.findElements(By.cssSelector(".downloads a")).stream().map(a -> a.getAttribute("href")).toList())
                .anySatisfy(href -> assertThat(href).endsWith("/record/export?format=pdf&lang=zh"));
        browser.screenshot("record-page-zh");

        browser.driver.get(base + "/meetings/" + id + "/minutes");
        assertThat(text("minutes-state")).contains("尚未起草");
        assertThat(text("document")).contains("会议经表决，原则同意《青川区2024年民生实事项目实施方案》。");
        assertThat(buttons()).containsExactly("draft-minutes");
        click("draft-minutes");
        assertThat(text("minutes-state")).contains("草稿");
        assertThat(buttons()).containsExactly("check-minutes");
        click("check-minutes"); // the drafter may not check
        assertThat(text("form-errors")).contains("纪要须由起草人以外的人员核稿。");
        browser.screenshot("minutes-refused");
        browser.signOut();

        // the supervision office reads minutes once issued, not before
        browser.signIn(base, TestAccounts.of(accounts, "supervision"));
        browser.driver.get(base + "/meetings/" + id + "/minutes");
        assertThat(text("minutes-state")).contains("草稿");
        assertThat(text("not-issued")).contains("纪要尚未印发");
        assertThat(browser.driver.findElements(By.id("document"))).isEmpty();
        assertThat(buttons()).isEmpty();
        browser.signOut();

        browser.signIn(base, MinutesStory.officeHead(accounts));
        browser.driver.get(base + "/meetings/" + id + "/minutes");
        click("check-minutes");
        assertThat(text("minutes-state")).contains("已核稿");
        assertThat(buttons()).isEmpty(); // the office does not sign off
        assertThat(browser.driver.findElements(By.id("send-back"))).hasSize(1);
        browser.signOut();

        browser.signIn(base, TestAccounts.member(accounts, story.lin));
        browser.driver.get(base + "/meetings/" + id + "/minutes");
        assertThat(buttons()).containsExactly("sign-minutes");
        click("sign-minutes");
        assertThat(text("minutes-state")).contains("已签发");
        browser.signOut();

        browser.signIn(base, TestAccounts.of(accounts, "office"));
        browser.driver.get(base + "/meetings/" + id + "/minutes");
        click("issue-minutes");
        assertThat(text("minutes-state")).contains("已印发");
        assertThat(buttons()).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector(".alert-warn"))).isEmpty();
        browser.screenshot("minutes-issued-zh");

        browser.driver.get(base + "/meetings/" + id + "/minutes?language=en");
        assertThat(text("document")).contains("After a vote, the meeting agreed in principle.");
        browser.screenshot("minutes-issued-en");
    }

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    private void click(String id) {
        WebElement button = browser.driver.findElement(By.id(id));
        button.click();
        browser.wait.until(d -> stale(button)); // the page that answers the form replaces this one
    }

    private static boolean stale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        }
    }

    /** The workflow buttons shown, by id. */
    private List<String> buttons() {
        return browser.driver.findElements(By.cssSelector(".workflow-actions button")).stream()
                .map(b -> b.getAttribute("id")).toList();
    }
}
