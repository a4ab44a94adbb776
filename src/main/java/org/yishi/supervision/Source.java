package org.yishi.supervision;

/** Where an item comes from: a meeting's decision, a leader's written instruction (批示), a task from a higher level. */
public enum Source {
    DECISION, INSTRUCTION, HIGHER_TASK
}
