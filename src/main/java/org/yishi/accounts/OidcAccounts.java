package org.yishi.accounts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Sign-in through an OpenID Connect provider (e.g. Keycloak), when one is configured with Spring Boot's
 * {@code spring.security.oauth2.client.registration.*} properties. The provider's user name claim names the Yishi
 * account (created on first sign-in) and its role claim gives the Yishi roles, through {@code yishi.oidc.roles.*}.
 */
class OidcAccounts extends OidcUserService {

    private final Accounts accounts;
    private final Settings settings;

    OidcAccounts(Accounts accounts, Settings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    /**
     * @param usernameClaim the claim holding the user name (default {@code preferred_username})
     * @param roleClaim     the claim holding the provider's role names (default {@code roles})
     * @param roles         provider role name → Yishi role code, e.g. {@code yishi.oidc.roles.yishi-office=office}
     */
    @ConfigurationProperties("yishi.oidc")
    record Settings(String usernameClaim, String roleClaim, Map<String, String> roles) {
        Settings {
            usernameClaim = usernameClaim == null ? "preferred_username" : usernameClaim;
            roleClaim = roleClaim == null ? "roles" : roleClaim;
            roles = roles == null ? Map.of() : Map.copyOf(roles);
        }
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser external = super.loadUser(request);
        Object name = external.getClaims().get(settings.usernameClaim());
        if (!(name instanceof String username) || username.isBlank()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user", "no " + settings.usernameClaim(), null));
        }
        List<String> roles = yishiRoles(external.getClaims().get(settings.roleClaim()), settings.roles());
        Account account = accounts.findByUsername(username)
                .orElseGet(() -> accounts.create(new AccountDraft(username.toLowerCase(java.util.Locale.ROOT),
                        external.getFullName(), null, null, null)).account());
        try {
            accounts.assignRoles(account.id(), roles, null);
        } catch (org.yishi.platform.InvalidInput e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_roles", "roles break the separation of duties", null));
        }
        accounts.markExternal(account.id());
        return accounts.signedIn(account.id(), external.getIdToken())
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("disabled", "account disabled", null)));
    }

    /** The Yishi roles for the provider's role names; names without a mapping are ignored. */
    static List<String> yishiRoles(Object claim, Map<String, String> mapping) {
        List<String> roles = new ArrayList<>();
        if (claim instanceof Collection<?> names) {
            for (Object n : names) {
                String role = mapping.get(String.valueOf(n));
                if (role != null && !roles.contains(role)) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
