package org.yishi.volunteering.records;

import java.time.Duration;
import java.time.Instant;

/**
 * The time actually served at an activity: from check-in to check-out, but only within the activity's own time, in
 * whole minutes, so that nobody is credited with more than the activity lasted (travel and waiting excluded).
 */
final class ServedTime {

    private ServedTime() {
    }

    static int minutes(Instant checkedIn, Instant checkedOut, Instant starts, Instant ends) {
        Instant from = checkedIn.isAfter(starts) ? checkedIn : starts;
        Instant to = checkedOut.isBefore(ends) ? checkedOut : ends;
        return to.isAfter(from) ? (int) Duration.between(from, to).toMinutes() : 0;
    }

    /** Whether the minutes served reach the required share of the activity's minutes. */
    static boolean counts(int served, int activityMinutes, double minimumShare) {
        return served > 0 && served >= Math.ceil(minimumShare * activityMinutes - 1e-9);
    }
}
