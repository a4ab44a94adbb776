package org.yishi.accounts;

import java.io.Serializable;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who is looking, as other modules need to know it: the account, its permissions, and the person (for members) or
 * unit (for unit liaisons) it stands for; either may be null.
 */
public record Viewer(long accountId, String username, Set<String> permissions, Long personId, Long unitId)
        implements Serializable {

    public Viewer {
        permissions = Set.copyOf(permissions);
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }

    /** Refuses (403) a viewer without the permission. */
    public void require(String permission) {
        if (!can(permission)) {
            throw new AccessDeniedException(permission);
        }
    }
}
