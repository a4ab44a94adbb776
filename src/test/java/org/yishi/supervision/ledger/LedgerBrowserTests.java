package org.yishi.supervision.ledger;

import static org.yishi.supervision.ledger.LedgerFixture.spec;

import org.yishi.supervision.Colour;
import org.yishi.supervision.ItemState;
import org.yishi.supervision.Source;
import org.yishi.supervision.Supervision;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Browser;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.directory.Directory;

/**
 * The supervision office at the ledger page: filters it by unit and state, sorts it by deadline, downloads the export
 * of what it shows, uploads a ledger with two bad rows to see them listed row by row, nothing imported, and imports
 * it once corrected.
 */
@YishiIntegrationTest("yishi.demo-data=on")
class LedgerBrowserTests {

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

    @Autowired
    JdbcClient jdbc;

    private List<String> shownItems() {
        List<String> items = new ArrayList<>();
        browser.driver.findElements(By.cssSelector("#ledger-table tbody tr[data-id] td.content > span:first-child"))
                .forEach(e -> items.add(e.getText()));
        return items;
    }

    /** Types a date as a date picker would, which the filter form notices as a change. */
    private void setDate(String id, String iso) {
        browser.driver.executeScript("var e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + "e.dispatchEvent(new Event('change', {bubbles: true}));", id, iso);
    }

    private void waitForRows(int n) {
        browser.wait.until(d -> d.findElements(By.cssSelector("#ledger-table tbody tr[data-id]")).size() == n);
    }

    @Test
    void theOfficeFiltersSortsExportsAndImportsTheLedger() throws Exception {
        LedgerFixture f = new LedgerFixture(http, accounts, directory, jdbc);
        long a = f.unit("台账浏览甲局", "浏览甲局", 701);
        long b = f.unit("台账浏览乙局", "浏览乙局", 702);
        long p = f.person("裴");
        f.items(List.of(
                spec("加快推进城市更新项目", a, List.of(b), p, "2024-01-10", "2024-03-01", Source.INSTRUCTION, ItemState.IN_PROGRESS, Colour.YELLOW, 40),
                spec("整治背街小巷环境卫生", b, List.of(a), p, "2023-12-01", "2024-06-30", Source.HIGHER_TASK, ItemState.CLOSED, Colour.RED, 70),
                spec("完善防汛应急预案", a, List.of(), null, "2024-01-05", "2024-02-01", Source.DECISION, ItemState.ASSIGNED, Colour.ORANGE, null),
                spec("编制年度重点工作计划", b, List.of(), p, "2024-02-01", "2024-02-20", Source.INSTRUCTION, ItemState.REGISTERED, Colour.GREEN, null)));
        String base = "http://localhost:" + port;
        var driver = browser.driver;
        browser.signIn(base, TestAccounts.of(accounts, "supervision"));

        driver.get(base + "/supervision/ledger");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("督查督办台账");
        new Select(driver.findElement(By.id("f-unit"))).selectByValue(String.valueOf(a));
        browser.wait.until(ExpectedConditions.urlContains("unit=" + a));
        waitForRows(3);
        assertThat(shownItems()).containsExactlyInAnyOrder("加快推进城市更新项目", "整治背街小巷环境卫生", "完善防汛应急预案");
        browser.wait.until(ExpectedConditions.textToBe(By.id("ledger-count"), "共 3 项"));

        // sorted by deadline, earliest first, by its column head
        driver.findElement(By.cssSelector("#ledger-table thead a.sort[href*='sort=deadline']")).click();
        browser.wait.until(ExpectedConditions.urlContains("sort=deadline"));
        browser.wait.until(d -> shownItems().getFirst().equals("完善防汛应急预案"));
        assertThat(shownItems()).containsExactly("完善防汛应急预案", "加快推进城市更新项目", "整治背街小巷环境卫生");
        WebElement red = driver.findElement(By.cssSelector("#ledger-table tbody tr[data-colour=RED] .light"));
        assertThat(red.getText()).isEqualTo("红");
        browser.screenshot("ledger-sorted");

        // one state more narrows it, and the sort stays
        driver.findElement(By.cssSelector("#f-state input[value=IN_PROGRESS] + span")).click();
        browser.wait.until(ExpectedConditions.urlContains("state=IN_PROGRESS"));
        waitForRows(1);
        driver.findElement(By.cssSelector("#f-state input[value=ASSIGNED] + span")).click();
        waitForRows(2);
        assertThat(driver.getCurrentUrl()).contains("sort=deadline");
        assertThat(shownItems()).containsExactly("完善防汛应急预案", "加快推进城市更新项目");
        browser.screenshot("ledger-filtered");

        // dates the wrong way round: the problem takes the table's place, and goes when they are put right
        setDate("f-from", "2024-05-01");
        setDate("f-to", "2024-04-01");
        WebElement errors = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        assertThat(errors.getText()).contains("结束日期不能早于开始日期。");
        assertThat(driver.findElements(By.cssSelector("#ledger-table tbody tr[data-id]"))).isEmpty();
        setDate("f-from", "");
        setDate("f-to", "");
        waitForRows(2);
        assertThat(driver.findElements(By.id("form-errors"))).isEmpty();

        // the export is what the page shows, fetched with the page's session
        // read once htmx has swapped in the filtered page (the export link carries the filters)
        String export = browser.wait.until(d -> {
            try {
                String href = d.findElement(By.id("ledger-export")).getAttribute("href");
                return href != null && href.contains("state=ASSIGNED") ? href : null;
            } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                return null;
            }
        });
        assertThat(export).contains("unit=" + a).contains("state=IN_PROGRESS").contains("state=ASSIGNED");
        Cookie session = driver.manage().getCookieNamed("SESSION");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(export))
                .header("Cookie", session.getName() + "=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue(LedgerXlsx.CONTENT_TYPE);
        List<String> exported = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            for (Row row : book.getSheetAt(0)) {
                if (row.getRowNum() >= 2) {
                    exported.add(row.getCell(3).getStringCellValue() + " " + row.getCell(9).getStringCellValue());
                }
            }
        }
        assertThat(exported).containsExactly("完善防汛应急预案 已交办", "加快推进城市更新项目 办理中");

