package org.yishi.supervision.ledger;

/**
 * How many items of the ledger match, counted up to a cap.
 *
 * @param count the number, or the cap when there are more
 * @param exact false when there are more than {@code count}
 */
public record LedgerCount(long count, boolean exact) {
}
