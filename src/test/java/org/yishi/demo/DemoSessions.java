package org.yishi.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yishi.TestAccounts;

/** Signing in to the demo's pages through the login form, as a browser does, for the demo's page tests. */
final class DemoSessions {

    private DemoSessions() {
    }

    /** Signs in and returns what sends the session cookie with each request. */
    static RequestPostProcessor as(MockMvc mvc, TestAccounts.Login login) throws Exception {
        MockHttpServletResponse signedIn = mvc.perform(formLogin("/login").user(login.username()).password(login.password()))
                .andReturn().getResponse();
        Cookie session = signedIn.getCookie("SESSION");
        assertThat(session).as("signed in as %s", login.username()).isNotNull();
        return request -> {
            request.setCookies(session);
            return request;
        };
    }
}
