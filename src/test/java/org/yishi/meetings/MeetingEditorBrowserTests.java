package org.yishi.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yishi.Browser;
import org.yishi.TestAccounts;
import org.yishi.accounts.Accounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.directory.Body;
import org.yishi.directory.BodyKind;
import org.yishi.directory.Directory;

/** Drives the real meeting editor in headless Chromium against the demo directory. */
@YishiIntegrationTest("yishi.demo-data=on")
class MeetingEditorBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Meetings meetings;

    @Autowired
    Directory directory;

    @Autowired
    Accounts accounts;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long countMeetings() {
        return jdbc.sql("select count(*) from meeting").query(Long.class).single();
    }

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        browser.driver.manage().deleteAllCookies();
        browser.signIn("http://localhost:" + port, TestAccounts.of(accounts, "office"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private long heshanStandingCommittee() {
        return directory.bodies().stream()
                .filter(b -> b.kind() == BodyKind.STANDING_COMMITTEE && b.nameZh().contains("鹤山"))
                .map(Body::id).findFirst().orElseThrow();
    }

    /** Picks body and date the way a user does; the attendance part is redrawn by htmx. */
    private void chooseBodyAndDate(long bodyId, String isoDate) {
        var driver = browser.driver;
        new Select(driver.findElement(By.id("bodyId"))).selectByValue(String.valueOf(bodyId));
        WebElement section = driver.findElement(By.id("attendance-section"));
        WebElement date = driver.findElement(By.id("date"));
        driver.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                date, isoDate);
        browser.wait.until(ExpectedConditions.stalenessOf(section));
        browser.wait.until(d -> d.findElements(By.cssSelector("#members tr[data-person]")).size() == 9);
    }

    private WebElement memberRow(String name) {
        return browser.driver.findElements(By.cssSelector("#members tr[data-person]")).stream()
                .filter(r -> r.getText().contains(name)).findFirst().orElseThrow();
    }

    @Test
    void aMeetingEnteredInTheEditorShowsItsReadoutInBothLanguages() {
        var driver = browser.driver;
        long before = countMeetings();
        driver.get(url("/meetings"));
        driver.findElement(By.id("new-meeting")).click();
        chooseBodyAndDate(heshanStandingCommittee(), "2023-03-15");
        new Select(driver.findElement(By.id("timeOfDay"))).selectByValue("AFTERNOON");

        WebElement guo = memberRow("郭学光");
        guo.findElement(By.cssSelector("input[value=ON_LEAVE]")).click();
        guo.findElement(By.cssSelector("input[type=text]")).sendKeys("出差");
        new Select(driver.findElement(By.id("presidingPersonId"))).selectByValue(
                memberRow("张超").getAttribute("data-person"));
        driver.findElements(By.cssSelector("#in-attendance label")).stream()
                .filter(l -> l.getText().equals("齐铁林")).findFirst().orElseThrow()
                .findElement(By.tagName("input")).click();

        Select firstVisibility = new Select(driver.findElement(By.name("items[0].visibility")));
        assertThat(firstVisibility.getFirstSelectedOption().getAttribute("value")).as("a new item is internal until released")
                .isEqualTo("INTERNAL");
        firstVisibility.selectByValue("PUBLIC");
        driver.findElement(By.name("items[0].titleZh")).sendKeys("传达学习省委全会精神");
        driver.findElement(By.name("items[0].titleEn")).sendKeys("convey the spirit of the plenary session of the provincial Party committee");
        driver.findElement(By.name("items[0].conclusionsZh")).sendKeys("会议要求，全区上下要迅速掀起学习热潮。");
        driver.findElement(By.name("items[0].conclusionsEn")).sendKeys("The meeting required the whole district to study it at once.");
        driver.findElement(By.id("add-item")).click();
        new Select(driver.findElement(By.name("items[1].kind"))).selectByValue("PERSONNEL");
        new Select(driver.findElement(By.name("items[1].visibility"))).selectByValue("CONFIDENTIAL");
        driver.findElement(By.name("items[1].titleZh")).sendKeys("研究干部任免绝密事项");
        browser.screenshot("meeting-editor-filled");
        driver.findElement(By.id("save-meeting")).click();

        WebElement readout = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("readout-text")));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("readout-text"), "主持会议并讲话"));
        browser.screenshot("meeting-page-zh");
        long created = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/meetings/(\\d+).*", "$1"));
        Meeting saved = meetings.meeting(created);
        assertThat(saved.date()).hasToString("2023-03-15");
        assertThat(saved.sequence()).as("a draft is numbered when its notice goes out").isNull();
        assertThat(driver.findElement(By.id("meeting-heading")).getText()).isEqualTo("十二届区委常委会会议（未编号）");
        assertThat(countMeetings()).isEqualTo(before + 1);
        List<String> paragraphs = readout.findElements(By.tagName("p")).stream().map(WebElement::getText).toList();
        assertThat(paragraphs).containsExactly(
                "3月15日下午，区委常委会召开会议，传达学习省委全会精神。区委书记张超主持会议并讲话。"
                        + "区委副书记、区长邢玉福，区委副书记周翔，区委常委田庆昌、王春雷、苏玉新、王飞、王俊红出席会议。"
                        + "区领导齐铁林列席会议。",
                "会议要求，全区上下要迅速掀起学习热潮。",
                "会议还研究了其他事项。");
        assertThat(driver.findElement(By.id("on-leave")).getText()).contains("郭学光").contains("出差");

        driver.findElement(By.id("readout-tab-en")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("readout-text"), "District Party Secretary"));
        browser.screenshot("meeting-page-en");
        assertThat(driver.findElement(By.id("readout-text")).getText())
                .startsWith("On the afternoon of March 15, the Standing Committee of the Heshan District Party Committee held a meeting to convey the spirit of the plenary session of the provincial Party committee.")
                .contains("District Party Secretary Zhang Chao presided over and delivered a speech.")
                .contains("District leaders Qi Tielin attended the meeting.")
                .doesNotContain("干部任免").doesNotContain("Guo Xueguang");
        assertThat(driver.findElement(By.id("download-txt")).getAttribute("href")).contains("readout.txt?lang=en");
    }

    @Test
    void aPresidingPersonOnLeaveIsRefusedAndNothingIsSaved() {
        var driver = browser.driver;
        long before = countMeetings();
        driver.get(url("/meetings/new"));
        chooseBodyAndDate(heshanStandingCommittee(), "2023-03-20");
        WebElement zhang = memberRow("张超");
        zhang.findElement(By.cssSelector("input[value=ON_LEAVE]")).click();
        zhang.findElement(By.cssSelector("input[type=text]")).sendKeys("出差");
        new Select(driver.findElement(By.id("presidingPersonId"))).selectByValue(zhang.getAttribute("data-person"));
        driver.findElement(By.name("items[0].titleZh")).sendKeys("研究有关事项");
        driver.findElement(By.id("save-meeting")).click();

        WebElement errors = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        browser.screenshot("meeting-editor-refused");
        assertThat(errors.getText()).contains("主持人张超未列为出席");
        assertThat(countMeetings()).isEqualTo(before);
        // what the user entered is still there to correct
        assertThat(driver.findElement(By.name("items[0].titleZh")).getAttribute("value")).isEqualTo("研究有关事项");
        assertThat(memberRow("张超").findElement(By.cssSelector("input[value=ON_LEAVE]")).isSelected()).isTrue();
    }

    @Test
    void switchingTheReadoutToEnglishLeavesThePagesInChinese() {
        var driver = browser.driver;
        driver.get(url("/meetings/1"));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("readout-tab-en"))).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("readout-text"), "On the morning of February 27"));
        driver.get(url("/meetings"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("会议");
        driver.findElement(By.id("lang-switch")).click();
        browser.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Meetings"));
        driver.findElement(By.id("lang-switch")).click();
        browser.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "会议"));
    }

    @Test
    void aDateWithoutATermIsShownBeforeSaving() {
        var driver = browser.driver;
        driver.get(url("/meetings/new"));
        new Select(driver.findElement(By.id("bodyId"))).selectByValue(String.valueOf(heshanStandingCommittee()));
        driver.executeScript("var d = document.getElementById('date'); d.value = '2001-01-01'; d.dispatchEvent(new Event('change', {bubbles: true}));");
        WebElement warning = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("term-missing")));
        assertThat(warning.getText()).contains("没有登记届次");
    }
}
