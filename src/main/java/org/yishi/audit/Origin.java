package org.yishi.audit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is acting on this thread and from where: the name of the user in Spring Security's context ({@code system}
 * when there is none), and the client address of the current HTTP request (null outside one).
 */
final class Origin {

    static final String SYSTEM = "system";

    private Origin() {
    }

    /** The name of the signed-in user, or {@code system}. */
    static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String name = authentication == null ? null : authentication.getName();
        return name == null || name.isBlank() ? SYSTEM : name;
    }

    /** The client's address when the thread serves an HTTP request; null otherwise. */
    static String ip() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr()
                : null;
    }
}
