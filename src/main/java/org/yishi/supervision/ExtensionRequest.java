package org.yishi.supervision;

import java.time.Instant;
import java.time.LocalDate;

/** A request for more time: asked before the deadline, with a reason and a new date; approved or refused. */
record ExtensionRequest(long id, long itemId, Instant requestedAt, String reason, LocalDate oldDeadline,
        LocalDate newDeadline, String state) {
}
