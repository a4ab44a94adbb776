package org.yishi.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * A supervised item as registered by hand or confirmed from a proposal. {@code receivedOn} defaults to today,
 * {@code priority} to NORMAL, {@code weight} to 1, {@code recurrence} to NONE.
 */
public record SupervisionDraft(Source source, String sourceNote, Long meetingId, Long agendaItemId, String content,
        Long leadUnitId, List<Long> coUnitIds, Long leaderPersonId, LocalDate receivedOn, LocalDate deadline,
        String replyRequirements, Priority priority, Long parentId, Integer weight, Recurrence recurrence,
        List<Integer> recurrenceDays) {

    public SupervisionDraft {
        coUnitIds = coUnitIds == null ? List.of() : coUnitIds;
        recurrenceDays = recurrenceDays == null ? List.of() : recurrenceDays;
    }
}