        // a ledger with a unit nobody knows and a deadline before its day received: nothing is imported
        Path file = Files.createTempFile("台账", ".xlsx");
        Files.write(file, LedgerFixture.workbook(List.of(
                List.of(1, "督字〔2032〕501号", "领导批示", "新建口袋公园", "浏览甲局" + f.tag, "", "", "2032-03-01", "2032-06-30", "", "", ""),
                List.of(2, "督字〔2032〕502号", "上级交办", "完善排水设施", "区水务局", "", "", "2032-03-05", "2032-05-31", "", "", ""),
                List.of(3, "督字〔2032〕503号", "会议决定", "清理违规占道", "浏览乙局" + f.tag, "", "", "2032-05-01", "2032-04-01", "", "", ""))));
        driver.get(base + "/supervision/ledger");
        driver.findElement(By.id("ledger-import")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-form")));
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("import-submit")).click();
        WebElement problems = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-problems")));
        assertThat(driver.findElement(By.id("import-refused")).getText()).contains("未导入任何事项。").contains("以下 2 行有问题");
        List<String> rows = new ArrayList<>();
        problems.findElements(By.cssSelector("tbody tr")).forEach(r -> rows.add(r.getText().replace('\n', ' ')));
        assertThat(rows).containsExactly("5 找不到单位“区水务局”（按全称、简称和英文名查找）。",
                "6 办结时限 2032-04-01 早于收文日期 2032-05-01。");
        browser.screenshot("ledger-import-refused");
        assertThat(jdbc.sql("select count(*) from supervision_item where serial_year = 2032").query(Long.class).single()).isZero();

        // corrected, it is imported
        Files.write(file, LedgerFixture.workbook(List.of(
                List.of(1, "督字〔2032〕501号", "领导批示", "新建口袋公园", "浏览甲局" + f.tag, "", "", "2032-03-01", "2032-06-30", "", "", ""))));
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("import-submit")).click();
        WebElement done = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-done")));
        assertThat(done.getText()).contains("已导入 1 项督办件。").contains("督字〔2032〕501号");
        assertThat(driver.findElements(By.id("import-problems"))).isEmpty();
        Files.delete(file);

        // a parameter that is not allowed is named on the page; the count a page loads after it
        driver.get(base + "/supervision/ledger?sort=content&unit=" + a);
        assertThat(driver.findElement(By.id("form-errors")).getText())
                .contains("参数 sort 的值“content”无效，可选：serial, deadline, received, unit, state, colour, progress。");
        driver.get(base + "/supervision/ledger/count?unit=" + a);
        assertThat(driver.findElement(By.id("ledger-count")).getText()).isEqualTo("共 4 项");

        driver.get(base + "/supervision/ledger?language=en&unit=" + a + "&unit=" + b + "&sort=colour&dir=desc");
        waitForRows(5);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Supervision ledger");
        browser.wait.until(ExpectedConditions.textToBe(By.id("ledger-count"), "5 items"));
        browser.screenshot("ledger-en");
        driver.get(base + "/supervision/ledger?language=zh-CN");
    }
}
