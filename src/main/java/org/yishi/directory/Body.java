package org.yishi.directory;

/**
 * A body, e.g. 中共鹤山区委员会常务委员会 / "Standing Committee of the Heshan District Party Committee".
 *
 * @param shortNameZh the name used in running text, e.g. 区委常委会; may be empty
 * @param nameEn      the English name without article; may be empty while not yet translated
 * @param parentId    the body this one belongs to (a standing committee's committee); may be null
 * @param protocolRank orders bodies for protocol: Party committee before congress, government, CPPCC
 */
public record Body(long id, BodyKind kind, String nameZh, String nameEn, String shortNameZh, Long parentId,
        int protocolRank) {

    /** The name as it stands in a Chinese sentence: the short form where there is one. */
    public String runningNameZh() {
        return shortNameZh == null || shortNameZh.isBlank() ? nameZh : shortNameZh;
    }
}
