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
                ? readable(attributes.getRequest().getRemoteAddr())
                : null;
    }

    /**
     * An address as people write it: an IPv6 address in its shortest form ({@code ::1}, not {@code 0:0:0:0:0:0:0:1}),
     * anything else as it is.
     */
    static String readable(String address) {
        if (address == null || !address.contains(":") || address.contains("::")) {
            return address;
        }
        String[] groups = address.split(":", -1);
        if (groups.length != 8) {
            return address;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j].matches("0+")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            out.append(groups[i].replaceFirst("^0+(?=.)", "").toLowerCase(java.util.Locale.ROOT));
            if (i < 7) {
                out.append(':');
            }
        }
        return out.toString();
    }
}
