package org.yishi.readouts;

import java.time.LocalDate;
import java.util.List;

import org.yishi.directory.PersonStanding;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.AttendingGroup;
import org.yishi.meetings.MeetingKind;
import org.yishi.meetings.TimeOfDay;

/**
 * Everything a readout is written from, gathered from the meeting and the directory as they stood on the day.
 *
 * @param present      members present, presiding person included, in any order
 * @param inAttendance people sitting in by name, in any order
 */
record ReadoutFacts(LocalDate date, TimeOfDay timeOfDay, MeetingKind kind, String bodyNameZh, String bodyNameEn,
        PersonStanding presiding, PersonStanding entrustedBy, boolean presidingSpeech, List<PersonStanding> present,
        String leadersLabelZh, String leadersLabelEn, List<PersonStanding> inAttendance, List<AttendingGroup> groups,
        List<AgendaItem> items) {
}
