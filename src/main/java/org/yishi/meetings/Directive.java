package org.yishi.meetings;

import java.time.LocalDate;

/**
 * A central directive received by a body's office and queued for study as a meeting's first item (第一议题).
 *
 * @param conveyedByMeetingId the held meeting whose item conveyed it; null while it is pending
 */
public record Directive(long id, long bodyId, String titleZh, String titleEn, LocalDate issuedOn, LocalDate receivedOn,
        String source, Long conveyedByMeetingId) {

    public boolean pending() {
        return conveyedByMeetingId == null;
    }
}
