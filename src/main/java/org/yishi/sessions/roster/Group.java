package org.yishi.sessions.roster;

/** A delegation, sector or special committee of a term. */
public record Group(long id, long termId, GroupKind kind, String nameZh, String nameEn, int position) {

    public String name(boolean english) {
        return english && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
    }
}
