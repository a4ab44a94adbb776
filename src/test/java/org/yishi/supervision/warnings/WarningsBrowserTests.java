package org.yishi.supervision.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.Browser;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;

/**
 * The supervision office enters a year's holidays on the calendar page (a mistyped date first refused, nothing
 * entered), and sees them on the year's months; a unit liaison sees the bell count a red item and reads the notice.
 */
@YishiIntegrationTest("yishi.demo-data=on")
class WarningsBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WarningSweep sweep;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void type(String id, String text) {
        WebElement field = browser.driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void theOfficeEntersAYearsHolidaysAndSeesThemOnTheCalendar() {
        var driver = browser.driver;
        driver.manage().deleteAllCookies();
        browser.signIn(url(""), TestAccounts.of(accounts, "supervision"));
        int year = LocalDate.now().getYear() + 2;
        driver.get(url("/supervision/calendar?year=" + year));
        type("entry-year", String.valueOf(year));
        type("entry-holidays", "01-01 10-01~10-07 10-0x");
        // the Saturday after the holiday is worked (调休)
        LocalDate makeUp = LocalDate.of(year, 10, 8).with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SATURDAY));
        type("entry-workdays", "09-27 " + makeUp);
        type("entry-note", "法定节假日");
        driver.findElement(By.id("enter-days")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertThat(driver.findElement(By.id("form-errors")).getText())
                .contains("“10-0x”不是日期，请写成 10-01 或 2026-10-01，或日期段 10-01~10-08。");
        assertThat(driver.findElement(By.id("entry-holidays")).getAttribute("value")).as("the input is kept")
                .isEqualTo("01-01 10-01~10-07 10-0x");
        assertThat(driver.findElements(By.cssSelector("#recorded tbody tr[id^=day-]"))).as("nothing entered").isEmpty();

        type("entry-holidays", "01-01 10-01~10-07");
        driver.findElement(By.id("enter-days")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("day-" + year + "-10-01")));
        assertThat(driver.findElements(By.cssSelector("#recorded tbody tr[id^=day-]"))).hasSize(10);
        assertThat(driver.findElement(By.cssSelector("#month-10 td[data-day='" + year + "-10-03']")).getAttribute("class"))
                .contains("holiday");
        assertThat(driver.findElement(By.cssSelector("td[data-day='" + makeUp + "']")).getAttribute("class"))
                .isEqualTo("workday");
        assertThat(driver.findElement(By.cssSelector("td[data-day='" + year + "-10-02']")).getAttribute("class"))
                .contains("holiday");
        browser.screenshot("supervision-calendar");

        // one day back to ordinary
        driver.findElement(By.cssSelector("#day-" + year + "-01-01 button")).click();
        driver.switchTo().alert().accept();
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#recorded tbody tr[id^=day-]"), 9));
        driver.get(url("/supervision/calendar?year=" + year + "&language=en"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Working-day calendar " + year);
        browser.screenshot("supervision-calendar-en");
        driver.get(url("/supervision/calendar?language=zh-CN"));
    }

    @Test
    void aLiaisonSeesTheBellCountARedItemAndReadsTheNotice(@Autowired RestTestClient http) {
        long unit = jdbc.sql("select id from unit where name_zh = '区民政局'").query(Long.class).single();
        Api office = new Api(http).signedInAs(TestAccounts.of(accounts, "supervision"));
        TestAccounts.Login login = TestAccounts.liaison(accounts, unit);
        Api liaison = new Api(http).signedInAs(login);
        long id = office.create("/api/supervision/items", Map.of("source", "INSTRUCTION", "content", "整治背街小巷环境卫生",
                "leadUnitId", unit, "receivedOn", LocalDate.now().minusDays(20).toString(),
                "deadline", LocalDate.now().minusDays(1).toString()), "/api/supervision/items/").get("id").asLong();
        office.post("/api/supervision/items/" + id + "/assign", Map.of()).expect(200);
        liaison.post("/api/supervision/items/" + id + "/accept", Map.of()).expect(200);
        sweep.sweep(LocalDate.now());
        String serial = office.get("/api/supervision/items/" + id).expect(200).json().get("item").get("serial").asString();

        var driver = browser.driver;
        driver.manage().deleteAllCookies();
        browser.signIn(url(""), login);
        driver.get(url("/supervision/notices"));
        WebElement bell = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#notice-bell .bell-count")));
        long unread = Long.parseLong(bell.getText());
        assertThat(unread).isPositive();
        WebElement row = driver.findElements(By.cssSelector("#notices tbody tr")).stream()
                .filter(r -> r.getText().contains(serial)).findFirst().orElseThrow();
        assertThat(row.getText()).contains("变为红色（已逾期）", "整治背街小巷环境卫生", LocalDate.now().minusDays(1).toString());
        browser.screenshot("supervision-notices");

        String rowId = row.getAttribute("id");
        row.findElement(By.cssSelector("button")).click();
        browser.wait.until(d -> d.findElement(By.id(rowId)).getText().contains("已读"));
        WebElement after = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice-bell")));
        List<WebElement> count = after.findElements(By.cssSelector(".bell-count"));
        assertThat(count.isEmpty() ? 0 : Long.parseLong(count.getFirst().getText())).isEqualTo(unread - 1);

        // where the mails go: the liaison's own address, entered on their account page
        driver.get(url("/account"));
        type("email", "minzheng liaison@example.cn");
        driver.findElement(By.cssSelector("#email-form button[type=submit]")).click();
        assertThat(browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors"))).getText())
                .contains("邮箱地址格式不对，请写成 name@example.cn 这样。");
        type("email", "minzheng@example.cn");
        driver.findElement(By.cssSelector("#email-form button[type=submit]")).click();
        browser.wait.until(ExpectedConditions.urlContains("saved"));
        assertThat(driver.findElement(By.id("email")).getAttribute("value")).isEqualTo("minzheng@example.cn");
        assertThat(accounts.emailAddresses("supervision:report", unit)).contains("minzheng@example.cn");
    }
}
