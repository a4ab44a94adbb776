package org.yishi.readouts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.yishi.TestMessages;
import org.yishi.directory.Office;
import org.yishi.directory.Person;
import org.yishi.directory.PersonStanding;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.AttendingGroup;
import org.yishi.meetings.ItemKind;
import org.yishi.meetings.MeetingKind;
import org.yishi.meetings.TimeOfDay;
import org.yishi.meetings.Visibility;

/**
 * A meeting as the readout writer sees it, to be changed field by field before {@link #build()}. Starts as a meeting
 * of the standing committee of the fictional 青川区 presided by its secretary, with no one else and no items.
 */
final class MeetingFacts {

    /** The real message bundles, as the application reads them. */
    static final ResourceBundleMessageSource MESSAGES = TestMessages.bundles();
    static final ReadoutWriter WRITER = new ReadoutWriter(new Phrases(MESSAGES, Language.ZH),
            new Phrases(MESSAGES, Language.EN));

    static final String MEMBER_ZH = "区委常委";
    static final String MEMBER_EN = "member of the Standing Committee of the District Party Committee";
    static final String MEMBERS_EN = "members of the Standing Committee of the District Party Committee";

    // the standing committee of 青川区 (body rank 110), in protocol order
    static final PersonStanding LIN = holder(1, "林海峰", "Lin Haifeng", 110, "区委书记",
            "Secretary of the District Party Committee", null, "District Party Secretary", 1);
    static final PersonStanding CHEN = holder(2, "陈志远", "Chen Zhiyuan", 110, "区委副书记、区长",
            "Deputy Secretary of the District Party Committee and Mayor of the District Government", null,
            "Deputy Secretary of the District Party Committee and District Mayor", 2);
    static final PersonStanding LIU = holder(3, "刘晓岚", "Liu Xiaolan", 110, "区委副书记",
            "Deputy Secretary of the District Party Committee", null, null, 3);
    static final PersonStanding ZHAO = member(4, "赵立新", "Zhao Lixin");
    static final PersonStanding SUN = member(5, "孙明哲", "Sun Mingzhe");
    static final PersonStanding ZHOU = member(6, "周文静", "Zhou Wenjing");
    static final PersonStanding HUANG = member(7, "黄振宇", "Huang Zhenyu");
    static final PersonStanding WU = member(8, "吴国栋", "Wu Guodong");
    static final PersonStanding ZHENG = member(9, "郑雅琴", "Zheng Yaqin");
    // district leaders of the congress (body rank 120) and the CPPCC (body rank 140)
    static final PersonStanding MA = holder(10, "马德昌", "Ma Dechang", 120, "区人大常委会主任",
            "Director of the Standing Committee of the District People’s Congress", null, null, 1);
    static final PersonStanding HE = holder(11, "何淑芬", "He Shufen", 140, "区政协主席",
            "Chairperson of the District CPPCC Committee", null, null, 1);

    static final AttendingGroup SUB_DISTRICTS = new AttendingGroup("各街道党工委书记",
            "the Party secretaries of the sub-districts");
    static final AttendingGroup UNITS = new AttendingGroup("区直有关单位主要负责同志",
            "the main responsible comrades of relevant units directly under the district");

    LocalDate date = LocalDate.of(2024, 3, 12);
    TimeOfDay timeOfDay = TimeOfDay.AFTERNOON;
    MeetingKind kind = MeetingKind.REGULAR;
    String bodyNameZh = "区委常委会";
    String bodyNameEn = "Standing Committee of the Qingchuan District Party Committee";
    PersonStanding presiding = LIN;
    PersonStanding entrustedBy;
    boolean presidingSpeech = true;
    List<PersonStanding> present = new ArrayList<>(List.of(LIN));
    String leadersLabelZh = "区领导";
    String leadersLabelEn = "District leaders";
    List<PersonStanding> inAttendance = new ArrayList<>();
    List<AttendingGroup> groups = new ArrayList<>();
    List<AgendaItem> items = new ArrayList<>();

    ReadoutFacts build() {
        return new ReadoutFacts(date, timeOfDay, kind, bodyNameZh, bodyNameEn, presiding, entrustedBy, presidingSpeech,
                present, leadersLabelZh, leadersLabelEn, inAttendance, groups, items);
    }

    String zh() {
        return WRITER.write(build(), Language.ZH).text();
    }

    String en() {
        return WRITER.write(build(), Language.EN).text();
    }

    /** Appends an item, numbered after those already there. */
    MeetingFacts item(ItemKind kind, boolean headline, Visibility visibility, String titleZh, String titleEn,
            String conclusionsZh, String conclusionsEn) {
        int position = items.size() + 1;
        items.add(new AgendaItem(position, position, kind, titleZh, titleEn, headline, visibility, conclusionsZh,
                conclusionsEn));
        return this;
    }

    /** Appends a public headline item without conclusions. */
    MeetingFacts headline(String titleZh, String titleEn) {
        return item(ItemKind.DELIBERATE, true, Visibility.PUBLIC, titleZh, titleEn, null, null);
    }

    static PersonStanding holder(long id, String nameZh, String nameRomanized, int bodyRank, String titleZh,
            String titleEn, String titleEnPlural, String titleEnShort, int rank) {
        return new PersonStanding(new Person(id, nameZh, nameRomanized),
                new Office(id, id, bodyRank, titleZh, titleEn, titleEnPlural, titleEnShort, rank, null, null), bodyRank);
    }

    static PersonStanding member(long id, String nameZh, String nameRomanized) {
        return holder(id, nameZh, nameRomanized, 110, MEMBER_ZH, MEMBER_EN, MEMBERS_EN, null, (int) id);
    }

    /** Someone with no recorded office (e.g. a district leader whose post is not published). */
    static PersonStanding unranked(long id, String nameZh, String nameRomanized) {
        return new PersonStanding(new Person(id, nameZh, nameRomanized), null, 0);
    }
}
