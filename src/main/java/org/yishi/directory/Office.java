package org.yishi.directory;

import java.time.LocalDate;

/**
 * A post held by a person in a body, with its bilingual title and its place in protocol order.
 *
 * @param titleZh       e.g. 区委副书记、区长
 * @param titleEn       the title as it follows a name, e.g. "Deputy Secretary of the District Party Committee and
 *                      Mayor of the District Government"; may be empty while not translated
 * @param titleEnPlural the title after several names sharing it, e.g. "members of the Standing Committee of the
 *                      District Party Committee"; empty means the same as {@code titleEn}
 * @param titleEnShort  the title as it stands before a name, e.g. "District Party Secretary"; may be empty
 * @param protocolRank  the holder's place among the holders of offices in the same body: lower comes first
 * @param startsOn      first day held; null when not recorded
 * @param endsOn        last day held; null while held
 */
public record Office(long id, long personId, long bodyId, String titleZh, String titleEn, String titleEnPlural,
        String titleEnShort, int protocolRank, LocalDate startsOn, LocalDate endsOn) {

    public boolean heldOn(LocalDate date) {
        return (startsOn == null || !date.isBefore(startsOn)) && (endsOn == null || !date.isAfter(endsOn));
    }
}
