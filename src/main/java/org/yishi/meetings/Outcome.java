package org.yishi.meetings;

/**
 * How an item ends: 通过, 原则通过, 未通过, 缓议, 再研究. Adopted and rejected follow from a counted vote where the item
 * must be voted on; deferred and further study may be decided without one.
 */
public enum Outcome {
    ADOPTED, ADOPTED_IN_PRINCIPLE, REJECTED, DEFERRED, FURTHER_STUDY;

    /** Whether the item was adopted, in full or in principle: a decision to carry out. */
    public boolean adopted() {
        return this == ADOPTED || this == ADOPTED_IN_PRINCIPLE;
    }
}
