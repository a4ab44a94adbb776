package org.yishi.sessions.roster;

/** 代表团 (of a congress), 界别 and 专门委员会 (of a CPPCC committee). */
public enum GroupKind {
    DELEGATION, SECTOR, COMMITTEE
}
