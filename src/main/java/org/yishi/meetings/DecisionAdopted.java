package org.yishi.meetings;

import java.time.LocalDate;

/**
 * A meeting adopted an item, in full or in principle: a decision to be carried out. Published through Spring
 * Modulith's event publication registry, so a listener (supervision) receives it even if the node stops in between;
 * it may receive it more than once and must act on it once.
 *
 * @param visibility the item's visibility: a listener must not show internal or confidential wording to those not
 *                   entitled to it
 */
public record DecisionAdopted(long meetingId, long itemId, long bodyId, LocalDate heldOn, Outcome outcome,
        String titleZh, String titleEn, String conclusionsZh, String conclusionsEn, Visibility visibility) {
}
