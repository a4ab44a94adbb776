package org.yishi.directory;

import java.time.LocalDate;

/** A term (届) of a body, e.g. the 12th; {@code endsOn} is null while the term runs. */
public record Term(long id, long bodyId, int number, LocalDate startsOn, LocalDate endsOn) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(startsOn) && (endsOn == null || !date.isAfter(endsOn));
    }
}
