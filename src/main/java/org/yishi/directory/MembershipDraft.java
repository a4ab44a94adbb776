package org.yishi.directory;

import java.time.LocalDate;

/** What a user enters to make a person a member of a body for a term. */
public record MembershipDraft(Long personId, LocalDate startsOn, LocalDate endsOn) {
}
