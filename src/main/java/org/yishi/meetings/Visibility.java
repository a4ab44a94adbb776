package org.yishi.meetings;

/** Who may read an agenda item: only PUBLIC items ever reach a press readout. */
public enum Visibility {
    PUBLIC, INTERNAL, CONFIDENTIAL
}
