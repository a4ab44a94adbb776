package org.yishi.directory;

import java.time.LocalDate;

/** What a user enters to create or edit a {@link Term}. */
public record TermDraft(Integer number, LocalDate startsOn, LocalDate endsOn) {
}
