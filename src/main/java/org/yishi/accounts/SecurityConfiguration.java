package org.yishi.accounts;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two ways in. The JSON API under {@code /api} is stateless: every call carries a personal access token
 * ({@code Authorization: Bearer …}), so no cookie can be abused across sites there. The pages use a session (kept in
 * PostgreSQL, idle timeout 30 minutes), CSRF tokens on every form, and a strict Content-Security-Policy. On every
 * request the signed-in account is read afresh, so disabling it or changing its roles takes effect at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** Swagger UI, the browsable API description, needs inline styles; it shows no business data. */
    static final String DOCS_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AuthenticationProvider passwordSignIn(Accounts accounts) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                SignedIn user = accounts.signIn(authentication.getName(), String.valueOf(authentication.getCredentials()));
                return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain docs(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/api-docs", "/api-docs/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(DOCS_CSP)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, Accounts accounts, Refusals refusals) throws Exception {
        String[] directory = {"/api/bodies", "/api/bodies/**", "/api/terms/**", "/api/people", "/api/people/**",
                "/api/offices/**", "/api/units", "/api/units/**", "/api/memberships/**"};
        // Checked before a request's body is read, so a caller without the permission learns nothing from
        // validation; the handlers check again, with the data-level rules. An API path without a rule is refused.
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/auth/tokens").permitAll()
                        .requestMatchers("/api/auth/tokens", "/api/auth/tokens/*", "/api/me").authenticated()
                        .requestMatchers(HttpMethod.PUT, "/api/accounts/*/roles").hasAuthority(Permission.ROLE_ASSIGN)
                        .requestMatchers(HttpMethod.GET, "/api/accounts", "/api/accounts/*")
                        .hasAnyAuthority(Permission.ACCOUNT_MANAGE, Permission.ROLE_ASSIGN)
                        .requestMatchers("/api/accounts", "/api/accounts/**").hasAuthority(Permission.ACCOUNT_MANAGE)
                        .requestMatchers(HttpMethod.GET, "/api/roles").hasAnyAuthority(Permission.ROLE_MANAGE, Permission.ROLE_ASSIGN)
                        .requestMatchers("/api/roles/**").hasAuthority(Permission.ROLE_MANAGE)
                        // issue 11: the two-person rule — any administrator may see and decide (checked per change)
                        .requestMatchers("/api/administration-changes", "/api/administration-changes/**")
                        .hasAnyAuthority(Permission.ACCOUNT_MANAGE, Permission.ROLE_MANAGE, Permission.ROLE_ASSIGN,
                                Permission.AUDIT_READ, Permission.AUDIT_EXPORT, Permission.AUDIT_VERIFY)
                        .requestMatchers("/api/audit", "/api/audit/**").hasAnyAuthority(Permission.AUDIT_READ,
                                Permission.AUDIT_EXPORT, Permission.AUDIT_VERIFY)
                        .requestMatchers(HttpMethod.GET, "/api/meetings/*/readout").hasAuthority(Permission.READOUT_READ)
                        // rules of procedure: running a meeting, its record and minutes, rule sets, directives
                        .requestMatchers(HttpMethod.GET, "/api/meetings/*/record").hasAuthority(Permission.RECORD_READ)
                        .requestMatchers(HttpMethod.GET, "/api/meetings/*/minutes").hasAuthority(Permission.MINUTES_READ)
                        .requestMatchers(HttpMethod.POST, "/api/meetings/*/minutes").hasAuthority(Permission.MINUTES_DRAFT)
                        .requestMatchers(HttpMethod.POST, "/api/meetings/*/minutes/check").hasAuthority(Permission.MINUTES_CHECK)
                        .requestMatchers(HttpMethod.POST, "/api/meetings/*/minutes/sign").hasAuthority(Permission.MINUTES_SIGN)
                        .requestMatchers(HttpMethod.POST, "/api/meetings/*/minutes/issue").hasAuthority(Permission.MINUTES_ISSUE)
                        .requestMatchers(HttpMethod.POST, "/api/meetings/*/minutes/send-back")
                        .hasAnyAuthority(Permission.MINUTES_CHECK, Permission.MINUTES_SIGN)
                        .requestMatchers(HttpMethod.GET, "/api/meetings/*/proceedings")
                        .hasAnyAuthority(Permission.MEETING_RUN, Permission.RECORD_READ)
                        .requestMatchers(HttpMethod.POST, "/api/meetings/*/notify", "/api/meetings/*/open",
                                "/api/meetings/*/close", "/api/meetings/*/archive", "/api/meetings/*/items")
                        .hasAuthority(Permission.MEETING_RUN)
                        .requestMatchers(HttpMethod.PUT, "/api/meetings/*/attendance/*").hasAuthority(Permission.MEETING_RUN)
                        .requestMatchers("/api/items/**").hasAuthority(Permission.MEETING_RUN)
                        .requestMatchers(HttpMethod.GET, "/api/rule-sets", "/api/rule-sets/**", "/api/bodies/*/rule-set")
                        .hasAnyAuthority(Permission.DIRECTORY_READ, Permission.MEETING_READ_ALL)
                        .requestMatchers("/api/rule-sets", "/api/rule-sets/**", "/api/bodies/*/rule-set")
                        .hasAuthority(Permission.RULES_EDIT)
                        .requestMatchers(HttpMethod.GET, "/api/directives", "/api/directives/**")
                        .hasAuthority(Permission.MEETING_READ_ALL)
                        .requestMatchers("/api/directives", "/api/directives/**").hasAuthority(Permission.DIRECTIVE_EDIT)
                        // supervision: the office manages; a unit's liaison acts on its own unit's items (checked per item)
                        .requestMatchers("/api/supervision/proposals", "/api/supervision/proposals/**")
                        .hasAuthority(Permission.SUPERVISION_MANAGE)
                        .requestMatchers(HttpMethod.POST, "/api/supervision/items", "/api/supervision/items/*/assign",
                                "/api/supervision/items/*/close", "/api/supervision/items/*/send-back",
                                "/api/supervision/items/*/suspend", "/api/supervision/items/*/resume",
                                "/api/supervision/items/*/extension/decision").hasAuthority(Permission.SUPERVISION_MANAGE)
                        .requestMatchers(HttpMethod.POST, "/api/supervision/items/*/accept", "/api/supervision/items/*/return",
                                "/api/supervision/items/*/progress", "/api/supervision/items/*/completion",
                                "/api/supervision/items/*/extension").hasAuthority(Permission.SUPERVISION_REPORT)
                        // supervision warnings (issue 5, part b): the office keeps the calendar and may sweep on demand
                        .requestMatchers(HttpMethod.GET, "/api/supervision/calendar", "/api/supervision/calendar/*")
                        .hasAnyAuthority(Permission.SUPERVISION_READ_ALL, Permission.SUPERVISION_MANAGE, Permission.SUPERVISION_REPORT)
                        .requestMatchers("/api/supervision/calendar", "/api/supervision/calendar/*", "/api/supervision/sweep")
                        .hasAuthority(Permission.SUPERVISION_MANAGE)
                        .requestMatchers("/api/supervision/notices", "/api/supervision/notices/**")
                        .hasAnyAuthority(Permission.SUPERVISION_MANAGE, Permission.SUPERVISION_REPORT)
                        // issue 5, part c: reports with attachments, refused before an upload is read
                        .requestMatchers(HttpMethod.POST, "/api/supervision/items/*/reports")
                        .hasAuthority(Permission.SUPERVISION_REPORT)
                        .requestMatchers("/api/supervision", "/api/supervision/**").hasAnyAuthority(
                                Permission.SUPERVISION_READ_ALL, Permission.SUPERVISION_MANAGE, Permission.SUPERVISION_REPORT)
                        // the meeting notice and materials (issue 12): a recipient or a reader of the meeting
                        // reads the notice (checked per meeting); the office sends it and sees the receipts
                        .requestMatchers(HttpMethod.GET, "/api/meetings/*/notice")
                        .hasAnyAuthority(Permission.MEETING_READ, Permission.MEETING_READ_ALL)
                        .requestMatchers(HttpMethod.POST, "/api/meetings/*/notice").hasAuthority(Permission.MEETING_RUN)
                        .requestMatchers(HttpMethod.GET, "/api/meetings/*/materials/readings")
                        .hasAuthority(Permission.MEETING_RUN)
                        .requestMatchers(HttpMethod.GET, "/api/meetings/*/materials")
                        .hasAnyAuthority(Permission.MEETING_READ, Permission.MEETING_READ_ALL)
                        .requestMatchers(HttpMethod.POST, "/api/meetings/*/items/*/materials")
                        .hasAuthority(Permission.MEETING_EDIT)
                        // volunteer service (issue 15): who may see which volunteer and station is checked per record
                        .requestMatchers("/api/volunteering/me").hasAuthority(Permission.VOLUNTEER_SELF)
                        .requestMatchers(HttpMethod.POST, "/api/volunteering/stations")
                        .hasAuthority(Permission.VOLUNTEER_MANAGE)
                        .requestMatchers("/api/volunteering/stations", "/api/volunteering/stations/**")
                        .hasAnyAuthority(Permission.VOLUNTEER_STATION, Permission.VOLUNTEER_MANAGE)
                        .requestMatchers(HttpMethod.GET, "/api/volunteering/volunteers/*", "/api/volunteering/volunteers/*/id-number")
                        .hasAnyAuthority(Permission.VOLUNTEER_SELF, Permission.VOLUNTEER_STATION, Permission.VOLUNTEER_MANAGE)
                        // issue 17: anyone signed in may search; what they find is filtered by what they may see
                        .requestMatchers(HttpMethod.GET, "/api/search").authenticated()
                        // congress and CPPCC sessions (issue 13): each change is checked by its own permission too
                        .requestMatchers(HttpMethod.GET, "/api/sessions/**").hasAuthority(Permission.CONGRESS_READ)
                        .requestMatchers("/api/sessions/**")
                        .hasAnyAuthority(Permission.CONGRESS_EDIT, Permission.CONGRESS_ROLL_CALL)
                        // programmes, activities, sign-ups, check-in and service records (issue 15, items 3-5)
                        .requestMatchers("/api/volunteering/me/**", "/api/volunteering/activities/open",
                                "/api/volunteering/activities/*/sign-up", "/api/volunteering/activities/*/check-in",
                                "/api/volunteering/activities/*/check-out").hasAuthority(Permission.VOLUNTEER_SELF)
                        .requestMatchers(HttpMethod.GET, "/api/volunteering/activities/*")
                        .hasAnyAuthority(Permission.VOLUNTEER_SELF, Permission.VOLUNTEER_STATION, Permission.VOLUNTEER_MANAGE)
                        .requestMatchers("/api/volunteering/programmes/**", "/api/volunteering/activities",
                                "/api/volunteering/activities/**", "/api/volunteering/records/**")
                        .hasAnyAuthority(Permission.VOLUNTEER_STATION, Permission.VOLUNTEER_MANAGE)
                        .requestMatchers(HttpMethod.GET, "/api/meetings", "/api/meetings/*")
                        .hasAnyAuthority(Permission.MEETING_READ, Permission.MEETING_READ_ALL)
                        .requestMatchers("/api/meetings", "/api/meetings/**").hasAuthority(Permission.MEETING_EDIT)
                        .requestMatchers(HttpMethod.GET, directory).hasAuthority(Permission.DIRECTORY_READ)
                        .requestMatchers(directory).hasAuthority(Permission.DIRECTORY_EDIT)
                        .anyRequest().denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)))
                .addFilterBefore(new BearerTokens(accounts, refusals), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(refusals::unauthenticated)
                        .accessDeniedHandler(refusals::forbidden));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, Accounts accounts, MessageSource messages,
            ObjectProvider<ClientRegistrationRepository> oidc, OidcAccounts.Settings oidcSettings) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").failureHandler(loginFailed()).defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")))
                .addFilterAfter(new FreshAccount(accounts), UsernamePasswordAuthenticationFilter.class);
        if (oidc.getIfAvailable() != null) {
            OidcAccounts mapping = new OidcAccounts(accounts, oidcSettings);
            http.oauth2Login(o -> o.loginPage("/login").userInfoEndpoint(u -> u.oidcUserService(mapping)));
        }
        return http.build();
    }

    /** Back to the login page with the reason's code; the page shows it in the user's language. */
    private static AuthenticationFailureHandler loginFailed() {
        return (request, response, exception) -> {
            String code = exception instanceof LoginRefused refused ? refused.code() : "accounts.login.bad-credentials";
            String minutes = exception instanceof LoginRefused refused && refused.args().length > 0
                    ? "&minutes=" + refused.args()[0] : "";
            response.sendRedirect(request.getContextPath() + "/login?error=" + code.substring(code.lastIndexOf('.') + 1) + minutes);
        };
    }

    /** Signs in API calls that carry a personal access token; refuses a token that is unknown, revoked or expired. */
    private static final class BearerTokens extends OncePerRequestFilter {
        private final Accounts accounts;
        private final Refusals refusals;

        BearerTokens(Accounts accounts, Refusals refusals) {
            this.accounts = accounts;
            this.refusals = refusals;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
                var user = accounts.signInWithToken(header.substring(7).strip());
                if (user.isEmpty()) {
                    refusals.badToken(request, response);
                    return;
                }
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * Reads the signed-in account afresh on every page request: a disabled account is signed out, changed roles
     * apply at once, and an account that must change its password can reach nothing else.
     */
    private static final class FreshAccount extends OncePerRequestFilter {
        private final Accounts accounts;

        FreshAccount(Accounts accounts) {
            this.accounts = accounts;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof SignedIn user) {
                var fresh = accounts.signedIn(user.viewer().accountId(), user.idToken());
                if (fresh.isEmpty()) {
                    SecurityContextHolder.clearContext();
                    if (request.getSession(false) != null) {
                        request.getSession(false).invalidate();
                    }
                    response.sendRedirect(request.getContextPath() + "/login?error=disabled");
                    return;
                }
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(fresh.get(), null, fresh.get().getAuthorities()));
                String path = request.getRequestURI().substring(request.getContextPath().length());
                if (fresh.get().mustChangePassword() && !path.equals("/account/password") && !path.equals("/logout")
                        && !path.startsWith("/css/") && !path.startsWith("/js/") && !path.startsWith("/webjars/")) {
                    if ("true".equals(request.getHeader("HX-Request"))) {
                        // a fragment the password page itself asks for (the bells in the top bar): nothing to swap
                        // in, or the redirect's whole page would be swapped into the top bar, which asks again
                        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                        return;
                    }
                    response.sendRedirect(request.getContextPath() + "/account/password");
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}
