package org.yishi.directory;

/** What a user enters to create or edit a {@link Body}. */
public record BodyDraft(BodyKind kind, String nameZh, String nameEn, String shortNameZh, Long parentId,
        Integer protocolRank) {
}
