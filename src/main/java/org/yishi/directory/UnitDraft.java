package org.yishi.directory;

/** What a user enters to create or edit a {@link Unit}. */
public record UnitDraft(String nameZh, String nameEn, String shortNameZh, Integer protocolRank) {
}
