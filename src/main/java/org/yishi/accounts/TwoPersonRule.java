package org.yishi.accounts;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.audit.Audit;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Text;
import org.yishi.platform.Violation;

/**
 * The second person of 三员分立's two-person rule: a change to an administrator role's permissions, or to the
 * administrator role an account holds, is applied only when an administrator other than its proposer, holding
 * another administrator role, confirms it. The change is checked again against the rules when confirmed. Every
 * confirmation and refusal is audited; a refused attempt to decide changes nothing.
 */
@Service
@Transactional
class TwoPersonRule {

    private final AdministrationChanges changes;
    private final Accounts accounts;
    private final Audit audit;

    TwoPersonRule(AdministrationChanges changes, Accounts accounts, Audit audit) {
        this.changes = changes;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<AdministrationChange> pending() {
        return changes.pending();
    }

    @Transactional(readOnly = true)
    public List<AdministrationChange> recentlyDecided() {
        return changes.decided(20);
    }

    @Transactional(readOnly = true)
    public AdministrationChange change(long id) {
        return changes.find(id).orElseThrow(() -> new NotFound("kind.administration-change", id));
    }

    /**
     * Applies a proposed change as its second administrator. A refusal (e.g. the proposer confirming their own
     * change) writes nothing but its audit entry: every check comes before the first change.
     */
    @Transactional(noRollbackFor = InvalidInput.class)
    public AdministrationChange confirm(long id, Viewer by) {
        AdministrationChange change = decidable(id, by);
        if (AdministrationChange.ROLE_PERMISSIONS.equals(change.kind())) {
            accounts.applyPermissions(change.roleCode(), change.proposed());
        } else {
            accounts.applyRoles(change.accountId(), change.proposed());
        }
        changes.decide(id, "CONFIRMED", by.accountId(), null);
        AdministrationChange after = changes.find(id).orElseThrow();
        audit.record("administration.confirm", "administration_change", String.valueOf(id), change, after);
        return after;
    }

    /** Refuses a proposed change as its second administrator; nothing of it is applied. */
    @Transactional(noRollbackFor = InvalidInput.class)
    public AdministrationChange refuse(long id, String reason, Viewer by) {
        AdministrationChange change = decidable(id, by);
        String why = Text.blank(reason) ? null : reason.strip();
        if (why != null && why.length() > 500) {
            throw new InvalidInput(Violation.of("reason", "accounts.change.reason-length", 500));
        }
        changes.decide(id, "REFUSED", by.accountId(), why);
        AdministrationChange after = changes.find(id).orElseThrow();
        audit.record("administration.refuse", "administration_change", String.valueOf(id), change, after);
        return after;
    }

    private AdministrationChange decidable(long id, Viewer by) {
        AdministrationChange change = changes.lock(id).orElseThrow(() -> new NotFound("kind.administration-change", id));
        String role = accounts.administratorRole(by.accountId())
                .orElseThrow(() -> new AccessDeniedException("only an administrator decides"));
        String refusal = null;
        if (!change.pending()) {
            refusal = "accounts.change.decided";
        } else if (change.proposedBy() == by.accountId()) {
            refusal = "accounts.change.own-proposal";
        } else if (change.proposedByRole().equals(role)) {
            refusal = "accounts.change.same-administrator";
        } else if (change.accountId() != null && change.accountId() == by.accountId()) {
            refusal = "accounts.roles.own";
        }
        if (refusal != null) {
            audit.recordRefused("administration.decide-refused", "administration_change", String.valueOf(id), null,
                    Map.of("reason", refusal));
            throw new InvalidInput(Violation.of("change", refusal));
        }
        return change;
    }
}
