package org.yishi.accounts;

import java.time.Instant;
import java.util.List;

/** An account as administrators see it; never with its password. {@code personId}/{@code unitId} may be null. */
public record Account(long id, String username, String displayName, boolean enabled, boolean mustChangePassword,
        int failedLogins, Instant lockedUntil, Long personId, Long unitId, List<String> roles, Instant lastLoginAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
