package org.yishi.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yishi.Browser;
import org.yishi.YishiIntegrationTest;

/**
 * Sign-in through an OpenID Connect provider (an in-process stand-in for, e.g., Keycloak): the provider's user
 * becomes a Yishi account on first sign-in, with the Yishi roles its provider roles map to.
 */
@YishiIntegrationTest("yishi.demo-data=on")
class OidcSignInBrowserTests {

    static final MockOAuth2Server provider = started();

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    private static MockOAuth2Server started() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "registration.district.client-id", () -> "yishi");
        registry.add(prefix + "registration.district.client-secret", () -> "not-a-secret");
        registry.add(prefix + "registration.district.scope", () -> "openid,profile");
        registry.add(prefix + "provider.district.issuer-uri", () -> provider.issuerUrl("district").toString());
        registry.add("yishi.oidc.roles.yishi-office", () -> "office");
    }

    @Test
    void aProviderUserSignsInAndGetsTheMappedRole() {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("district", "subject-wangli", "JWT", List.of("yishi"),
                Map.of("preferred_username", "wangli", "name", "王丽", "roles", List.of("yishi-office", "unmapped")), 3600));
        var driver = browser.driver;
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.linkText("通过 district 统一身份认证登录")).click();
        browser.wait.until(ExpectedConditions.urlContains("/meetings"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("会议");
        assertThat(driver.findElement(By.id("account-link")).getText()).isEqualTo("wangli");

        Account account = accounts.findByUsername("wangli").orElseThrow();
        assertThat(account.roles()).containsExactly("office");
        assertThat(account.mustChangePassword()).isFalse();
    }
}
