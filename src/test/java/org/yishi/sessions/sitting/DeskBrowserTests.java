package org.yishi.sessions.sitting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.Browser;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.directory.Body;
import org.yishi.directory.BodyDraft;
import org.yishi.directory.BodyKind;
import org.yishi.directory.Directory;

/** A clerk runs the roll call of a preparatory meeting at the check-in desk, by card number and by name. */
@YishiIntegrationTest("yishi.demo-data=off")
class DeskBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    RestTestClient http;

    @Autowired
    Accounts accounts;

    @Autowired
    Directory directory;

    private long preparatoryMeetingOfTwelveDeputies() {
        Api office = new Api(http).signedInAs(TestAccounts.of(accounts, "congress-office"));
        Body congress = directory.createBody(new BodyDraft(BodyKind.CONGRESS, "白河县人民代表大会",
                "People's Congress of Baihe County", "县人大", null, 20));
        long term = office.post("/api/sessions/terms", Map.of("bodyId", congress.id(), "number", 12, "startsOn", "2021-10-01"))
                .expect(201).json().get("termId").asLong();
        office.post("/api/sessions/terms/" + term + "/groups", Map.of("kind", "DELEGATION", "nameZh", "城关镇代表团")).expect(201);
        for (int i = 1; i <= 12; i++) {
            office.post("/api/sessions/terms/" + term + "/roster", Map.of("nameZh", "虚构代表" + i, "cardNumber", String.valueOf(100 + i),
                    "group", "城关镇代表团")).expect(201);
        }
        long session = office.post("/api/sessions/terms/" + term + "/sessions", Map.of("number", 4, "opensOn", "2024-01-08",
                "closesOn", "2024-01-10")).expect(201).json().get("id").asLong();
        return office.post("/api/sessions/sessions/" + session + "/sittings", Map.of("kind", "PREPARATORY", "heldOn", "2024-01-08"))
                .expect(201).json().get("id").asLong();
    }

    private void checkIn(String text, String answer) {
        WebElement box = browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("query")));
        box.clear();
        box.sendKeys(text, Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("desk-result"), answer));
    }

    @Test
    void aClerkChecksDeputiesInGivesLeaveAndOpensTheMeetingOnlyOnItsQuorum() {
        long sitting = preparatoryMeetingOfTwelveDeputies();
        var driver = browser.driver;
        driver.manage().deleteAllCookies();
        browser.signIn("http://localhost:" + port, TestAccounts.of(accounts, "congress-office"));
        driver.get("http://localhost:" + port + "/sessions/sittings/" + sitting + "/desk");
        assertThat(driver.findElement(By.id("quorum-text")).getText()).isEqualTo("应出席代表12名，实到0名，不足法定人数（须8名）");

        checkIn("101", "101 虚构代表1（城关镇代表团）已报到。");
        checkIn("虚构代表2", "102 虚构代表2（城关镇代表团）已报到。");
        for (int i = 3; i <= 7; i++) {
            checkIn(String.valueOf(100 + i), "10" + i + " 虚构代表" + i);
        }
        checkIn("101", "101 虚构代表1此前已报到。");
        WebElement box = driver.findElement(By.id("query"));
        box.sendKeys("999", Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-errors"), "名单中没有证号或姓名为“999”的人员。"));
        assertThat(driver.findElement(By.id("count-present")).getText()).isEqualTo("7");

        driver.findElement(By.id("leave-query")).sendKeys("108");
        driver.findElement(By.id("leave-reason")).sendKeys("因病住院", Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("leave-result"), "108 虚构代表8请假：因病住院"));
        assertThat(driver.findElement(By.id("count-leave")).getText()).isEqualTo("1");

        // seven of twelve is short of two thirds: refused with the numbers
        driver.findElement(By.id("open-sitting")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-errors"),
                "不能宣布开会：应出席12名，实到7名，至少须到8名。"));
        browser.screenshot("sessions-desk-short");

        checkIn("109", "109 虚构代表9（城关镇代表团）已报到。");
        browser.wait.until(ExpectedConditions.textToBe(By.id("quorum-text"), "应出席代表12名，实到8名，符合法定人数"));
        driver.findElement(By.id("open-sitting")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("opened")));
        assertThat(driver.findElement(By.id("sitting-state")).getText()).contains("进行中");
        browser.screenshot("sessions-desk-open");

        // the session's page lists the meeting with its quorum; the term's page its roster by delegation
        driver.findElement(By.cssSelector(".sub a")).click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("session-title"), "白河县第十二届人民代表大会第四次会议"));
        assertThat(driver.findElement(By.id("sittings")).getText()).contains("预备会议").contains("应出席代表12名，实到8名，符合法定人数");
        browser.screenshot("sessions-session");
        driver.findElement(By.cssSelector(".actions a.button")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sessions")));
        driver.findElement(By.cssSelector(".sub a")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("roster")));
        assertThat(driver.findElements(By.cssSelector("#roster tbody tr"))).hasSize(12);
        browser.screenshot("sessions-term");
    }
}
