package org.yishi.accounts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 三员分立, the separation of the three administrators, as a rule on permissions: which permissions are each
 * administrator's duties, and which permission sets a role may hold.
 *
 * <ul>
 * <li>the system administrator ({@code sysadmin}) manages accounts;</li>
 * <li>the security administrator ({@code secadmin}) manages roles and who holds them;</li>
 * <li>the audit administrator ({@code auditor}) reads, exports and verifies the audit log.</li>
 * </ul>
 *
 * An administrator role holds its own duties and nothing else: no other administrator's duty and no business
 * permission. A business role holds no administrator's duty. The auditor role always keeps the whole audit log, and
 * the security administrator role its power over roles, so that neither can be taken away through a role's
 * permissions. Together with the rule on accounts (at most one administrator role, never beside a business role, see
 * {@link Accounts#assignRoles}), no account can hold two administrators' duties.
 */
final class ThreeAdministrators {

    static final String SYSTEM = "sysadmin";
    static final String SECURITY = "secadmin";
    static final String AUDIT = "auditor";

    /** Each administrator role's duties, in the order the role editor shows them. */
    static final Map<String, Set<String>> DUTIES;

    /** The duties an administrator role must always hold. */
    static final Map<String, Set<String>> KEPT = Map.of(
            SECURITY, Set.of(Permission.ROLE_MANAGE, Permission.ROLE_ASSIGN),
            AUDIT, Set.of(Permission.AUDIT_READ, Permission.AUDIT_EXPORT, Permission.AUDIT_VERIFY));

    static {
        Map<String, Set<String>> duties = new LinkedHashMap<>();
        duties.put(SYSTEM, Set.of(Permission.ACCOUNT_MANAGE));
        duties.put(SECURITY, Set.of(Permission.ROLE_MANAGE, Permission.ROLE_ASSIGN));
        duties.put(AUDIT, Set.of(Permission.AUDIT_READ, Permission.AUDIT_EXPORT, Permission.AUDIT_VERIFY));
        DUTIES = java.util.Collections.unmodifiableMap(duties);
    }

    /** A refusal: a message code and its arguments. */
    record Refusal(String code, Object... args) {
    }

    private ThreeAdministrators() {
    }

    /** The administrator role whose duty the permission is; empty for a business permission (or an unknown one). */
    static Optional<String> dutyOf(String permission) {
        return DUTIES.entrySet().stream().filter(e -> e.getValue().contains(permission)).map(Map.Entry::getKey).findFirst();
    }

    /** The duties of a role; empty for a business role, and for an administrator role this rule does not know. */
    static Set<String> dutiesOf(String roleCode) {
        return DUTIES.getOrDefault(roleCode, Set.of());
    }

    /** The permissions a role may hold, in the role editor's order: what the editor offers. */
    static List<String> offered(String roleCode, boolean administrator) {
        return Permission.ALL.stream().filter(p -> administrator ? dutiesOf(roleCode).contains(p) : dutyOf(p).isEmpty())
                .toList();
    }

    /**
     * Why a role may not hold these permissions; empty when it may. Permissions it may not hold are named first;
     * only a set without them is told what it must keep. {@code administrator} is the role's kind as
     * stored; an administrator role unknown to this rule may hold nothing.
     */
    static List<Refusal> refusals(String roleCode, boolean administrator, Collection<String> permissions) {
        List<Refusal> refusals = new ArrayList<>();
        for (String p : permissions.stream().distinct().toList()) {
            Optional<String> owner = dutyOf(p);
            if (!Permission.ALL.contains(p)) {
                refusals.add(new Refusal("accounts.permission.unknown", p));
            } else if (administrator && owner.isEmpty()) {
                refusals.add(new Refusal("accounts.permission.business-for-admin", p));
            } else if (!administrator && owner.isPresent()) {
                refusals.add(new Refusal("accounts.permission.admin-for-business", p));
            } else if (administrator && !owner.get().equals(roleCode)) {
                refusals.add(new Refusal("accounts.permission.other-administrator", p, owner.get()));
            }
        }
        if (!refusals.isEmpty()) {
            return refusals; // what may not be held first; what must be kept once the rest is right
        }
        if (administrator && SECURITY.equals(roleCode) && !permissions.containsAll(KEPT.get(SECURITY))) {
            refusals.add(new Refusal("accounts.permission.secadmin-keeps"));
        }
        if (administrator && AUDIT.equals(roleCode) && !permissions.containsAll(KEPT.get(AUDIT))) {
            refusals.add(new Refusal("accounts.permission.auditor-keeps"));
        }
        return refusals;
    }
}
