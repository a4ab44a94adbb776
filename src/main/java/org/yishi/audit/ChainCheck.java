package org.yishi.audit;

import java.util.Objects;

/** Walks the chain entry by entry, oldest first, and stops at the first entry that breaks it. */
final class ChainCheck {

    private final AuditEntries.Head head;
    private String previousHash;
    private Long previousId;
    private long checked;
    private Verification broken;

    ChainCheck(AuditEntries.Head head) {
        this.head = head;
        this.previousHash = head.anchorHash();
        this.previousId = head.anchorId();
    }

    /** Checks the next entry; false once the chain is found broken. */
    boolean accept(AuditEntry entry) {
        checked++;
        if ((previousId != null && entry.id() <= previousId) || !Objects.equals(entry.prevHash(), previousHash)) {
            broken = Verification.broken(checked, entry.id(), Verification.BROKEN_LINK);
        } else if (!entry.hash().equals(entry.expectedHash())) {
            broken = Verification.broken(checked, entry.id(), Verification.ALTERED);
        } else if (head.lastId() == null || entry.id() > head.lastId()) {
            broken = Verification.broken(checked, entry.id(), Verification.HEAD_MISMATCH);
        }
        previousId = entry.id();
        previousHash = entry.hash();
        return broken == null;
    }

    Verification result() {
        if (broken != null) {
            return broken;
        }
        if (!Objects.equals(previousId, head.lastId()) || !Objects.equals(previousHash, head.lastHash())) {
            // the head names a newer entry than the newest there is: the newest entries were deleted
            return Verification.broken(checked, head.lastId(), Verification.HEAD_MISMATCH);
        }
        return Verification.intact(checked);
    }
}
