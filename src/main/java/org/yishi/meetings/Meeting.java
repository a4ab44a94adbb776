package org.yishi.meetings;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A meeting as recorded.
 *
 * @param sequence         the meeting's number within its term (第N次); null for a draft not yet numbered
 * @param state            where the meeting stands in its lifecycle
 * @param present          members present, the presiding person among them
 * @param onLeave          members on leave, each with a reason
 * @param inAttendance     people sitting in by name (列席), without a vote
 * @param groups           unnamed groups sitting in
 * @param leadersLabelZh   how the readout introduces the named people sitting in, e.g. 区领导; may be empty
 * @param entrustedById    who entrusted the presiding person (受…委托); null when the presiding person convened it
 */
public record Meeting(long id, long bodyId, long termId, Integer sequence, LocalDate date, TimeOfDay timeOfDay, String place,
        MeetingKind kind, long presidingPersonId, Long entrustedById, boolean presidingSpeech, List<Long> present,
        List<Leave> onLeave, List<Long> inAttendance, List<AttendingGroup> groups, String leadersLabelZh,
        String leadersLabelEn, List<AgendaItem> items, MeetingState state) {

    /** The same meeting with only the given items, as a viewer who may not see all of them sees it. */
    public Meeting withItems(List<AgendaItem> shown) {
        return new Meeting(id, bodyId, termId, sequence, date, timeOfDay, place, kind, presidingPersonId, entrustedById,
                presidingSpeech, present, onLeave, inAttendance, groups, leadersLabelZh, leadersLabelEn, shown, state);
    }

    public AgendaItem item(long itemId) {
        return items.stream().filter(i -> i.id() == itemId).findFirst().orElse(null);
    }

    /** Everybody the meeting names: present, on leave, sitting in, presiding, and who entrusted the presiding person. */
    public Set<Long> people() {
        Set<Long> ids = new LinkedHashSet<>(present);
        onLeave.forEach(l -> ids.add(l.personId()));
        ids.addAll(inAttendance);
        ids.add(presidingPersonId);
        if (entrustedById != null) {
            ids.add(entrustedById);
        }
        return ids;
    }
}
