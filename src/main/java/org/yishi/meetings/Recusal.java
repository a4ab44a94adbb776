package org.yishi.meetings;

/** A member who leaves an item that concerns him or his relatives (回避): he neither discusses nor votes on it. */
public record Recusal(long personId, String reason) {
}
