package org.yishi.supervision;

/**
 * The warning sweep, as another module may ask for it: colours the items and report obligations as on today by
 * {@link WarningThresholds} and raises the notices due, without waiting for the next scheduled sweep.
 */
public interface WarningSweeps {

    /** Sweeps now, in the caller's transaction if there is one; false when another node was sweeping at that moment. */
    boolean sweepNow();
}
