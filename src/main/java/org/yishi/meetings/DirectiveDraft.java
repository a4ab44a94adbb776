package org.yishi.meetings;

import io.swagger.v3.oas.annotations.media.Schema;
import org.yishi.platform.InputBounds;

import java.time.LocalDate;

/** A central directive as entered when it is received; {@code receivedOn} defaults to today. */
public record DirectiveDraft(Long bodyId, @Schema(maxLength = InputBounds.MAX_NAME) String titleZh, @Schema(maxLength = InputBounds.MAX_NAME) String titleEn, LocalDate issuedOn, LocalDate receivedOn,
        String source) {
}
