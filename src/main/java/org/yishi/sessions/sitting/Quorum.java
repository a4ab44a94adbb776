package org.yishi.sessions.sitting;

/**
 * Where a sitting's roll call stands: the deputies (members) due to attend (应出席, all on the term's roster), those
 * checked in (实到), those on leave, and the least number present the body's rules need.
 */
public record Quorum(int due, int present, int onLeave, int required, boolean met) {

    /** Not yet checked in and not on leave. */
    public int missing() {
        return due - present - onLeave;
    }
}
