package org.yishi;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for browser tests. Chromium and its driver come from Debian's packages (chromium,
 * chromium-driver); nothing is downloaded at test time. Screenshots go to target/screenshots.
 *
 * <p>Use as {@code @RegisterExtension static final Browser browser = new Browser();}: it closes after the class.
 */
public final class Browser implements AutoCloseable, AfterAllCallback {

    private static final String CHROMIUM = System.getProperty("yishi.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("yishi.chromedriver", "/usr/bin/chromedriver");

    public final ChromeDriver driver;
    public final WebDriverWait wait;

    public Browser() {
        if (!new File(CHROMIUM).canExecute() || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's Chromium and its driver at " + CHROMIUM + " and "
                    + DRIVER + ": install them with 'apt-get install chromium chromium-driver' (see README).");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1600", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15)) {
            @Override
            public <V> V until(Function<? super WebDriver, ? extends V> condition) {
                return super.<V>until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (WebDriverException e) {
                        if (detached(e)) {
                            return null; // the page was being replaced: look again
                        }
                        throw e;
                    }
                });
            }
        };
    }

    /**
     * Whether Chromium answered a command on an element of a page that was just replaced (a form posted, a link
     * followed, or a fragment swapped in by htmx between finding the element and reading it), whether as a stale
     * element or as "Node with given id does not belong to the document": the wait then looks again, as it does for
     * an element not found yet.
     */
    private static boolean detached(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || e.getMessage() != null && e.getMessage().contains("does not belong to the document");
    }

    /** Signs in through the login page. */
    public void signIn(String baseUrl, TestAccounts.Login login) {
        driver.get(baseUrl + "/login");
        driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(login.username());
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(login.password());
        driver.findElement(org.openqa.selenium.By.id("sign-in")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    public void signOut() {
        driver.findElement(org.openqa.selenium.By.id("sign-out")).click();
        wait.until(d -> d.getCurrentUrl().contains("/login"));
    }

    public void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
