package org.yishi.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the chain head was at one moment, as written (signed) outside the database.
 *
 * @param at        when it was taken
 * @param lastId    the newest entry then; null when the log was empty
 * @param lastHash  that entry's hash
 * @param anchorId  the newest purged entry then; null when nothing had been purged
 * @param anchorHash that entry's hash
 * @param keyedFrom the first entry hashed under the audit key; older ones are the legacy segment
 */
record Checkpoint(Instant at, Long lastId, String lastHash, Long anchorId, String anchorHash, long keyedFrom) {

    private static final String FORMAT = "yishi-checkpoint-1";

    static Checkpoint of(Instant at, AuditEntries.Head head) {
        return new Checkpoint(at, head.lastId(), head.lastHash(), head.anchorId(), head.anchorHash(), head.keyedFrom());
    }

    boolean sameHead(AuditEntries.Head head) {
        return Objects.equals(lastId, head.lastId()) && Objects.equals(lastHash, head.lastHash())
                && Objects.equals(anchorId, head.anchorId()) && Objects.equals(anchorHash, head.anchorHash())
                && keyedFrom == head.keyedFrom();
    }

    /** The checkpoint as one line of the checkpoint file, without its end of line: its text, a tab, its signature. */
    String line(AuditKey key) {
        String text = text();
        return text + "\t" + key.checkpointSignature(text);
    }

    private String text() {
        return String.join("\t", FORMAT, at.toString(), field(lastId), field(lastHash), field(anchorId),
                field(anchorHash), Long.toString(keyedFrom));
    }

    /** The checkpoint a line holds; empty when the line is not one or its signature does not match. */
    static Optional<Checkpoint> parse(String line, AuditKey key) {
        String[] f = line.split("\t", -1);
        if (f.length != 8 || !f[0].equals(FORMAT)) {
            return Optional.empty();
        }
        try {
            Checkpoint checkpoint = new Checkpoint(Instant.parse(f[1]), number(f[2]), text(f[3]), number(f[4]), text(f[5]),
                    Long.parseLong(f[6]));
            return checkpoint.line(key).equals(line) ? Optional.of(checkpoint) : Optional.empty();
        } catch (RuntimeException notACheckpoint) {
            return Optional.empty();
        }
    }

    private static String field(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static Long number(String field) {
        return field.equals("-") ? null : Long.valueOf(field);
    }

    private static String text(String field) {
        return field.equals("-") ? null : field;
    }
}
