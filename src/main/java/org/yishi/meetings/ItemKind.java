package org.yishi.meetings;

/** The kinds of agenda item. */
public enum ItemKind {
    /** 传达学习: convey and study, e.g. the newest central directives. */
    CONVEY_STUDY,
    /** 研究 / 审议: deliberate or examine. */
    DELIBERATE,
    /** 听取汇报: hear a report. */
    HEAR_REPORT,
    /** 干部任免: appointment and removal of cadres. */
    PERSONNEL
}
