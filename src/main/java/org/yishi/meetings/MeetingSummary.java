package org.yishi.meetings;

import java.time.LocalDate;

/** A line in the list of meetings. */
public record MeetingSummary(long id, LocalDate date, TimeOfDay timeOfDay, long bodyId, int termNumber, int sequence,
        MeetingKind kind, int itemCount, String firstItemZh, String firstItemEn) {
}
