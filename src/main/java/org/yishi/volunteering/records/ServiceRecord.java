package org.yishi.volunteering.records;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One volunteer's service at one activity: the minutes served (never more than the activity's), whether they count
 * (the required share of the activity attended), and whether the record was made late and so waits for a second
 * person's approval ({@code AWAITING_APPROVAL}) before its hours count.
 */
public record ServiceRecord(long id, long activityId, long volunteerId, String volunteerName, long stationId, LocalDate heldOn,
        String content, String place, int minutes, int activityMinutes, boolean counted, boolean late, String state,
        Instant recordedAt, String recordedBy, String approvedBy, String correctedBy, String correctionReason) {

    /** Whether these minutes are in the volunteer's hours. */
    public boolean inHours() {
        return counted && "RECORDED".equals(state);
    }
}
