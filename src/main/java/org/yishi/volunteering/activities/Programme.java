package org.yishi.volunteering.activities;

import java.time.LocalDate;
import java.util.List;

/**
 * A programme (项目) of a station: standing, with the days of the month its activities are held on, or a campaign
 * between two dates; optionally linked by id to the supervised item or the decision that launched it.
 */
public record Programme(long id, long stationId, String name, ProgrammeKind kind, String description,
        List<Integer> daysOfMonth, LocalDate campaignFrom, LocalDate campaignTo, Long supervisionItemId,
        Long decisionItemId) {
}
