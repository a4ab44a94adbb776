package org.yishi.sessions.roster;

import java.time.LocalDate;

import org.yishi.sessions.Chamber;

/**
 * A term (届) of a people's congress or a CPPCC committee, as this module keeps it beside the directory's term.
 *
 * @param level county or township: a township congress's motions need fewer co-signers
 */
public record AssemblyTerm(long termId, long bodyId, Chamber chamber, Level level, int number, LocalDate startsOn,
        LocalDate endsOn, String bodyNameZh, String bodyNameEn) {

    /** The level of a people's congress. */
    public enum Level {
        COUNTY, TOWNSHIP
    }

    /** The kind of group its roster is divided in: delegations of a congress, sectors of a CPPCC committee. */
    public GroupKind groupKind() {
        return chamber == Chamber.CONGRESS ? GroupKind.DELEGATION : GroupKind.SECTOR;
    }
}
