package org.yishi.meetings.minutes;

import java.util.List;
import java.util.Map;

import org.yishi.directory.PersonStanding;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.ItemProceedings;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.rules.RuleSet;

/**
 * Everything the record and the minutes are written from, read once: the meeting (with the items to report), its
 * title in both languages, the members who should attend, where each person named stands on the meeting's day
 * (names, titles, protocol order), each item's proceedings and the rules the body decides under.
 *
 * @param membersDue  members of the body on the meeting's day (应到会)
 * @param standings   by person id: everybody the meeting or its proceedings name
 * @param proceedings by item id; an item without an entry has none recorded yet
 */
public record MeetingDocumentFacts(Meeting meeting, String headingZh, String headingEn, List<Long> membersDue,
        Map<Long, PersonStanding> standings, Map<Long, ItemProceedings> proceedings, RuleSet rules) {

    public String heading(boolean english) {
        return english ? headingEn : headingZh;
    }

    public ItemProceedings proceedingsOf(AgendaItem item) {
        ItemProceedings p = proceedings.get(item.id());
        return p != null ? p : new ItemProceedings(item.id(), List.of(), List.of(), null, null);
    }
}
