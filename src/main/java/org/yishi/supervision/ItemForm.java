package org.yishi.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.format.annotation.DateTimeFormat;
import org.yishi.platform.Text;
import org.yishi.platform.Violation;

/**
 * The registration form of an item entered by hand (a leader's written instruction, a task from a higher level):
 * every field of a {@link SupervisionDraft}, the parent named by its serial number and the days of a recurring item
 * written as "5, 20".
 */
record ItemForm(Source source, String sourceNote, String content, Long leadUnitId, List<Long> coUnitIds,
        Long leaderPersonId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, String replyRequirements, Priority priority,
        String parentSerial, Integer weight, Recurrence recurrence, String recurrenceDays) {

    ItemForm {
        coUnitIds = coUnitIds == null ? List.of() : coUnitIds.stream().filter(Objects::nonNull).toList();
    }

    static ItemForm empty(LocalDate today, String parentSerial) {
        return new ItemForm(Source.INSTRUCTION, null, null, null, List.of(), null, today, null, null, Priority.NORMAL,
                parentSerial, 1, Recurrence.NONE, null);
    }

    /** The days of each month on which a recurring item reports, as typed; null when they cannot be read. */
    List<Integer> days() {
        List<Integer> days = new ArrayList<>();
        if (Text.blank(recurrenceDays)) {
            return days;
        }
        for (String part : recurrenceDays.split("[,，、;；\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                days.add(Integer.valueOf(part.strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return days;
    }

    /** The draft, with the parent already found; the form's own problems (a parent or days not understood) apart. */
    SupervisionDraft toDraft(Long parentId) {
        List<Integer> days = days();
        return new SupervisionDraft(source, sourceNote, null, null, content, leadUnitId, coUnitIds, leaderPersonId,
                receivedOn, deadline, replyRequirements, priority, parentId, weight, recurrence,
                days == null || recurrence != Recurrence.FIXED_DAYS ? List.of() : days);
    }

    /** What the form itself cannot make sense of, before the item is checked as a whole. */
    List<Violation> problems(boolean parentFound) {
        List<Violation> problems = new ArrayList<>();
        if (source == Source.DECISION) {
            problems.add(Violation.of("source", "supervision.register.decision-from-inbox"));
        }
        if (!Text.blank(parentSerial) && !parentFound) {
            problems.add(Violation.of("parentSerial", "supervision.register.parent-unknown", parentSerial.strip()));
        }
        if (days() == null) {
            problems.add(Violation.of("recurrenceDays", "supervision.recurrence-days"));
        }
        return problems;
    }
}
