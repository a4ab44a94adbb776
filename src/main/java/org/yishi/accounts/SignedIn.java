package org.yishi.accounts;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The principal of a signed-in account, whether by password, token or OpenID Connect. Kept in the session (in
 * PostgreSQL), so it is serialisable and holds no secrets: the password hash is never part of it.
 */
record SignedIn(Viewer viewer, String displayName, boolean mustChangePassword, OidcIdToken idToken)
        implements UserDetails, OidcUser {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return viewer.permissions().stream().map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return viewer.username();
    }

    @Override
    public String getName() {
        return viewer.username();
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken == null ? Map.of() : idToken.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return null;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return getClaims();
    }

    List<String> permissions() {
        return List.copyOf(viewer.permissions());
    }
}
