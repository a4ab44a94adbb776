package org.yishi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.Browser;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.directory.Directory;
import org.yishi.meetings.Meetings;
import org.yishi.meetings.Visibility;

/**
 * The whole chain in headless Chromium, as the supervision office and a unit's liaison go through it: a decision
 * adopted at a meeting waits in the office's inbox, is confirmed as an item and assigned; the liaison finds it in the
 * unit's inbox, accepts it, reports progress with a photo attached and reports it complete; the office sends it back
 * with a reason; the liaison finds it under "sent back" and reports again; the office closes it. Screenshots of each
 * step (target/screenshots/supervision-*.png), in Chinese, and the closed item in English.
 */
@YishiIntegrationTest("yishi.demo-data=on")
class SupervisionBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String text(String id) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    /** Clicks a button of a form htmx sends, and waits for the item redrawn with the notice of what was done. */
    private void step(String button, String notice, boolean confirm) {
        WebElement before = browser.driver.findElement(By.id("item"));
        browser.driver.findElement(By.id(button)).click();
        if (confirm) {
            browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
        }
        browser.wait.until(ExpectedConditions.stalenessOf(before));
        assertThat(text("notice")).isEqualTo(notice);
    }

    private void signInAs(TestAccounts.Login login) {
        browser.driver.manage().deleteAllCookies();
        browser.signIn(url(""), login);
    }

    @Test
    void aDecisionBecomesAnItemThatIsAssignedReportedSentBackAndClosed(@Autowired RestTestClient http,
            @Autowired Meetings meetings, @Autowired Directory directory) throws Exception {
        var driver = browser.driver;
        long civilAffairs = jdbc.sql("select id from unit where name_zh = '区民政局'").query(Long.class).single();
        TestAccounts.Login office = TestAccounts.of(accounts, "supervision");
        TestAccounts.Login liaison = TestAccounts.liaison(accounts, civilAffairs);

        // a meeting adopts a decision that names the unit to carry it out (held through the API)
        AdoptedDecisions planned = AdoptedDecisions.plan(meetings, directory, new AdoptedDecisions.Item(
                "研究部署今冬明春困难群众救助工作", Visibility.PUBLIC, "会议要求，区民政局牵头，确保困难群众温暖过冬。"));
        Api meetingOffice = new Api(http).signedInAs(TestAccounts.of(accounts, "office"));
        meetingOffice.post("/api/meetings/" + planned.meetingId() + "/notify", Map.of()).expect(200);
        meetingOffice.post("/api/meetings/" + planned.meetingId() + "/open", Map.of()).expect(200);
        meetingOffice.post("/api/items/" + planned.items().get(0) + "/decision", Map.of("outcome", "ADOPTED")).expect(200);
        long proposal = planned.awaitProposals(jdbc).get(planned.items().get(0));

        // the office finds it in its inbox, filled in from the decision, and confirms it as an item
        signInAs(office);
        browser.wait.until(d -> d.getCurrentUrl().endsWith("/supervision/proposals"));
        WebElement card = driver.findElement(By.id("proposal-" + proposal));
        assertThat(card.getText()).contains("研究部署今冬明春困难群众救助工作").contains("确保困难群众温暖过冬");
        WebElement confirm = card.findElement(By.cssSelector("details.confirm"));
        if (confirm.getAttribute("open") == null) {
            confirm.findElement(By.tagName("summary")).click();
        }
        assertThat(new Select(card.findElement(By.name("items[0].leadUnitId"))).getFirstSelectedOption().getText())
                .isEqualTo("区民政局");
        driver.executeScript("arguments[0].scrollIntoView()", card);
        browser.screenshot("supervision-01-proposal-in-the-inbox");
        new Select(card.findElement(By.name("items[0].priority"))).selectByVisibleText("重要");
        driver.findElement(By.id("confirm-" + proposal)).click();
        browser.wait.until(d -> d.getCurrentUrl().contains("?done=confirmed"));
        assertThat(text("notice")).isEqualTo("已确认为督办件。下一步：交办给主办单位。");
        String serial = text("item-serial");
        assertThat(serial).matches("督字〔\\d{4}〕\\d+号");
        assertThat(text("item-source")).contains("会议决定").contains("研究部署今冬明春困难群众救助工作");
        long id = Long.parseLong(driver.findElement(By.id("item")).getAttribute("data-item"));
        browser.screenshot("supervision-02-confirmed");

        step("assign", "已交办，等待主办单位签收。", false);
        assertThat(text("where")).isEqualTo("已交办，待主办单位签收。");
        browser.screenshot("supervision-03-assigned");

        // the liaison finds it waiting to be accepted, accepts it, and reports progress with a photo
        signInAs(liaison);
        browser.wait.until(d -> d.getCurrentUrl().endsWith("/supervision/unit"));
        assertThat(text("to-accept")).contains(serial).contains("困难群众");
        browser.screenshot("supervision-04-unit-to-accept");
        driver.findElement(By.id("accept-" + id)).click();
        assertThat(text("notice")).isEqualTo("已签收" + serial + "，进入办理。");
        assertThat(text("to-accept")).doesNotContain(serial);
        driver.findElement(By.linkText(serial)).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report")));

        Path photo = Files.createTempFile("走访现场", ".png");
        Files.write(photo, AttachmentTypesTests.PNG);
        driver.findElement(By.id("progress-text")).sendKeys("已完成全区困难群众摸底，走访慰问1200户。");
        WebElement percent = driver.findElement(By.id("progress-percent"));
        percent.clear();
        percent.sendKeys("60");
        driver.findElement(By.id("progress-files")).sendKeys(photo.toString());
        step("report-progress", "进展已报送。", false);
        assertThat(text("reports")).contains("进展 60%").contains("已完成全区困难群众摸底").contains(photo.getFileName().toString());
        assertThat(text("progress")).contains("60%");
        browser.screenshot("supervision-05-progress-reported");

        driver.findElement(By.id("completion-text")).sendKeys("救助资金和物资已全部发放到户。");
        step("report-completion", "已报送办结，等待督查室审核。", true);
        browser.screenshot("supervision-06-reported-complete");

        // the office sends it back with the reason
        signInAs(office);
        driver.get(url("/supervision/items/" + id));
        assertThat(text("where")).isEqualTo("主办单位已报送办结，待督查室审核。");
        driver.findElement(By.cssSelector("#send-back-step > summary")).click();
        driver.findElement(By.id("send-back-reason")).sendKeys("请补充救助对象名单和资金发放凭证。");
        step("send-back", "已退回主办单位重办。", false);
        assertThat(text("log")).contains("退办").contains("请补充救助对象名单和资金发放凭证。");
        browser.screenshot("supervision-07-sent-back");

        // the liaison finds it under "sent back", with the reason, and reports again
        signInAs(liaison);
        assertThat(text("sent-back")).contains(serial).contains("退办理由：请补充救助对象名单和资金发放凭证。");
        browser.screenshot("supervision-08-unit-sent-back");
        driver.findElement(By.cssSelector("#sent-back li[data-item='" + id + "'] a.button.primary")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("complete")));
        driver.findElement(By.id("completion-text")).sendKeys("已补充救助对象名单1200户和资金发放凭证。");
        step("report-completion", "已报送办结，等待督查室审核。", true);

        // the office closes it
        signInAs(office);
        driver.get(url("/supervision/items/" + id));
        step("close", "已销号。", true);
        assertThat(text("where")).isEqualTo("已销号。");
        assertThat(driver.findElements(By.cssSelector("#log tbody tr")).stream()
                .map(r -> r.getAttribute("data-action")).toList()).as("the progress report is in the log (issue 12, item 6)")
                .containsExactly("register", "assign", "accept", "report-progress",
                "report-completion", "send-back", "report-completion", "close");
        browser.screenshot("supervision-09-closed");
        assertThat(supervision(id)).isEqualTo("CLOSED 100 1");

        driver.get(url("/supervision/items/" + id + "?language=en"));
        assertThat(text("where")).isEqualTo("Closed.");
        assertThat(text("log")).contains("Sent back").contains("Reported complete");
        browser.screenshot("supervision-10-closed-en");
    }

    @Test
    void registrationByHandShowsEveryProblemAtOnceThenRegisters() {
        var driver = browser.driver;
        signInAs(TestAccounts.of(accounts, "supervision"));
        driver.get(url("/supervision/items/new"));
        driver.findElement(By.id("source-HIGHER_TASK")).click();
        driver.findElement(By.id("sourceNote")).sendKeys("市委督查室转办（市督〔2026〕18号）");
        driver.executeScript("document.getElementById('receivedOn').value = '2026-03-02';"
                + "document.getElementById('deadline').value = '2026-02-27';");
        driver.findElement(By.id("parentSerial")).sendKeys("督字〔1999〕1号");
        driver.findElement(By.id("register")).click();

        String errors = text("form-errors");
        assertThat(errors).contains("督办内容不能为空。").contains("主办单位不能为空。").contains("办结时限不能早于收文日期。")
                .contains("找不到编号为“督字〔1999〕1号”的督办件。");
        assertThat(driver.findElements(By.cssSelector(".field.invalid #content, .field.invalid #leadUnitId, "
                + ".field.invalid #deadline, .field.invalid #parentSerial"))).hasSize(4);
        assertThat(driver.findElement(By.id("sourceNote")).getAttribute("value")).isEqualTo("市委督查室转办（市督〔2026〕18号）");
        browser.screenshot("supervision-11-registration-refused");

        driver.findElement(By.id("content")).sendKeys("开展城乡居民医保参保扩面专项行动");
        new Select(driver.findElement(By.id("leadUnitId"))).selectByVisibleText("区民政局");
        driver.findElement(By.id("parentSerial")).clear();
        driver.executeScript("document.getElementById('deadline').value = arguments[0];",
                java.time.LocalDate.now().plusDays(45).toString());
        driver.findElement(By.id("register")).click();
        browser.wait.until(d -> d.getCurrentUrl().contains("?done=register"));
        assertThat(text("notice")).isEqualTo("已登记。下一步：交办给主办单位。");
        assertThat(text("item-source")).contains("上级交办").contains("市委督查室转办（市督〔2026〕18号）");
        browser.screenshot("supervision-12-registered");
    }

    private String supervision(long id) {
        return jdbc.sql("select state || ' ' || progress || ' ' || sent_back from supervision_item where id = :i")
                .param("i", id).query(String.class).single();
    }
}
