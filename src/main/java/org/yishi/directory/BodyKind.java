package org.yishi.directory;

/** The kinds of body Yishi knows. */
public enum BodyKind {
    PARTY_COMMITTEE, STANDING_COMMITTEE, CONGRESS, CONGRESS_STANDING_COMMITTEE, GOVERNMENT, CPPCC,
    CPPCC_STANDING_COMMITTEE, OTHER
}
