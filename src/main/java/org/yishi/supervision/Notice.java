package org.yishi.supervision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An in-app notice: an item (or one of its report obligations) turned a worse colour.
 *
 * @param unitId   the lead unit it was sent to; null for the supervision office
 * @param period   the obligation's cycle (e.g. 2026-11) when it concerns a report obligation; null for the item itself
 * @param dueOn    the deadline (or the obligation's due date) the colour was reached against
 * @param mailedAt when it was also sent by e-mail; null when not (yet)
 */
public record Notice(long id, long itemId, String serial, String content, Long obligationId, String period, Long unitId,
        String kind, Colour colour, LocalDate dueOn, Instant createdAt, Instant readAt, Instant mailedAt) {

    public boolean unread() {
        return readAt == null;
    }
}
