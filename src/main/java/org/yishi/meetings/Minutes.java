package org.yishi.meetings;

import java.time.Instant;

/**
 * The minutes of a meeting as a document moving to issue: who drafted, checked, signed off and issued them, and when.
 * The ids are account ids; a step not yet taken is null.
 */
public record Minutes(long meetingId, MinutesState state, long draftedBy, Instant draftedAt, Long checkedBy,
        Instant checkedAt, Long signedBy, Instant signedAt, Long issuedBy, Instant issuedAt) {
}
