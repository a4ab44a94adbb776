package org.yishi.meetings;

import io.swagger.v3.oas.annotations.media.Schema;
import org.yishi.platform.InputBounds;

import java.time.LocalDate;
import java.util.List;

/**
 * A meeting as entered, to plan or revise it. {@code sequence} may be given to record a past meeting's number;
 * left empty, the next number in the term is assigned. {@code kind} defaults to REGULAR and
 * {@code presidingSpeech} to true. Lists may be empty or null.
 */
public record MeetingDraft(Long bodyId, LocalDate date, TimeOfDay timeOfDay, @Schema(maxLength = InputBounds.MAX_NAME) String place, MeetingKind kind,
        Long presidingPersonId, Long entrustedById, Boolean presidingSpeech, List<Long> present, List<Leave> onLeave,
        List<Long> inAttendance, List<AttendingGroup> groups, String leadersLabelZh, String leadersLabelEn,
        List<ItemDraft> items, Integer sequence) {

    public MeetingDraft {
        present = present == null ? List.of() : present;
        onLeave = onLeave == null ? List.of() : onLeave;
        inAttendance = inAttendance == null ? List.of() : inAttendance;
        groups = groups == null ? List.of() : groups;
        items = items == null ? List.of() : items;
    }
}
