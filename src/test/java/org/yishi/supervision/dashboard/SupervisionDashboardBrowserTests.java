package org.yishi.supervision.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yishi.Browser;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.directory.Directory;
import org.yishi.supervision.Colour;
import org.yishi.supervision.ItemRows;
import org.yishi.supervision.ItemState;

/**
 * The dashboard in Chromium, as the supervision office opens it: every chart drawn (a canvas), the tables beside
 * them with the figures, in Chinese and in English, and a click on a bar that opens the ledger filtered to it.
 */
@YishiIntegrationTest({"yishi.demo-data=off", "yishi.test.database=dashboard-browser"})
class SupervisionDashboardBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    Accounts accounts;

    private final LocalDate today = LocalDate.now();

    @BeforeEach
    void itemsAndSignIn() {
        jdbc.sql("delete from supervision_item").update();
        ItemRows rows = new ItemRows(jdbc, directory);
        long civil = rows.unit("区民政局", "District Civil Affairs Bureau");
        long water = rows.unit("区水利局", "District Water Resources Bureau");
        for (int i = 0; i < 4; i++) {
            rows.closed(civil, today.minusDays(30 * i), ItemRows.at(today.minusDays(30 * i + 2), 10, 0));
        }
        rows.closed(water, today.minusDays(70), ItemRows.at(today.minusDays(60), 10, 0));
        rows.closed(water, today.minusDays(10), ItemRows.at(today.minusDays(12), 10, 0));
        rows.open(civil, ItemState.IN_PROGRESS, today.minusDays(15), Colour.RED);
        rows.open(water, ItemState.ASSIGNED, today.minusDays(3), Colour.RED);
        rows.open(water, ItemState.IN_PROGRESS, today.plusDays(4), Colour.ORANGE);
        rows.open(civil, ItemState.IN_PROGRESS, today.plusDays(9), Colour.YELLOW);
        rows.open(civil, ItemState.REGISTERED, today.plusDays(40), Colour.GREEN);
        rows.open(water, ItemState.IN_PROGRESS, today.plusDays(50), Colour.GREEN);
        browser.driver.manage().deleteAllCookies();
        browser.signIn("http://localhost:" + port, TestAccounts.of(accounts, "supervision"));
    }

    private List<String> cells(String table) {
        return browser.driver.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(tr -> tr.getText().replaceAll("\\s+", " ").strip()).toList();
    }

    private void chartsDrawn() {
        for (String chart : List.of("chart-state", "chart-colour", "chart-month", "chart-overdue", "chart-on-time")) {
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " canvas")));
            assertThat(browser.driver.findElement(By.id(chart)).getAttribute("data-drawn")).as(chart).isNotEqualTo("0");
        }
    }

    @Test
    void theChartsAreDrawnBesideTheirTablesAndABarOpensTheLedger() {
        var driver = browser.driver;
        driver.get("http://localhost:" + port + "/supervision/dashboard");
        chartsDrawn();

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("督办看板");
        assertThat(driver.findElement(By.id("dashboard-summary")).getText())
                .isEqualTo("截至" + today + "：共12件，未办结6件，逾期2件");
        assertThat(cells("table-state")).containsExactly("已登记 1", "已交办 1", "已退回 0", "办理中 4",
                "已报送办结 0", "已中止 0", "已销号 6");
        assertThat(cells("table-colour")).containsExactly("绿灯 2", "黄灯 1", "橙灯 1", "红灯（逾期） 2");
        assertThat(cells("table-on-time")).containsExactly("区水利局 2 1 50.0%", "区民政局 4 4 100.0%");
        assertThat(cells("table-overdue")).hasSize(2);
        assertThat(cells("table-overdue").getFirst()).contains("区民政局", today.minusDays(15).toString(), "15", "办理中");
        assertThat(cells("table-month")).hasSize(12);
        assertThat(driver.findElement(By.cssSelector("#table-state tbody tr:nth-child(4) a")).getAttribute("href"))
                .endsWith("/supervision/ledger?state=IN_PROGRESS");
        browser.screenshot("supervision-dashboard-zh");

        // the bar of the items in progress, found where ECharts drew it, opens the ledger of those items
        WebElement chart = driver.findElement(By.id("chart-state"));
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) driver.executeScript("""
                var c = echarts.getInstanceByDom(arguments[0]);
                var p = c.convertToPixel({seriesIndex: 0}, [3, 2]);
                return [p[0], p[1]];""", chart);
        int x = point.get(0).intValue() - chart.getSize().getWidth() / 2;
        int y = point.get(1).intValue() - chart.getSize().getHeight() / 2;
        new Actions(driver).moveToElement(chart, x, y).click().perform();
        browser.wait.until(ExpectedConditions.urlContains("/supervision/ledger"));
        assertThat(driver.getCurrentUrl()).endsWith("/supervision/ledger?state=IN_PROGRESS");
    }

    @Test
    void inEnglish() {
        var driver = browser.driver;
        driver.get("http://localhost:" + port + "/supervision/dashboard?language=en");
        chartsDrawn();

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Supervision dashboard");
        assertThat(cells("table-colour")).containsExactly("Green 2", "Yellow 1", "Orange 1", "Red (overdue) 2");
        assertThat(cells("table-on-time")).containsExactly("District Water Resources Bureau 2 1 50.0%",
                "District Civil Affairs Bureau 4 4 100.0%");
        assertThat(driver.findElement(By.id("on-time-overall")).getText())
                .isEqualTo("All units: 83.3% (5 of 6 closed items on time)");
        browser.screenshot("supervision-dashboard-en");
    }
}
