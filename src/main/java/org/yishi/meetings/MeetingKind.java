package org.yishi.meetings;

/** A regular meeting, or an enlarged one (扩大会议) to which others are invited. */
public enum MeetingKind {
    REGULAR, ENLARGED
}
