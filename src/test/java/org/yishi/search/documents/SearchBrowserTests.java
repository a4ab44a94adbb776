package org.yishi.search.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yishi.Browser;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;

/**
 * The search box and the directive ledger in the browser, on the demo data: the office searches for 学雷锋, sees the
 * demo meeting's item with the words marked, narrows it by a facet, and opens a directive's ledger from the
 * directives page. Screenshots in target/screenshots/search-*.png, in Chinese and English.
 */
@YishiIntegrationTest("yishi.demo-data=on")
class SearchBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    SearchIndex index;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theOfficeSearchesNarrowsByAFacetAndOpensADirectivesLedger() {
        index.refresh();
        browser.driver.manage().deleteAllCookies();
        browser.signIn(url(""), TestAccounts.of(accounts, "office"));
        browser.driver.get(url("/search"));
        WebElement box = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        box.sendKeys("学雷锋");
        browser.driver.findElement(By.id("search-submit")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-hits mark")));
        List<WebElement> marks = browser.driver.findElements(By.cssSelector("#search-hits mark"));
        assertThat(marks).extracting(WebElement::getText).contains("学雷锋");
        assertThat(browser.driver.findElement(By.id("search-total")).getText()).startsWith("找到");
        assertThat(browser.driver.getCurrentUrl()).contains("q=");
        browser.screenshot("search-results");

        WebElement kind = browser.driver.findElement(By.cssSelector("#facet-kind a"));
        String facet = kind.getText();
        WebElement before = browser.driver.findElement(By.id("search-results"));
        kind.click();
        browser.wait.until(ExpectedConditions.stalenessOf(before));
        assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("facet-clear"))).isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.cssSelector("#facet-kind a.active")).getText()).isEqualTo(facet);

        browser.driver.get(url("/directives"));
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".directive-ledger-link"))).click();
        assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText())
                .isEqualTo("传达学习台账");
        assertThat(browser.driver.findElement(By.id("directive-ledger-export")).getAttribute("href")).contains("ledger.xlsx");
        browser.screenshot("search-directive-ledger");

        browser.driver.get(url("/search?q=%E5%AD%A6%E9%9B%B7%E9%94%8B&language=en"));
        assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-total"))).getText())
                .endsWith("results");
        browser.screenshot("search-results-en");
    }
}
