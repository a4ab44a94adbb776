package org.yishi.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * 三员分立 on permissions, over permission sets for every administrator role and for business roles, against a plain
 * statement of the rule: a role's permissions are accepted exactly when an administrator role holds only its own
 * duties (the auditor all of the audit log, the security administrator both role powers), and a business role none
 * of any administrator's. Random subsets of all 26 permissions, and every subset of the administrators' duties
 * with and without a business permission.
 */
class ThreeAdministratorsProperties {

    private static final List<String> ADMINISTRATORS = List.of("sysadmin", "secadmin", "auditor");
    private static final Set<String> ALL_DUTIES = Set.of(Permission.ACCOUNT_MANAGE, Permission.ROLE_MANAGE,
            Permission.ROLE_ASSIGN, Permission.AUDIT_READ, Permission.AUDIT_EXPORT, Permission.AUDIT_VERIFY);

    /** The plain statement, written apart from the rule's home. */
    private static Set<String> own(String role) {
        return switch (role) {
            case "sysadmin" -> Set.of(Permission.ACCOUNT_MANAGE);
            case "secadmin" -> Set.of(Permission.ROLE_MANAGE, Permission.ROLE_ASSIGN);
            case "auditor" -> Set.of(Permission.AUDIT_READ, Permission.AUDIT_EXPORT, Permission.AUDIT_VERIFY);
            default -> Set.of();
        };
    }

    private static boolean mayHold(String role, boolean administrator, Set<String> permissions) {
        if (!administrator) {
            return permissions.stream().noneMatch(ALL_DUTIES::contains);
        }
        boolean onlyOwn = own(role).containsAll(permissions);
        boolean keeps = switch (role) {
            case "auditor", "secadmin" -> permissions.containsAll(own(role));
            default -> true;
        };
        return onlyOwn && keeps;
    }

    private static Set<String> subset(List<String> from, long bits) {
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < from.size(); i++) {
            if ((bits & (1L << i)) != 0) {
                chosen.add(from.get(i));
            }
        }
        return chosen;
    }

    private static boolean accepted(String role, boolean administrator, Set<String> permissions) {
        return ThreeAdministrators.refusals(role, administrator, new ArrayList<>(permissions)).isEmpty();
    }

    @Test
    void anyPermissionSetIsAcceptedForAnAdministratorRoleExactlyWhenItHoldsOnlyThatAdministratorsDuties() {
        for (String role : ADMINISTRATORS) {
            qt().withExamples(20_000).forAll(longs().between(0, (1L << Permission.ALL.size()) - 1)).checkAssert(bits -> {
                Set<String> permissions = subset(Permission.ALL, bits);
                assertThat(accepted(role, true, permissions)).as("%s holding %s", role, permissions)
                        .isEqualTo(mayHold(role, true, permissions));
            });
        }
    }

    @Test
    void everySubsetOfTheDutiesWithAndWithoutABusinessPermissionIsJudgedByTheRule() {
        List<String> duties = new ArrayList<>(ALL_DUTIES);
        for (String role : ADMINISTRATORS) {
            for (long bits = 0; bits < 1L << duties.size(); bits++) {
                for (String business : Permission.BUSINESS) {
                    Set<String> permissions = subset(duties, bits);
                    assertThat(accepted(role, true, permissions)).as("%s holding %s", role, permissions)
                            .isEqualTo(mayHold(role, true, permissions));
                    permissions.add(business);
                    assertThat(accepted(role, true, permissions)).as("%s holding %s", role, permissions).isFalse();
                }
            }
        }
    }

    @Test
    void noAcceptedSetGivesAnAdministratorRoleAnotherAdministratorsDutyAndTheAuditorAlwaysKeepsTheAuditLog() {
        qt().withExamples(20_000).forAll(longs().between(0, (1L << Permission.ALL.size()) - 1), integers().between(0, 2))
                .checkAssert((bits, r) -> {
                    String role = ADMINISTRATORS.get(r);
                    Set<String> permissions = subset(Permission.ALL, bits);
                    if (accepted(role, true, permissions)) {
                        for (String other : ADMINISTRATORS) {
                            if (!other.equals(role)) {
                                assertThat(permissions).doesNotContainAnyElementsOf(own(other));
                            }
                        }
                        assertThat(permissions).isSubsetOf(ALL_DUTIES);
                        if (role.equals("auditor")) {
                            assertThat(permissions).contains(Permission.AUDIT_READ, Permission.AUDIT_EXPORT,
                                    Permission.AUDIT_VERIFY);
                        }
                    }
                });
    }

    @Test
    void aBusinessRoleIsRefusedEveryAdministratorsDuty() {
        qt().withExamples(20_000).forAll(longs().between(0, (1L << Permission.ALL.size()) - 1)).checkAssert(bits -> {
            Set<String> permissions = subset(Permission.ALL, bits);
            assertThat(accepted("office", false, permissions)).as("office holding %s", permissions)
                    .isEqualTo(mayHold("office", false, permissions));
        });
    }

    @Test
    void anUnknownPermissionIsRefusedForEveryRole() {
        for (String role : List.of("sysadmin", "secadmin", "auditor", "office")) {
            assertThat(ThreeAdministrators.refusals(role, !role.equals("office"), List.of("audit:delete")))
                    .extracting(ThreeAdministrators.Refusal::code).contains("accounts.permission.unknown");
        }
    }

    @Test
    void theDutiesArePairwiseApartAndEveryOtherPermissionIsABusinessOne() {
        Set<String> seen = new HashSet<>();
        ThreeAdministrators.DUTIES.values().forEach(d -> d.forEach(p -> assertThat(seen.add(p)).as(p).isTrue()));
        assertThat(seen).isEqualTo(ALL_DUTIES);
        assertThat(Permission.BUSINESS).containsExactlyInAnyOrderElementsOf(
                Permission.ALL.stream().filter(p -> !ALL_DUTIES.contains(p)).toList());
        for (String role : ADMINISTRATORS) {
            assertThat(ThreeAdministrators.offered(role, true)).containsExactlyInAnyOrderElementsOf(own(role));
        }
        assertThat(ThreeAdministrators.offered("office", false)).containsExactlyElementsOf(Permission.BUSINESS);
    }

    @Test
    void theIssuesAttackIsRefused() {
        // issue 11, failure 3: the security administrator's role given the others' duties
        assertThat(ThreeAdministrators.refusals("secadmin", true, List.of("role:assign", "role:manage", "account:manage",
                "audit:read", "audit:export", "audit:verify"))).extracting(ThreeAdministrators.Refusal::code)
                .containsOnly("accounts.permission.other-administrator").hasSize(4);
        assertThat(ThreeAdministrators.refusals("auditor", true, List.of())).extracting(ThreeAdministrators.Refusal::code)
                .containsExactly("accounts.permission.auditor-keeps");
    }
}
