package org.yishi.sessions.sitting;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A session (第N次会议) of a congress or CPPCC term: its number, entered, never derived from years; its days; and when
 * its preparatory meeting adopted the agenda (null until then); and the meeting and agenda item of the standing
 * committee that prepared it (both null when not recorded).
 */
public record Session(long id, long termId, int number, String placeZh, String placeEn, LocalDate opensOn,
        LocalDate closesOn, OffsetDateTime agendaAdoptedAt, Long preparedByMeetingId, Long preparedByItemId) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }
}
