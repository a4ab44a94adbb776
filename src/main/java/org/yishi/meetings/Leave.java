package org.yishi.meetings;

/** A member on leave (请假) from a meeting, with the reason given. */
public record Leave(Long personId, String reason) {
}
