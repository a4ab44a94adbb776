package org.yishi.supervision.warnings;

import java.time.Instant;
import java.time.LocalDate;

import org.yishi.supervision.Colour;

/**
 * An in-app notice: an item (or one of its report obligations) turned a worse colour (kind {@code WARNING}), or new
 * work arrived (the other kinds, see {@link WorkNotices.Kind}): a proposal in the office's inbox, an item assigned,
 * returned, reported complete, sent back, or its extension asked for or decided.
 *
 * @param itemId   the item it concerns; null for a proposal not yet registered as an item
 * @param serial   the item's serial number; null for a proposal
 * @param unitId   the lead unit it was sent to; null for the supervision office
 * @param period   the obligation's cycle (e.g. 2026-11) when it concerns a report obligation; null for the item itself
 * @param dueOn    the deadline (or the obligation's due date) the colour was reached against
 * @param mailedAt when it was also sent by e-mail; null when not (yet)
 * @param proposalId the proposal (decision awaiting the office) it concerns; null otherwise
 * @param note     the reason or text given with the step that raised it; may be null
 */
public record Notice(long id, Long itemId, String serial, String content, Long obligationId, String period, Long unitId,
        String kind, Colour colour, LocalDate dueOn, Instant createdAt, Instant readAt, Instant mailedAt,
        Long proposalId, String note) {

    public boolean unread() {
        return readAt == null;
    }
}
