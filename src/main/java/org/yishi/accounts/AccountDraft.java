package org.yishi.accounts;

/**
 * What the system administrator enters for an account. An empty {@code initialPassword} on creation means one is
 * generated and shown once; the user must change it at first login.
 */
public record AccountDraft(String username, String displayName, String initialPassword, Long personId, Long unitId) {
}
