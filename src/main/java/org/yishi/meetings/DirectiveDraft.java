package org.yishi.meetings;

import java.time.LocalDate;

/** A central directive as entered when it is received; {@code receivedOn} defaults to today. */
public record DirectiveDraft(Long bodyId, String titleZh, String titleEn, LocalDate issuedOn, LocalDate receivedOn,
        String source) {
}
