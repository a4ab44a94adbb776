package org.yishi.accounts;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * The three administrators at work in the real UI: the system administrator creates an account, the security
 * administrator gives it a role, and its user must change the initial password before reaching anything else.
 */
@YishiIntegrationTest("yishi.demo-data=on")
class AdministrationBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void anAccountIsCreatedGivenARoleAndItsInitialPasswordChangedAtFirstSignIn() {
        var driver = browser.driver;
        driver.manage().deleteAllCookies();
        browser.signIn(url(""), TestAccounts.of(accounts, "sysadmin"));
        assertThat(driver.getCurrentUrl()).endsWith("/admin/accounts");
        assertThat(driver.findElements(By.linkText("会议"))).isEmpty(); // no business data for administrators
        driver.findElement(By.id("username")).sendKeys("liming");
        driver.findElement(By.id("displayName")).sendKeys("李明（区委办）");
        driver.findElement(By.cssSelector("#account-form button[type=submit]")).click();
        String initial = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("initial-password"))).getText();
        browser.screenshot("admin-accounts");
        assertThat(initial).hasSize(16);
        browser.signOut();

        browser.signIn(url(""), TestAccounts.of(accounts, "secadmin"));
        driver.get(url("/admin/role-assignments"));
        WebElement row = driver.findElement(By.id("assign-liming"));
        row.findElement(By.cssSelector("input[value=office]")).click();
        row.findElement(By.cssSelector("input[value=auditor]")).click();
        row.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement refused = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        assertThat(refused.getText()).contains("三员分立");
        assertThat(accounts.findByUsername("liming").orElseThrow().roles()).isEmpty();
        row = driver.findElement(By.id("assign-liming"));
        row.findElement(By.cssSelector("input[value=office]")).click();
        row.findElement(By.cssSelector("button[type=submit]")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-ok")));
        assertThat(accounts.findByUsername("liming").orElseThrow().roles()).containsExactly("office");
        driver.get(url("/admin/roles"));
        browser.screenshot("admin-roles");
        browser.signOut();

        browser.signIn(url(""), new TestAccounts.Login("liming", initial));
        assertThat(driver.getCurrentUrl()).endsWith("/account/password");
        driver.get(url("/meetings"));
        assertThat(driver.getCurrentUrl()).endsWith("/account/password"); // nothing else until it is changed
        driver.findElement(By.id("currentPassword")).sendKeys(initial);
        driver.findElement(By.id("newPassword")).sendKeys("liming2024");
        driver.findElement(By.id("repeatPassword")).sendKeys("liming2024");
        driver.findElement(By.id("change-password")).click();
        assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors"))).getText())
                .contains("至少三类").contains("不能包含用户名");
        browser.screenshot("password-refused");
        driver.findElement(By.id("currentPassword")).sendKeys(initial);
        driver.findElement(By.id("newPassword")).sendKeys("Qingchuan-2024");
        driver.findElement(By.id("repeatPassword")).sendKeys("Qingchuan-2024");
        driver.findElement(By.id("change-password")).click();
        // only the account page after a successful change has this address (the form itself is /account/password)
        browser.wait.until(ExpectedConditions.urlContains("/account?saved"));
        driver.get(url("/meetings"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("会议");
    }

    @Test
    void wrongPasswordsAreExplainedAndLockTheAccount() {
        var driver = browser.driver;
        driver.manage().deleteAllCookies();
        String name = "lock-" + System.nanoTime() % 100000;
        accounts.createWithPassword(new AccountDraft(name, null, TestAccounts.PASSWORD, null, null), java.util.List.of("reader"));
        for (int i = 1; i <= 5; i++) {
            driver.get(url("/login"));
            signInOnThisPage(name, "wrong-" + i);
        }
        assertThat(driver.findElement(By.id("login-error")).getText()).startsWith("账户因多次输错密码已被锁定，请于 15 分钟后再试");
        browser.screenshot("login-locked");
        signInOnThisPage(name, TestAccounts.PASSWORD);
        assertThat(driver.getCurrentUrl()).contains("/login?error=locked");
        assertThat(driver.findElement(By.id("login-error")).getText()).contains("已被锁定");
    }

    /** Fills in and sends the login form, and waits until the answer has replaced the page. */
    private void signInOnThisPage(String username, String password) {
        var driver = browser.driver;
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        WebElement button = driver.findElement(By.id("sign-in"));
        button.click();
        browser.wait.until(ExpectedConditions.stalenessOf(button));
    }
}
