package org.yishi.directory;

import io.swagger.v3.oas.annotations.media.Schema;
import org.yishi.platform.InputBounds;

import java.time.LocalDate;

/** What a user enters to record an {@link Office} held by a person. */
public record OfficeDraft(Long bodyId, @Schema(maxLength = InputBounds.MAX_NAME) String titleZh, @Schema(maxLength = InputBounds.MAX_NAME) String titleEn, @Schema(maxLength = InputBounds.MAX_NAME) String titleEnPlural, @Schema(maxLength = InputBounds.MAX_NAME) String titleEnShort,
        Integer protocolRank, LocalDate startsOn, LocalDate endsOn) {
}
