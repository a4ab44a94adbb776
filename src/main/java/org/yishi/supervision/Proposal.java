package org.yishi.supervision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A decision adopted at a meeting, waiting in the supervision office's inbox to be confirmed as one or more items
 * (split), folded into an existing item (merged), or dismissed.
 */
public record Proposal(long id, long meetingId, long agendaItemId, long bodyId, LocalDate heldOn, String outcome,
        String titleZh, String titleEn, String conclusionsZh, String conclusionsEn, String visibility, String state,
        Instant receivedAt) {
}
