package org.yishi.accounts;

import java.time.Instant;

/** A token just created: the only moment its value is known. */
public record IssuedToken(long id, String token, Instant expiresAt) {
}
