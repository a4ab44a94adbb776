package org.yishi.meetings;

/**
 * An agenda item as entered. {@code id} names an existing item of the same meeting when editing; empty for a new one.
 * {@code headline} defaults to true and {@code visibility} to PUBLIC.
 */
public record ItemDraft(Long id, ItemKind kind, String titleZh, String titleEn, Boolean headline,
        Visibility visibility, String conclusionsZh, String conclusionsEn) {
}
