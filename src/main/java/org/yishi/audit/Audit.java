package org.yishi.audit;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: every module records here what was done, by whom, when and from where, with the subject's state
 * before and after. Entries form a hash chain that {@link #verify()} checks.
 *
 * <p>An entry is written in the caller's transaction: a change that commits has its entry, a change that rolls back
 * leaves none. It is appended to the chain just before that transaction commits (the time of the entry is then), so
 * that the chain's lock, which every node's appends take in turn, is held only while committing, and is the last
 * lock the transaction takes. Called outside a transaction, or inside a read-only one (e.g. to record that something
 * confidential was read), the entry is written and committed at once in a transaction of its own.
 */
@Service
public class Audit {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private static final Logger log = LoggerFactory.getLogger(Audit.class);

    private final AuditEntries entries;
    private final AuditKey key;
    private final Checkpoints checkpoints;
    private final TransactionTemplate alone;
    private final TransactionTemplate snapshot;

    Audit(AuditEntries entries, AuditKey key, Checkpoints checkpoints, PlatformTransactionManager transactions) {
        this.entries = entries;
        this.key = key;
        this.checkpoints = checkpoints;
        this.alone = new TransactionTemplate(transactions);
        this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * Records an action of the current user (from Spring Security's context; {@code system} when there is none) from
     * the current HTTP request's client address (null outside a request).
     *
     * @param action      what was done, {@code <subject>.<verb>}, e.g. {@code meeting.plan}, {@code body.update},
     *                    {@code login.failure}, {@code item.read-confidential}
     * @param subjectType what it was done to, e.g. {@code meeting}; may be null
     * @param subjectId   the subject's id as text; may be null
     * @param before      the subject before, written as JSON with sorted keys; null when it did not exist
     * @param after       the subject after, likewise; null when it was removed
     */
    public void record(String action, String subjectType, String subjectId, Object before, Object after) {
        recordAs(Origin.actor(), Origin.ip(), action, subjectType, subjectId, before, after);
    }

    /**
     * Records a refused attempt of the current user, like {@link #record}, but in a transaction of its own: the refusal
     * rolls back the change it refused (a request changes everything or nothing), and the entry that it was tried must
     * survive that rollback.
     */
    public void recordRefused(String action, String subjectType, String subjectId, Object before, Object after) {
        String actor = Origin.actor();
        String ip = Origin.ip();
        String beforeJson = json(before);
        String afterJson = json(after);
        alone.executeWithoutResult(status -> entries.append(actor, ip, action, subjectType, subjectId, beforeJson, afterJson));
    }

    /**
     * Records an action on behalf of a named actor, from the current HTTP request's client address: for sign-ins,
     * where the security context holds nobody yet.
     */
    public void recordOnBehalf(String actor, String action, String subjectType, String subjectId, Object before,
            Object after) {
        recordAs(actor, Origin.ip(), action, subjectType, subjectId, before, after);
    }

    /**
     * Records an action on behalf of a named actor from a given address, for events where the security context holds
     * no user yet, such as a sign-in.
     */
    public void recordAs(String actor, String ip, String action, String subjectType, String subjectId, Object before,
            Object after) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs an actor");
        }
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs an action");
        }
        String beforeJson = json(before);
        String afterJson = json(after);
        Runnable append = () -> entries.append(actor, ip, action, subjectType, subjectId, beforeJson, afterJson);
        boolean writable = TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        if (writable && TransactionSynchronizationManager.isSynchronizationActive()) {
            Pending.of().appends.add(append);
        } else if (writable) {
            append.run();
        } else {
            alone.executeWithoutResult(status -> append.run());
        }
    }

    /** The entries the current transaction has recorded, appended when it is about to commit, in recorded order. */
    private static final class Pending implements TransactionSynchronization {

        private final List<Runnable> appends = new ArrayList<>();

        /** This transaction's; kept as a synchronization, so that a transaction suspended meanwhile keeps its own. */
        static Pending of() {
            for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
                if (s instanceof Pending pending) {
                    return pending;
                }
            }
            Pending pending = new Pending();
            TransactionSynchronizationManager.registerSynchronization(pending);
            return pending;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            appends.forEach(Runnable::run);
            appends.clear();
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE; // after other work done before commit, which may itself be recorded
        }
    }

    /**
     * Checks the whole chain in id order: each entry's hash against its fields (under the audit key; the legacy
     * segment before {@code keyed_from} without), each link to the entry before, the oldest entry's link to the anchor
     * left by purges, the newest entry against the chain head, and then the chain against every signed checkpoint
     * written outside the database. Reads one consistent snapshot; appends go on meanwhile. Always answers with a
     * verdict: a chain that cannot be read to the end is reported as such.
     */
    public Verification verify() {
        Checkpoints.Readings readings;
        try {
            readings = checkpoints.read();
        } catch (RuntimeException e) {
            log.error("Audit verification could not read the checkpoint file", e);
            return Verification.broken(0, null, Verification.UNREADABLE);
        }
        Verification chain;
        try {
            chain = snapshot.execute(status -> {
                var head = entries.head();
                if (head.isEmpty()) {
                    return Verification.broken(0, null, Verification.HEAD_MISSING);
                }
                ChainCheck check = new ChainCheck(head.get(), key, readings.checkpoints());
                entries.inChainOrder(check::accept);
                return check.result();
            });
        } catch (RuntimeException e) {
            log.error("Audit verification could not read the chain", e);
            return Verification.broken(0, null, Verification.UNREADABLE);
        }
        if (chain.ok() && readings.forgedLine() != null) {
            return Verification.broken(chain.entriesChecked(), null, Verification.CHECKPOINT_FORGED);
        }
        return chain;
    }

    /**
     * Verifies on a user's request, recording that they did and what they were shown. A log that can take no entry
     * (its head is gone) still gets its verdict, which is then only logged.
     */
    Verification verifyOnRequest() {
        Verification verification = verify();
        try {
            record("audit.verify", null, null, null, verification);
        } catch (RuntimeException e) {
            log.error("The audit verification's own entry could not be recorded (verdict: {})", verification.reason(), e);
        }
        return verification;
    }

    /** Writes a checkpoint on a user's request, recording that they did. */
    java.util.Optional<Checkpoint> checkpointOnRequest() {
        var checkpoint = checkpoint();
        checkpoint.ifPresent(c -> record("audit.checkpoint", null, null, null, c));
        return checkpoint;
    }

    /**
     * Writes a signed checkpoint of the chain head to the checkpoint file outside the database; returns it. Skips the
     * write (returning the head as it is) when the newest checkpoint already names the same head; empty when the
     * head row is missing.
     */
    java.util.Optional<Checkpoint> checkpoint() {
        var head = snapshot.execute(status -> entries.head());
        if (head == null || head.isEmpty()) {
            log.error("No audit checkpoint written: the chain head (table audit_chain_head) is missing");
            return java.util.Optional.empty();
        }
        List<Checkpoint> written = checkpoints.read().checkpoints();
        if (!written.isEmpty() && written.getLast().sameHead(head.get())) {
            return java.util.Optional.of(written.getLast());
        }
        Checkpoint checkpoint = Checkpoint.of(java.time.Instant.now(), head.get());
        checkpoints.append(checkpoint);
        return java.util.Optional.of(checkpoint);
    }

    static String json(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }
}
