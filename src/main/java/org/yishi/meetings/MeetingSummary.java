package org.yishi.meetings;

import java.time.LocalDate;

/** A line in the list of meetings; {@code sequence} is null for a draft not yet numbered. */
public record MeetingSummary(long id, LocalDate date, TimeOfDay timeOfDay, long bodyId, int termNumber, Integer sequence,
        MeetingKind kind, MeetingState state, int itemCount, String firstItemZh, String firstItemEn) {
}
