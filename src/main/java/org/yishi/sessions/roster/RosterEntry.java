package org.yishi.sessions.roster;

/**
 * A deputy (代表) on a congress term's roster, or a member (委员) on a CPPCC term's: a person of the directory with the
 * number on their card, their delegation or sector, and for a CPPCC member the special committee (may be null).
 */
public record RosterEntry(long id, long termId, long personId, String nameZh, String nameRomanized, String cardNumber,
        Long groupId, String groupNameZh, Long committeeId, String committeeNameZh) {

    public String name(boolean english) {
        if (english && nameRomanized != null && !nameRomanized.isBlank()) {
            return nameRomanized;
        }
        return nameZh != null && !nameZh.isBlank() ? nameZh : nameRomanized;
    }
}
