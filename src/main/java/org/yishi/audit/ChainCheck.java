package org.yishi.audit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Walks the chain entry by entry, oldest first, and stops at the first entry that breaks it; then holds what remains
 * against the checkpoints written outside the database, so that a chain cut short or rewritten with its head is found.
 */
final class ChainCheck {

    private final AuditEntries.Head head;
    private final AuditKey key;
    private final List<Checkpoint> checkpoints;
    private final Set<Long> watched = new HashSet<>();
    private final Map<Long, String> seen = new HashMap<>();
    private String previousHash;
    private Long previousId;
    private long checked;
    private Verification broken;

    ChainCheck(AuditEntries.Head head, AuditKey key, List<Checkpoint> checkpoints) {
        this.head = head;
        this.key = key;
        this.checkpoints = checkpoints;
        this.previousHash = head.anchorHash();
        this.previousId = head.anchorId();
        checkpoints.stream().map(Checkpoint::lastId).filter(Objects::nonNull).forEach(watched::add);
    }

    /** Checks the next entry; false once the chain is found broken. */
    boolean accept(AuditEntry entry) {
        checked++;
        String expected = entry.id() < head.keyedFrom() ? entry.expectedHash() : entry.expectedHash(key);
        if ((previousId != null && entry.id() <= previousId) || !Objects.equals(entry.prevHash(), previousHash)) {
            broken = Verification.broken(checked, entry.id(), Verification.BROKEN_LINK);
        } else if (!entry.hash().equals(expected)) {
            broken = Verification.broken(checked, entry.id(), Verification.ALTERED);
        } else if (head.lastId() == null || entry.id() > head.lastId()) {
            broken = Verification.broken(checked, entry.id(), Verification.HEAD_MISMATCH);
        }
        if (watched.contains(entry.id())) {
            seen.put(entry.id(), entry.hash());
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
        for (Checkpoint checkpoint : checkpoints) {
            if (checkpoint.keyedFrom() != head.keyedFrom() || number(head.anchorId()) < number(checkpoint.anchorId())) {
                return Verification.broken(checked, null, Verification.CHECKPOINT_MISMATCH);
            }
            Long id = checkpoint.lastId();
            boolean purgedSince = id != null && id <= number(head.anchorId());
            if (id != null && !purgedSince && !checkpoint.lastHash().equals(seen.get(id))) {
                // an entry the log held when the checkpoint was taken is gone or no longer the same
                return Verification.broken(checked, id, Verification.CHECKPOINT_MISMATCH);
            }
        }
        return Verification.intact(checked);
    }

    private static long number(Long id) {
        return id == null ? 0 : id;
    }
}
