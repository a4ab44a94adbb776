package org.yishi.meetings;

/** 同意 / 不同意 / 弃权. */
public enum Choice {
    YES, NO, ABSTAIN
}
