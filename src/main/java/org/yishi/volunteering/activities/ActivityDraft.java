package org.yishi.volunteering.activities;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** An activity as submitted. */
record ActivityDraft(LocalDate heldOn, LocalTime startTime, LocalTime endTime, String place, String content,
        Integer places, List<String> skills) {

    ActivityDraft {
        skills = skills == null ? List.of() : skills.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
