package org.yishi.supervision;

/**
 * How a regular (常态化) item recurs: not at all, each month, each quarter, or on fixed days of each month; every cycle
 * brings a report obligation with its own deadline.
 */
public enum Recurrence {
    NONE, MONTHLY, QUARTERLY, FIXED_DAYS
}
