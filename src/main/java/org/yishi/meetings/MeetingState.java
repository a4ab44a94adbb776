package org.yishi.meetings;

/**
 * Where a meeting stands: planned (DRAFT), notice sent and number fixed (NOTIFIED), in session (OPEN), over (CLOSED),
 * its minutes issued (MINUTES_ISSUED), filed away (ARCHIVED). A meeting only moves forward, one step at a time.
 */
public enum MeetingState {
    DRAFT, NOTIFIED, OPEN, CLOSED, MINUTES_ISSUED, ARCHIVED;

    /** Whether the meeting has been held, or is being held. */
    public boolean held() {
        return compareTo(OPEN) >= 0;
    }
}
