package org.yishi.supervision.ledger;

import java.util.List;

/**
 * One page of the ledger.
 *
 * @param more  whether another page follows
 * @param total how many items match, when that was known without counting them all; otherwise null (see
 *              {@link Ledger#count})
 */
public record LedgerPage(List<LedgerRow> rows, int page, int size, boolean more, Long total) {
}
