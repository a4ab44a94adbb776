package org.yishi.meetings;

/**
 * What a member said on an item, or sent in writing when absent. A written opinion is recorded, never counted.
 */
public record Opinion(long id, long personId, boolean written, String text) {
}
