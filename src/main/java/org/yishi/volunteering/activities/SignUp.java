package org.yishi.volunteering.activities;

import java.time.Instant;

/** A volunteer's sign-up for an activity; {@code waitingPosition} is 1 for the first in line, 0 unless waiting. */
public record SignUp(long id, long activityId, long volunteerId, SignUpState state, Instant signedUpAt,
        int waitingPosition) {
}
