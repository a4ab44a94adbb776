package org.yishi.sessions.sitting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * A meeting of a session: the preparatory meeting (预备会议, number 0), which elects the presidium and adopts the
 * agenda, or a plenary meeting (第N次全体会议).
 */
public record Sitting(long id, long sessionId, Kind kind, int number, LocalDate heldOn, LocalTime startsAt, State state,
        OffsetDateTime openedAt) {

    public enum Kind {
        PREPARATORY, PLENARY
    }

    public enum State {
        PLANNED, OPEN, CLOSED
    }
}
