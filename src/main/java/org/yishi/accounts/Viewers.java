package org.yishi.accounts;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The viewer of the current request, from the security context. */
public final class Viewers {

    private Viewers() {
    }

    /** The signed-in viewer; throws when nobody is signed in (the security filters make sure somebody is). */
    public static Viewer current() {
        return find().orElseThrow(() -> new UsernameNotFoundException("nobody is signed in"));
    }

    public static Optional<Viewer> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return Optional.empty();
        }
        if (auth.getPrincipal() instanceof SignedIn user) {
            return Optional.of(user.viewer());
        }
        return Optional.empty();
    }
}
