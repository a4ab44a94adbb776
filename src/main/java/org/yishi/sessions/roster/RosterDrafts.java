package org.yishi.sessions.roster;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.yishi.platform.InputBounds;

/** What a user enters to open a term, add a group, or put a person on a roster. */
public final class RosterDrafts {

    private RosterDrafts() {
    }

    /**
     * Opens a term of a congress or CPPCC body. When the directory has no term of that number yet, one is made, of
     * five years from {@code startsOn} [law: Local Organic Law art. 9]; an existing one is taken as it is.
     */
    public record TermOpening(Long bodyId, Integer number, LocalDate startsOn, AssemblyTerm.Level level) {
    }

    public record GroupDraft(GroupKind kind, @Schema(maxLength = InputBounds.MAX_NAME) String nameZh,
            @Schema(maxLength = InputBounds.MAX_NAME) String nameEn) {
    }

    /**
     * A person on the roster: an existing person of the directory by id (a person may be a deputy and hold an office),
     * or a new one by name.
     *
     * @param group     the delegation (congress) or sector (CPPCC) by its Chinese name
     * @param committee the special committee by its Chinese name (CPPCC only); may be empty
     */
    public record EntryDraft(Long personId, @Schema(maxLength = InputBounds.MAX_NAME) String nameZh,
            @Schema(maxLength = InputBounds.MAX_NAME) String nameRomanized,
            @Schema(maxLength = 20) String cardNumber, @Schema(maxLength = InputBounds.MAX_NAME) String group,
            @Schema(maxLength = InputBounds.MAX_NAME) String committee) {
    }
}
