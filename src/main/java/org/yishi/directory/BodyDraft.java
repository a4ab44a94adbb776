package org.yishi.directory;

import io.swagger.v3.oas.annotations.media.Schema;
import org.yishi.platform.InputBounds;


/** What a user enters to create or edit a {@link Body}. */
public record BodyDraft(BodyKind kind, @Schema(maxLength = InputBounds.MAX_NAME) String nameZh, @Schema(maxLength = InputBounds.MAX_NAME) String nameEn, @Schema(maxLength = InputBounds.MAX_NAME) String shortNameZh, Long parentId,
        Integer protocolRank) {
}
