package org.yishi.meetings;

/**
 * An agenda item as recorded.
 *
 * @param headline whether the item is named in the readout's opening sentence ("held a meeting to …"); the others
 *                 are named at the end ("the meeting also studied matters such as …")
 * @param titleZh  the wording as it stands in the readout, e.g. 传达学习…; for a headline item the English wording
 *                 follows "to" ("convey the spirit of …"), for the others it is a noun phrase ("holding …")
 * @param conclusionsZh what the meeting concluded and required, as the readout gives it; may be empty
 */
public record AgendaItem(long id, int position, ItemKind kind, String titleZh, String titleEn, boolean headline,
        Visibility visibility, String conclusionsZh, String conclusionsEn) {
}
