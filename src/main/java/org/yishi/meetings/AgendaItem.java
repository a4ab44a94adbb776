package org.yishi.meetings;

/**
 * An agenda item as recorded.
 *
 * @param headline whether the item is named in the readout's opening sentence ("held a meeting to …"); the others
 *                 are named at the end ("the meeting also studied matters such as …")
 * @param titleZh  the wording as it stands in the readout, e.g. 传达学习…; for a headline item the English wording
 *                 follows "to" ("convey the spirit of …"), for the others it is a noun phrase ("holding …")
 * @param conclusionsZh what the meeting concluded and required, as the readout gives it; may be empty
 * @param adHoc         raised at the meeting (临时动议); it may be decided only with the presiding person's consent
 * @param adHocConsent  whether the presiding person's consent to an ad-hoc item is recorded
 * @param collectiveDecision a 三重一大 matter: decided by a vote, never otherwise
 * @param materialsReceivedOn when the item's materials reached the members; null if not yet
 * @param directiveId   the central directive this item conveys; null for other items
 */
public record AgendaItem(long id, int position, ItemKind kind, String titleZh, String titleEn, boolean headline,
        Visibility visibility, String conclusionsZh, String conclusionsEn, boolean adHoc, boolean adHocConsent,
        boolean collectiveDecision, java.time.LocalDate materialsReceivedOn, Long directiveId) {

    /** An item planned in advance, without a directive, materials date or collective-decision flag. */
    public AgendaItem(long id, int position, ItemKind kind, String titleZh, String titleEn, boolean headline,
            Visibility visibility, String conclusionsZh, String conclusionsEn) {
        this(id, position, kind, titleZh, titleEn, headline, visibility, conclusionsZh, conclusionsEn, false, false,
                false, null, null);
    }

    /** Whether the item must be decided by a vote: a 三重一大 matter or an appointment. */
    public boolean voteRequired() {
        return collectiveDecision || kind == ItemKind.PERSONNEL;
    }

    /** The item's wording in the language asked for, or in the other when it has none. */
    public String title(boolean english) {
        return english ? (titleEn != null ? titleEn : titleZh) : (titleZh != null ? titleZh : titleEn);
    }
}
