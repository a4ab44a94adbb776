package org.yishi.meetings;

/** Minutes are drafted by the office, checked by the office head, signed off by the presiding person, then issued. */
public enum MinutesState {
    DRAFT, CHECKED, SIGNED_OFF, ISSUED
}
