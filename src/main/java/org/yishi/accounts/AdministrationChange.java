package org.yishi.accounts;

import java.time.Instant;
import java.util.List;

/**
 * A change that needs a second administrator (三员分立, the two-person rule): an administrator role's permissions,
 * or the administrator role an account holds. Proposed by one administrator; applied only when a different
 * administrator, holding another administrator role, confirms it.
 *
 * @param kind        {@code role-permissions} (then {@code roleCode} is set) or {@code account-roles}
 *                    ({@code accountId} and {@code accountName} are set)
 * @param before      the role's permissions or the account's roles when proposed
 * @param proposed    what they are to become
 * @param state       {@code PROPOSED}, {@code CONFIRMED}, {@code REFUSED} or {@code SUPERSEDED} (by a later proposal
 *                    for the same role or account)
 * @param decidedBy   who confirmed or refused it; null while proposed
 * @param reason      why it was refused; may be null
 */
public record AdministrationChange(long id, String kind, String roleCode, Long accountId, String accountName,
        List<String> before, List<String> proposed, long proposedBy, String proposedByName, String proposedByRole,
        Instant proposedAt, String state, Long decidedBy, String decidedByName, Instant decidedAt, String reason) {

    static final String ROLE_PERMISSIONS = "role-permissions";
    static final String ACCOUNT_ROLES = "account-roles";
    static final String PROPOSED = "PROPOSED";

    public boolean pending() {
        return PROPOSED.equals(state);
    }
}
