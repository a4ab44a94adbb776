/**
 * Audit log (等保2.0 level 3 security audit): who did what to which subject, when and from where, with the state
 * before and after, kept as a hash chain keyed with HMAC-SHA256 under a secret outside the database, its head
 * checkpointed (signed) into a file outside the database, so that any changed, inserted or deleted entry — also a
 * rewrite of the whole chain or a cut of its newest entries by someone who can change the database — is found by
 * verification — on the page {@code /audit}, through {@code /api/audit/verify}, or with the command
 * {@code --verify-audit}. Entries are kept {@code yishi.audit.retention-days} (at least 180) and then purged.
 *
 * <p>The API is {@link org.yishi.audit.Audit}: other modules call {@code record} inside their own transactions.
 * This module depends on no business module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log")
package org.yishi.audit;
