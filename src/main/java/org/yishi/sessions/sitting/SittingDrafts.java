package org.yishi.sessions.sitting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.yishi.platform.InputBounds;

/** What a user enters for sessions, their meetings, agenda and roll call. */
public final class SittingDrafts {

    private SittingDrafts() {
    }

    /**
     * A session of a term; {@code number} is entered (第N次会议) and restarts at 1 each term. The meeting and agenda item
     * that prepared it (a standing committee's decision to convene it) may be given, both or neither.
     */
    public record SessionDraft(Integer number, @Schema(maxLength = InputBounds.MAX_NAME) String placeZh,
            @Schema(maxLength = InputBounds.MAX_NAME) String placeEn, LocalDate opensOn, LocalDate closesOn,
            Long preparedByMeetingId, Long preparedByItemId) {
    }

    /** The preparatory meeting (number left empty) or a plenary meeting with its number. */
    public record SittingDraft(Sitting.Kind kind, Integer number, LocalDate heldOn, LocalTime startsAt) {
    }

    public record AgendaDraft(AgendaEntry.Kind kind, @Schema(maxLength = InputBounds.MAX_NAME) String titleZh,
            @Schema(maxLength = InputBounds.MAX_NAME) String titleEn) {
    }

    /** The presidium the preparatory meeting elects: roster entries, in their order. */
    public record PresidiumDraft(List<Long> entryIds) {
    }

    /** A check-in: a deputy's card number or full name as the clerk types it (or as the card's code gives it). */
    public record CheckInDraft(@Schema(maxLength = 100) String query, Long entryId) {
    }

    /** Leave from a sitting, with its reason. */
    public record LeaveDraft(@Schema(maxLength = 100) String query, Long entryId,
            @Schema(maxLength = InputBounds.MAX_NAME) String reason) {
    }

    /** The tellers' count of a resolution or an election. */
    public record CountDraft(Integer yes, Integer no, Integer abstain) {
    }
}
