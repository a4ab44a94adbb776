package org.yishi.search.ledger;

import java.time.LocalDate;
import java.util.List;

import org.yishi.supervision.Colour;
import org.yishi.supervision.ItemState;

/**
 * The ledger of one central directive as the page, the API and the workbook show it, in the reader's language.
 *
 * @param conveyings     one row per meeting item that conveyed the directive, by date, as far as the reader may see it
 * @param notYetConveyed the bodies that received the directive and have held no meeting conveying it yet
 */
record DirectiveLedgerView(Head directive, Filter filter, List<Conveying> conveyings, List<NotYetConveyed> notYetConveyed) {

    /** The directive alone, without rows: what a page shows above a filter it refused. */
    DirectiveLedgerView withoutRows() {
        return new DirectiveLedgerView(directive, filter, List.of(), List.of());
    }

    /** The directive: its title in the reader's language ({@code title}) and as entered. */
    record Head(long id, String title, String titleZh, String titleEn, LocalDate issuedOn, String source) {
    }

    /** The filter applied: a body, and the meetings' dates from and to (each may be null). */
    record Filter(Long bodyId, LocalDate from, LocalDate to) {
    }

    /**
     * A meeting item that conveyed and studied the directive.
     *
     * @param measures        the item's conclusions: what the meeting decided to do; may be empty
     * @param supervisedItems the supervised items registered from the item that the reader may see
     */
    record Conveying(long directiveId, long bodyId, String body, LocalDate date, long meetingId, String meeting,
            long agendaItemId, String item, String measures, List<Supervised> supervisedItems) {
    }

    /** A supervised item that came of a conveying, and where it stands. */
    record Supervised(long id, String serial, String content, String leadUnit, ItemState state, String stateText,
            Colour colour, int progress, LocalDate deadline) {
    }

    /** A body that received the directive and has not conveyed it: since when, and how many days ago. */
    record NotYetConveyed(long directiveId, long bodyId, String body, LocalDate receivedOn, long daysSinceReceived) {
    }
}
