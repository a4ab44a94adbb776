package org.yishi.directory;

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

/** Builds a small directory through the pages, then finds its people in the meeting editor. */
@YishiIntegrationTest("yishi.demo-data=off")
class DirectoryBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Accounts accounts;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        browser.driver.manage().deleteAllCookies();
        browser.signIn("http://localhost:" + port, TestAccounts.of(accounts, "office"));
    }

    private void type(String id, String text) {
        WebElement field = browser.driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void setDate(String id, String iso) {
        browser.driver.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, iso);
    }

    @Test
    void aBodyWithATermAndAMemberCanBeBuiltAndUsedForAMeeting() {
        var driver = browser.driver;
        driver.get("http://localhost:" + port + "/directory/bodies");
        new Select(driver.findElement(By.id("kind"))).selectByValue("STANDING_COMMITTEE");
        type("nameZh", "中共白河县委员会常务委员会");
        type("shortNameZh", "县委常委会");
        type("nameEn", "Standing Committee of the Baihe County Party Committee");
        driver.findElement(By.cssSelector("#body-form button[type=submit]")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "中共白河县委员会常务委员会"));
        // found by its name: other test classes sharing this context may have made bodies before
        long bodyId = directory.bodies().stream().filter(b -> b.nameZh().equals("中共白河县委员会常务委员会")).findFirst()
                .orElseThrow().id();

        type("term-number", "15");
        setDate("term-start", "2021-10-01");
        driver.findElement(By.cssSelector("#term-form button[type=submit]")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("member-form")));
        assertThat(directory.terms(bodyId)).extracting(Term::number).containsExactly(15);

        // a second term overlapping the first is refused, with the reason, and not saved
        type("term-number", "16");
        setDate("term-start", "2022-01-01");
        driver.findElement(By.cssSelector("#term-form button[type=submit]")).click();
        WebElement errors = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        assertThat(errors.getText()).contains("日期与第15届重叠");
        assertThat(directory.terms(bodyId)).hasSize(1);

        driver.get("http://localhost:" + port + "/directory/people");
        type("nameZh", "宋立平");
        type("nameRomanized", "Song Liping");
        driver.findElement(By.cssSelector("#person-form button[type=submit]")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("office-form")));
        WebElement officeForm = driver.findElement(By.id("office-form"));
        new Select(officeForm.findElement(By.name("bodyId"))).selectByValue(String.valueOf(bodyId));
        officeForm.findElement(By.name("protocolRank")).clear();
        officeForm.findElement(By.name("protocolRank")).sendKeys("1");
        officeForm.findElement(By.name("titleZh")).sendKeys("县委书记");
        officeForm.findElement(By.name("titleEn")).sendKeys("Secretary of the County Party Committee");
        officeForm.findElement(By.name("titleEnShort")).sendKeys("County Party Secretary");
        officeForm.findElement(By.cssSelector("button[type=submit]")).click();
        browser.wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#offices input[name=titleEnShort]"), "value", "County Party Secretary"));
        assertThat(directory.offices(directory.people().stream().filter(p -> p.nameZh().equals("宋立平")).findFirst()
                .orElseThrow().id())).extracting(Office::titleZh).containsExactly("县委书记");
        // the new-office form and the office's own form show the same fields: every id on the page is still unique,
        // and each label names the field of its own form
        assertThat((List<?>) browser.driver.executeScript(
                "return Array.from(document.querySelectorAll('[id]'), e => e.id);")).doesNotHaveDuplicates();
        assertThat((Long) browser.driver.executeScript("""
                return Array.from(document.querySelectorAll('label[for]')).filter(l => {
                    const field = document.getElementById(l.htmlFor);
                    return !field || field.closest('form') !== l.closest('form');
                }).length;"""))
                .isZero();
        WebElement officeRow = driver.findElement(By.cssSelector("#offices form"));
        officeRow.findElement(By.xpath(".//label[text()='中文职务']")).click();
        assertThat(driver.switchTo().activeElement().getAttribute("value")).isEqualTo("县委书记");
        browser.screenshot("directory-person");

        driver.get("http://localhost:" + port + "/directory/bodies/" + bodyId);
        new Select(driver.findElement(By.id("member-person"))).selectByVisibleText("宋立平");
        driver.findElement(By.cssSelector("#member-form button[type=submit]")).click();
        // the member's row in the table (the form's list of candidates names them too, before the change)
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#members table a"), "宋立平"));
        browser.screenshot("directory-body");

        driver.get("http://localhost:" + port + "/meetings/new?bodyId=" + bodyId);
        WebElement member = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#members tr[data-person]")));
        assertThat(member.getText()).contains("宋立平").contains("县委书记");
        assertThat(new Select(driver.findElement(By.id("presidingPersonId"))).getOptions())
                .extracting(WebElement::getText).contains("宋立平 县委书记");
    }
}
