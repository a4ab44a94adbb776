package org.yishi.supervision;

import java.time.LocalDate;

/**
 * A day as the working-day calendar has it: whether it is a working day, and whether that is an exception to the
 * Monday-to-Friday week (a public holiday on a weekday, a make-up working day on a weekend, 调休) with its note.
 */
public record CalendarDay(LocalDate day, boolean working, boolean exception, String note) {
}
