package org.yishi.supervision.reports;

import java.time.Instant;
import java.time.LocalDate;

import org.yishi.supervision.Colour;

/**
 * The report a regular (常态化) item owes for one cycle.
 *
 * @param cycle            the cycle's stable number (see {@code period})
 * @param period           the cycle as people name it: 2026-11 (a month), 2026-Q4 (a quarter), 2026-11-10 (a fixed day)
 * @param startsOn         the cycle's time runs from the day after this one (the previous cycle's due date, or the
 *                         day the item was assigned)
 * @param workingDaysTotal the working days from the start to the due date; null only until the next sweep
 * @param colour           the warning colour by the time left, as for items; kept as it was once reported
 * @param reportedAt       when a progress report fulfilled it; null while it is owed
 * @param reportId         the progress report that fulfilled it; null while it is owed
 */
public record ReportObligation(long id, long itemId, int cycle, String period, LocalDate startsOn, LocalDate dueOn,
        Integer workingDaysTotal, Colour colour, Instant reportedAt, Long reportId) {
}
