package org.yishi.accounts;

import java.time.Instant;

/** A personal access token as its owner sees it afterwards: never the token itself. */
public record AccessToken(long id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt,
        Instant lastUsedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
