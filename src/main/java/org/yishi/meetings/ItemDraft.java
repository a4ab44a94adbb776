package org.yishi.meetings;

import io.swagger.v3.oas.annotations.media.Schema;
import org.yishi.platform.InputBounds;


/**
 * An agenda item as entered. {@code id} names an existing item of the same meeting when editing; empty for a new one.
 * {@code headline} defaults to true and {@code visibility} to PUBLIC; the flags default to false.
 */
public record ItemDraft(Long id, ItemKind kind, @Schema(maxLength = InputBounds.MAX_NAME) String titleZh, @Schema(maxLength = InputBounds.MAX_NAME) String titleEn, Boolean headline,
        Visibility visibility, String conclusionsZh, String conclusionsEn, Boolean adHoc, Boolean adHocConsent,
        Boolean collectiveDecision, java.time.LocalDate materialsReceivedOn, Long directiveId) {

    public ItemDraft(Long id, ItemKind kind, String titleZh, String titleEn, Boolean headline, Visibility visibility,
            String conclusionsZh, String conclusionsEn) {
        this(id, kind, titleZh, titleEn, headline, visibility, conclusionsZh, conclusionsEn, null, null, null, null, null);
    }
}
