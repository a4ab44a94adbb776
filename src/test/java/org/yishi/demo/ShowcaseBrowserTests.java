package org.yishi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yishi.Browser;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;

/**
 * The showcase as a newcomer tries it (issue 12), every step in the pages and by a demo account: the office holds the
 * waiting 青川区 meeting of 8 April 2024, drafts its minutes, the office head checks them, 陈志远
 * ({@code qingchuan-presiding}) signs them off and the office issues them; a reader reads the readout; the decision
 * reaches the supervision office's inbox, which confirms and assigns it; the 区应急局's liaison accepts it and reports.
 */
@YishiIntegrationTest({"yishi.demo-data=on", "YISHI_DEMO_PASSWORD=" + ShowcaseBrowserTests.PASSWORD})
class ShowcaseBrowserTests {

    static final String PASSWORD = "Showcase-Passw0rd";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signInAs(String demoAccount) {
        browser.driver.manage().deleteAllCookies();
        browser.signIn(url(""), new TestAccounts.Login(demoAccount, PASSWORD));
    }

    private String text(String id) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    /** Does something in the meeting room and waits for the room redrawn. */
    private void inRoom(Runnable action, boolean confirm) {
        WebElement room = browser.driver.findElement(By.id("room"));
        action.run();
        if (confirm) {
            browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
        }
        browser.wait.until(ExpectedConditions.stalenessOf(room));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("room")));
    }

    /** Clicks a button whose form answers with a new page, and waits for it. */
    private void submit(String id) {
        WebElement button = browser.driver.findElement(By.id(id));
        button.click();
        browser.wait.until(ExpectedConditions.stalenessOf(button));
    }

    /** Clicks a button of the supervised item's page and waits for the item redrawn with its notice. */
    private void itemStep(String button, String notice) {
        WebElement before = browser.driver.findElement(By.id("item"));
        browser.driver.findElement(By.id(button)).click();
        browser.wait.until(ExpectedConditions.stalenessOf(before));
        assertThat(text("notice")).isEqualTo(notice);
    }

    @Test
    void theShowcaseGoesFromTheWaitingMeetingToTheUnitsReport() {
        var driver = browser.driver;
        long meeting = jdbc.sql("select id from meeting where held_on = date '2024-04-08'").query(Long.class).single();

        // the office holds the waiting meeting
        signInAs("office");
        driver.get(url("/meetings"));
        driver.findElement(By.cssSelector("a[href='/meetings/" + meeting + "']")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("run-meeting"))).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("room")));
        assertThat(text("next-action")).isEqualTo("宣布开会");
        browser.screenshot("showcase-01-waiting-meeting");
        inRoom(() -> driver.findElement(By.id("next-action")).click(), true);
        assertThat(text("room-notice")).isEqualTo("已宣布开会。");
        inRoom(() -> driver.findElement(By.cssSelector("#decide-form button.decide-adopt")).click(), false);
        assertThat(text("outcome-label")).isEqualTo("通过");
        browser.screenshot("showcase-02-decided");
        inRoom(() -> driver.findElement(By.id("next-action")).click(), true);
        assertThat(text("room-notice")).isEqualTo("已宣布散会。");

        // the minutes: drafted, checked by the office head, signed off by 陈志远, issued
        driver.findElement(By.id("to-minutes")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("minutes-state")));
        submit("draft-minutes");
        assertThat(text("minutes-state")).contains("草稿");
        signInAs("office-head");
        driver.get(url("/meetings/" + meeting + "/minutes"));
        submit("check-minutes");
        assertThat(text("minutes-state")).contains("已核稿");
        signInAs("qingchuan-presiding");
        driver.get(url("/meetings/" + meeting + "/minutes"));
        assertThat(text("account-link")).isEqualTo("陈志远");
        submit("sign-minutes");
        assertThat(text("minutes-state")).contains("已签发");
        browser.screenshot("showcase-03-signed-off");
        signInAs("office");
        driver.get(url("/meetings/" + meeting + "/minutes"));
        submit("issue-minutes");
        assertThat(text("minutes-state")).contains("已印发");
        browser.screenshot("showcase-04-issued");

        // a reader reads its readout
        signInAs("reader");
        driver.get(url("/readouts"));
        driver.findElement(By.cssSelector("a[href='/readouts/" + meeting + "']")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("readout-text"), "会议要求"));
        assertThat(text("readout-text")).contains("受区委书记林海峰委托").contains("陈志远主持").contains("防汛");
        browser.screenshot("showcase-05-readout");

        // the decision waits in the supervision office's inbox: confirmed with its lead unit, and assigned
        signInAs("supervision");
        driver.get(url("/supervision/proposals"));
        WebElement card = driver.findElements(By.cssSelector("[id^=proposal-]")).stream()
                .filter(c -> c.getText().contains("研究部署防汛备汛工作")).findFirst().orElseThrow();
        String proposal = card.getAttribute("id").substring("proposal-".length());
        WebElement confirm = card.findElement(By.cssSelector("details.confirm"));
        if (confirm.getAttribute("open") == null) {
            confirm.findElement(By.tagName("summary")).click();
        }
        new Select(card.findElement(By.name("items[0].leadUnitId"))).selectByVisibleText("青川区应急管理局");
        driver.executeScript("arguments[0].scrollIntoView()", card);
        browser.screenshot("showcase-06-inbox");
        driver.findElement(By.id("confirm-" + proposal)).click();
        browser.wait.until(d -> d.getCurrentUrl().contains("?done=confirmed"));
        String serial = text("item-serial");
        long item = Long.parseLong(driver.findElement(By.id("item")).getAttribute("data-item"));
        assertThat(text("item-source")).contains("研究部署防汛备汛工作");
        itemStep("assign", "已交办，等待主办单位签收。");
        browser.screenshot("showcase-07-assigned");

        // the unit's liaison accepts it and reports progress
        signInAs("liaison-yjj");
        browser.wait.until(d -> d.getCurrentUrl().endsWith("/supervision/unit"));
        assertThat(text("to-accept")).contains(serial);
        driver.findElement(By.id("accept-" + item)).click();
        assertThat(text("notice")).isEqualTo("已签收" + serial + "，进入办理。");
        driver.findElement(By.linkText(serial)).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report")));
        driver.findElement(By.id("progress-text")).sendKeys("已完成汛前隐患排查，整改隐患12处。");
        WebElement percent = driver.findElement(By.id("progress-percent"));
        percent.clear();
        percent.sendKeys("40");
        itemStep("report-progress", "进展已报送。");
        assertThat(text("reports")).contains("进展 40%").contains("已完成汛前隐患排查").contains("青川区应急管理局联络员");
        assertThat(text("log")).contains("已完成汛前隐患排查");
        browser.screenshot("showcase-08-reported");
    }
}
