package org.yishi.volunteering.activities;

import java.time.LocalDate;
import java.util.List;

/** A programme as submitted. */
record ProgrammeDraft(String name, ProgrammeKind kind, String description, List<Integer> daysOfMonth,
        LocalDate campaignFrom, LocalDate campaignTo, Long supervisionItemId, Long decisionItemId) {

    ProgrammeDraft {
        daysOfMonth = daysOfMonth == null ? List.of() : daysOfMonth.stream().distinct().sorted().toList();
        description = description == null ? "" : description.strip();
    }
}
