package org.yishi.audit;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The result of checking the audit log's hash chain.
 *
 * @param ok             true when every entry is as written and none is missing
 * @param entriesChecked how many entries were read, up to and including the first bad one
 * @param firstBadId     the first entry found altered, out of place or missing (for missing newest entries, the id the
 *                       chain head names); null when intact or when no entry can be named
 * @param reason         message code of the finding, {@code audit.verify.*}; {@code audit.verify.intact} when ok
 */
public record Verification(boolean ok, long entriesChecked, Long firstBadId, String reason) {

    static final String INTACT = "audit.verify.intact";
    /** An entry's fields no longer give its hash: it was changed after it was written. */
    static final String ALTERED = "audit.verify.altered";
    /** An entry does not follow the one before it: an entry before it was removed, added or replaced. */
    static final String BROKEN_LINK = "audit.verify.broken-link";
    /** The newest entry is not the one the chain head names: newest entries were removed, or added around the log. */
    static final String HEAD_MISMATCH = "audit.verify.head-mismatch";
    /** The chain head is gone. */
    static final String HEAD_MISSING = "audit.verify.head-missing";
    /**
     * The chain does not hold what a signed checkpoint outside the database saw: entries were removed from its end
     * (and the head moved back), or it was rewritten with its head.
     */
    static final String CHECKPOINT_MISMATCH = "audit.verify.checkpoint-mismatch";
    /** A line of the checkpoint file is not signed with the audit key: the file was tampered with. */
    static final String CHECKPOINT_FORGED = "audit.verify.checkpoint-forged";
    /** The chain could not be read to the end (e.g. the database failed meanwhile); nothing is known. */
    static final String UNREADABLE = "audit.verify.unreadable";

    static Verification intact(long checked) {
        return new Verification(true, checked, null, INTACT);
    }

    /** The finding in words, in one line: what was found, which entry, how many were checked. */
    String describe(MessageSource messages, Locale locale) {
        String finding = messages.getMessage(reason, null, reason, locale);
        String summary = firstBadId == null
                ? messages.getMessage("audit.verify.checked", new Object[] {String.valueOf(entriesChecked)}, locale)
                : messages.getMessage("audit.verify.first-bad", new Object[] {String.valueOf(firstBadId),
                        String.valueOf(entriesChecked)}, locale);
        return messages.getMessage(ok ? "audit.verify.ok" : "audit.verify.tampered", new Object[] {finding, summary},
                locale);
    }

    static Verification broken(long checked, Long firstBadId, String reason) {
        return new Verification(false, checked, firstBadId, reason);
    }
}
