package org.yishi.volunteering.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Browser;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.volunteering.activities.TestClock;
import org.yishi.volunteering.registry.VolunteeringFixture;
import org.yishi.volunteering.registry.VolunteeringFixture.KeptStation;
import org.yishi.volunteering.registry.VolunteeringFixture.SignedUpVolunteer;

/**
 * A volunteer on a phone, from signing up to a recorded hour: signs up for an activity, checks in and out with the
 * code the station manager's page shows large, and after the manager recorded the service finds the time served
 * among their records. Screenshots: target/screenshots/volunteering-*.png (a 390 × 844 window).
 */
@YishiIntegrationTest("yishi.demo-data=off")
@Import(TestClock.Config.class)
class VolunteeringBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    RestTestClient http;

    @Autowired
    Accounts accounts;

    @Autowired
    TestClock clock;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String text(String id) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    private void signInAs(TestAccounts.Login login) {
        browser.driver.manage().deleteAllCookies();
        browser.signIn(url(""), login);
    }

    private void scrollTo(String id) {
        browser.driver.executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private void click(String id) {
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    @Test
    void aVolunteerSignsUpChecksInAndOutAndFindsTheHoursRecorded() {
        clock.set(Instant.parse("2026-03-01T00:00:00Z"));
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        VolunteeringFixture fixture = new VolunteeringFixture(http, accounts);
        KeptStation station = fixture.station("鹤山区沙坪街道东风社区新时代文明实践站");
        long programme = station.manager().create("/api/volunteering/stations/" + station.id() + "/programmes",
                Map.of("name", "每月5日学雷锋志愿服务", "kind", "STANDING", "daysOfMonth", java.util.List.of(5)),
                "/api/volunteering/programmes/").get("id").asLong();
        long activity = station.manager().create("/api/volunteering/programmes/" + programme + "/activities", Map.of(
                "heldOn", "2026-03-05", "startTime", "09:00", "endTime", "11:30", "place", "东风社区广场", "content",
                "义务理发、磨刀、家电维修", "places", 10, "skills", java.util.List.of("理发", "家电维修")),
                "/api/volunteering/activities/").get("id").asLong();
        SignedUpVolunteer volunteer = fixture.volunteer(station.id(), "黄小明");

        signInAs(volunteer.login());
        assertThat(browser.driver.getCurrentUrl()).endsWith("/volunteering");
        assertThat(text("open-" + activity)).contains("每月5日学雷锋志愿服务", "2026-03-05 09:00–11:30", "东风社区广场",
                "剩余10个名额（共10个）", "需要技能：理发、家电维修");
        browser.screenshot("volunteering-1-open");
        click("sign-up-" + activity);
        assertThat(text("done")).isEqualTo("报名成功。");
        assertThat(text("mine-" + activity)).contains("已报名");
        browser.screenshot("volunteering-2-signed-up");

        clock.set(Instant.parse("2026-03-05T01:05:00Z"));
        signInAs(station.managerLogin());
        assertThat(browser.driver.getCurrentUrl()).endsWith("/volunteering/station");
        click("activity-" + activity);
        String code = text("check-in-code");
        assertThat(code).matches("\\d{6}");
        browser.screenshot("volunteering-3-code");

        signInAs(volunteer.login());
        browser.driver.findElement(By.id("code-" + activity)).sendKeys("000000");
        click("check-in-" + activity);
        assertThat(text("form-errors")).contains("签到码不正确");
        browser.driver.findElement(By.id("code-" + activity)).sendKeys(code);
        click("check-in-" + activity);
        assertThat(text("done")).isEqualTo("签到成功。");
        browser.screenshot("volunteering-4-checked-in");

        clock.set(Instant.parse("2026-03-05T03:00:00Z"));
        String later = station.manager().get("/api/volunteering/activities/" + activity + "/code").expect(200).json()
                .get("code").asString();
        browser.driver.navigate().refresh();
        browser.driver.findElement(By.id("code-out-" + activity)).sendKeys(later);
        click("check-out-" + activity);
        assertThat(text("done")).isEqualTo("签退成功。");

        clock.set(Instant.parse("2026-03-05T04:00:00Z"));
        signInAs(station.managerLogin());
        browser.driver.get(url("/volunteering/station/activities/" + activity));
        assertThat(text("roll")).contains("黄小明", "09:05", "11:00");
        assertThat(text("ended")).isEqualTo("活动已结束，不再显示签到码。");
        click("make-records");
        assertThat(text("done")).isEqualTo("已记录服务时长。");
        assertThat(text("records")).contains("黄小明", "1小时55分");
        scrollTo("records");
        browser.screenshot("volunteering-5-recorded");

        signInAs(volunteer.login());
        assertThat(text("my-records")).contains("2026-03-05", "义务理发、磨刀、家电维修", "1小时55分");
        assertThat(text("my-hours")).contains("1.9", "尚未获得星级", "累计服务100小时可获得下一星级。");
        browser.screenshot("volunteering-6-my-hours");
        scrollTo("my-records");
        browser.screenshot("volunteering-7-my-records");
        browser.driver.get(url("/volunteering?language=en"));
        assertThat(text("my-hours")).contains("1.9", "hours", "No star yet");
        browser.screenshot("volunteering-8-my-hours-en");
    }
}
