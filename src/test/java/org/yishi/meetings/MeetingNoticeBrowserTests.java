package org.yishi.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yishi.Browser;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.directory.Directory;

/**
 * The office sends a meeting's notice and delivers an item's materials through the pages; a member sees the badge,
 * reads the notice and the materials, and the office sees both read receipts. The calendar shows the meeting, on a
 * desk and on a phone, and every page prints without its navigation.
 */
@YishiIntegrationTest({"yishi.demo-data=on", "yishi.supervision.sweep-cron=-"})
class MeetingNoticeBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Meetings meetings;

    @Autowired
    Directory directory;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theOfficeSendsTheNoticeAndMaterialsAndSeesTheMemberReadThem() throws Exception {
        LocalDate date = LocalDate.now().plusDays(12);
        PlannedMeeting p = PlannedMeeting.plan(meetings, directory, date);
        TestAccounts.Login chen = TestAccounts.member(accounts, p.chen());
        var driver = browser.driver;
        driver.manage().deleteAllCookies();
        browser.signIn(url(""), TestAccounts.of(accounts, "office"));
        driver.get(url("/meetings/" + p.meetingId()));
        driver.findElement(By.id("meeting-notice")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-notice")));
        driver.findElement(By.id("send-notice")).click();
        WebElement text = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice-text")));
        assertThat(text.getText()).startsWith("会议通知").contains("传达学习习近平总书记近期重要讲话精神").contains("出席：");
        assertThat(driver.findElement(By.id("notice-heading")).getText()).contains("第").contains("次会议");

        // a directory of this run's own: the file's name is what the page shows, and an earlier run's file may remain
        Path named = Files.createTempDirectory("materials").resolve("改造方案-" + p.meetingId() + ".pdf");
        Files.writeString(named, "%PDF-1.4\n% 老旧小区改造实施方案\n", StandardCharsets.UTF_8);
        driver.findElement(By.cssSelector("#item-" + p.renovation() + " input[type=file]")).sendKeys(named.toString());
        driver.findElement(By.cssSelector("#item-" + p.renovation() + " button[type=submit]")).click();
        browser.wait.until(d -> d.findElement(By.id("item-" + p.renovation())).getText().contains("第1版"));
        browser.screenshot("meeting-notice-office");

        // the member: the badge, the inbox, the notice, the materials
        browser.signOut();
        browser.signIn(url(""), chen);
        WebElement bell = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#meeting-bell .bell-count")));
        assertThat(bell.getText()).isEqualTo("1");
        driver.findElement(By.id("meeting-bell")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("meeting-inbox")));
        driver.findElement(By.cssSelector("#meeting-inbox a")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice-text")));
        assertThat(driver.findElements(By.id("send-notice"))).as("a member cannot send it").isEmpty();
        assertThat(driver.findElements(By.id("receipts"))).as("nor see the receipts").isEmpty();
        String href = driver.findElement(By.cssSelector("#item-" + p.renovation() + " .versions a")).getAttribute("href");
        driver.get(href);
        browser.screenshot("meeting-notice-member");

        // the office sees both readings
        driver.get(url("/meetings/" + p.meetingId() + "/notice"));
        browser.signOut();
        browser.signIn(url(""), TestAccounts.of(accounts, "office"));
        driver.get(url("/meetings/" + p.meetingId() + "/notice"));
        // 陈志远 may have more than one account (the demo's qingchuan-presiding and this test's): the one he used has read it
        assertThat(driver.findElements(By.cssSelector("#receipts tbody tr")).stream()
                .filter(r -> r.getText().contains("陈志远")).map(r -> r.getAttribute("data-read")).toList())
                .contains("true");
        assertThat(driver.findElement(By.id("item-" + p.renovation())).getText()).contains("已读：陈志远");

        // printed: no navigation, no buttons
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(driver.findElement(By.cssSelector("header.topbar")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("notice-text")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("notice-text")).getCssValue("color")).isIn("rgba(0, 0, 0, 1)", "rgb(0, 0, 0)");
        browser.screenshot("meeting-notice-print");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        // the calendar, on a desk and on a phone
        driver.get(url("/meetings/calendar?date=" + date));
        WebElement entry = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#day-" + date + " [data-meeting='" + p.meetingId() + "']")));
        assertThat(entry.getText()).contains("上午").contains("已通知");
        browser.screenshot("meeting-calendar-month");
        driver.findElement(By.id("view-week")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#meeting-calendar.week")));
        browser.screenshot("meeting-calendar-week");
        Dimension desk = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(390, 844));
            driver.get(url("/meetings/calendar?date=" + date));
            WebElement onPhone = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#day-" + date + " [data-meeting='" + p.meetingId() + "']")));
            assertThat(onPhone.isDisplayed()).isTrue();
            assertThat(onPhone.getRect().getWidth()).as("a day fills the phone's width").isGreaterThan(250);
            browser.screenshot("meeting-calendar-phone");
        } finally {
            driver.manage().window().setSize(desk);
        }
    }
}
