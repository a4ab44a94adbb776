package org.yishi.supervision.ledger;

import org.yishi.supervision.Colour;
import org.yishi.supervision.ItemState;
import org.yishi.supervision.Source;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of the ledger (台账), with its units and leader named in the reader's language.
 *
 * @param leader         the responsible leader; null when none is recorded
 * @param latestProgress the text of the latest progress report; null before the first
 */
public record LedgerRow(long id, String serial, Source source, String content, Named leadUnit, List<Named> coUnits,
        Named leader, LocalDate receivedOn, LocalDate deadline, ItemState state, int progress, Colour colour,
        String latestProgress) {

    /** A unit or person: its id and its name in the reader's language. */
    public record Named(long id, String name) {
    }
}
