package org.yishi.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A supervised item (督办件).
 *
 * @param serial        the serial number in the office's format, e.g. 督字〔2023〕12号
 * @param meetingId     the meeting whose decision it carries out; null for other sources
 * @param agendaItemId  the decision (agenda item) it carries out; null for other sources
 * @param coUnitIds     the co-operating units (协办)
 * @param leaderPersonId the responsible leader; may be null
 * @param startOn       when the time to do it began (the day it was assigned); null before
 * @param progress      the reported percentage, or for a parent the weighted average of its children
 * @param sentBack      how often its completion report was sent back
 */
public record SupervisionItem(long id, String serial, int serialYear, int serialNumber, Source source, String sourceNote,
        Long meetingId, Long agendaItemId, String content, long leadUnitId, List<Long> coUnitIds, Long leaderPersonId,
        LocalDate receivedOn, LocalDate deadline, String replyRequirements, Priority priority, Long parentId, int weight,
        Recurrence recurrence, List<Integer> recurrenceDays, ItemState state, int sentBack, int progress, Colour colour,
        LocalDate startOn, Instant assignedAt, Instant acceptedAt, Instant closedAt, int version) {

    /** Whether the unit leads the item or co-operates on it. */
    public boolean concerns(long unitId) {
        return leadUnitId == unitId || coUnitIds.contains(unitId);
    }
}
