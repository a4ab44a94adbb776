package org.yishi.directory;

import java.time.LocalDate;

/** What a user enters to record an {@link Office} held by a person. */
public record OfficeDraft(Long bodyId, String titleZh, String titleEn, String titleEnPlural, String titleEnShort,
        Integer protocolRank, LocalDate startsOn, LocalDate endsOn) {
}
