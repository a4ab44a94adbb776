package org.yishi.directory;

import java.time.LocalDate;

/** A person's membership of a body during one term; the dates narrow it within the term when known. */
public record Membership(long id, long termId, long personId, LocalDate startsOn, LocalDate endsOn) {

    public boolean activeOn(LocalDate date) {
        return (startsOn == null || !date.isBefore(startsOn)) && (endsOn == null || !date.isAfter(endsOn));
    }
}
