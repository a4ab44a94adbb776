package org.yishi.volunteering.activities;

import java.time.Instant;

/**
 * A volunteer's presence at an activity: checked in (by the code or the manager's roll), checked out (likewise, or
 * closed at the activity's end by the rules, then {@code flagged} for the manager); {@code checkedOutAt} is null while
 * the volunteer is there.
 */
public record Attendance(long id, long activityId, long volunteerId, Instant checkedInAt, String checkedInBy,
        Instant checkedOutAt, String checkedOutBy, boolean flagged) {

    public boolean open() {
        return checkedOutAt == null;
    }
}
