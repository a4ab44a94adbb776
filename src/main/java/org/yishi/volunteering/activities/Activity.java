package org.yishi.volunteering.activities;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One activity of a programme: when (the day, its start and end in local time, and the same as instants), where,
 * what, how many places, the skills wanted, and how many places are taken and how many wait.
 */
public record Activity(long id, long programmeId, String programmeName, long stationId, LocalDate heldOn,
        LocalTime startTime, LocalTime endTime, Instant startsAt, Instant endsAt, String place, String content,
        int places, List<String> skills, int placed, int waiting) {

    /** The activity's length in whole minutes: no one serves longer. */
    public int minutes() {
        return (int) java.time.Duration.between(startsAt, endsAt).toMinutes();
    }

    public int placesLeft() {
        return Math.max(0, places - placed);
    }
}
