package org.yishi.meetings.rules;

/** What the yes votes are counted against. */
public enum DecisionBase {
    /** The members who should attend (应到会), recused members left out: a standing committee. */
    MEMBERS_DUE,
    /** All members (deputies) of the body, recused or not: a people's congress. */
    ALL_MEMBERS,
    /** The votes cast, yes and no (abstentions not counted): other bodies. */
    VOTES_CAST
}
