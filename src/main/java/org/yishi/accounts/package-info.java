/**
 * Accounts: who may use Yishi and what they may do. Local accounts (passwords hashed with BCrypt, a password policy,
 * lockout after repeated failures, forced change of an initial password), optional OpenID Connect login, personal
 * access tokens for scripts, and roles as sets of permission strings such as {@code meeting:edit}. The system,
 * security and audit administrators hold separate powers (三员分立) and none of them sees business data.
 *
 * <p>Other modules ask {@link org.yishi.accounts.Viewers#current()} who is looking and check what they may see.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.yishi.accounts;
