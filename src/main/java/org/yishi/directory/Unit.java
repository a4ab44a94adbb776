package org.yishi.directory;

/** A unit directly under the district (区直单位), e.g. 区民政局. */
public record Unit(long id, String nameZh, String nameEn, String shortNameZh, int protocolRank) {
}
