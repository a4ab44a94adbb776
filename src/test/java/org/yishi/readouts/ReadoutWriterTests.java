package org.yishi.readouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.yishi.readouts.MeetingFacts.CHEN;
import static org.yishi.readouts.MeetingFacts.HE;
import static org.yishi.readouts.MeetingFacts.LIN;
import static org.yishi.readouts.MeetingFacts.LIU;
import static org.yishi.readouts.MeetingFacts.MA;
import static org.yishi.readouts.MeetingFacts.MEMBERS_EN;
import static org.yishi.readouts.MeetingFacts.MEMBER_EN;
import static org.yishi.readouts.MeetingFacts.MEMBER_ZH;
import static org.yishi.readouts.MeetingFacts.MESSAGES;
import static org.yishi.readouts.MeetingFacts.SUB_DISTRICTS;
import static org.yishi.readouts.MeetingFacts.SUN;
import static org.yishi.readouts.MeetingFacts.UNITS;
import static org.yishi.readouts.MeetingFacts.WU;
import static org.yishi.readouts.MeetingFacts.ZHAO;
import static org.yishi.readouts.MeetingFacts.ZHENG;
import static org.yishi.readouts.MeetingFacts.ZHOU;
import static org.yishi.readouts.MeetingFacts.holder;
import static org.yishi.readouts.MeetingFacts.unranked;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yishi.Paragraphs;
import org.yishi.directory.PersonStanding;
import org.yishi.meetings.AttendingGroup;
import org.yishi.meetings.ItemKind;
import org.yishi.meetings.MeetingKind;
import org.yishi.meetings.TimeOfDay;
import org.yishi.meetings.Visibility;
import org.yishi.platform.Incomplete;
import org.yishi.platform.Messages;

/** The press readout as the genre (domain.md §6) and the published Heshan readout require, in both languages. */
class ReadoutWriterTests {

    static final String FLOOD_ZH = "研究部署防汛备汛工作";
    static final String FLOOD_EN = "study and arrange flood preparedness";

    @Test
    void theHeshanMeetingReadsInEnglishExactlyAsPublished() {
        List<String> published = Paragraphs.ofResource(Paragraphs.HESHAN_SEED);
        PersonStanding zhang = holder(1, "张超", "Zhang Chao", 10, "区委书记", "Secretary of the District Party Committee",
                null, "District Party Secretary", 1);
        MeetingFacts heshan = new MeetingFacts();
        heshan.date = LocalDate.of(2023, 2, 27);
        heshan.timeOfDay = TimeOfDay.MORNING;
        heshan.bodyNameEn = "Standing Committee of the Heshan District Party Committee";
        heshan.presiding = zhang;
        heshan.present = new ArrayList<>(List.of(zhang,
                holder(2, null, "Xing Yufu", 10, "区委副书记、区长",
                        "Deputy Secretary of the District Party Committee and Mayor of the District Government", null, null, 2),
                holder(3, null, "Zhou Xiang", 10, "区委副书记", "Deputy Secretary of the District Party Committee", null,
                        null, 3)));
        List<String> members = List.of("Tian Qingchang", "Wang Chunlei", "Su Yuxin", "Wang Fei", "Wang Junhong", "Guo Xueguang");
        for (int i = 0; i < members.size(); i++) {
            heshan.present.add(holder(4 + i, null, members.get(i), 10, MEMBER_ZH, MEMBER_EN, MEMBERS_EN, null, 4 + i));
        }
        heshan.inAttendance = List.of(unranked(20, null, "Qi Tielin"), unranked(21, null, "Lu Jun"),
                unranked(22, null, "Qin Xin’e"), unranked(23, null, "Ma Quanlin"));
        heshan.groups = List.of(UNITS);
        // the conclusions are entered text, which the readout quotes as entered
        heshan.item(ItemKind.CONVEY_STUDY, true, Visibility.PUBLIC, "传达学习习近平总书记关于深入开展学雷锋活动的重要指示精神",
                "convey the spirit of learning from General Secretary Xi Jinping’s important instructions on the in-depth study of Lei Feng activities",
                "会议强调，要深入学习习近平总书记重要指示精神。", published.get(1));
        heshan.headline("研究贯彻落实意见", "study and implement the opinions");
        heshan.item(ItemKind.DELIBERATE, false, Visibility.PUBLIC, "召开区十二届人大四次会议和区政协九届二次会议",
                "holding the Fourth Session of the Twelfth National People’s Congress of Heshan District and the Second Session of the Ninth Heshan District Committee of the Chinese People’s Political Consultative Conference",
                null, null);

        assertThat(Paragraphs.of(heshan.en())).containsExactlyElementsOf(published);
    }

    @Test
    void theQingchuanMeetingReadsInChineseSentenceBySentence() {
        MeetingFacts qingchuan = new MeetingFacts();
        // entered out of protocol order; 黄振宇, on leave, is not among them
        qingchuan.present = List.of(ZHENG, LIU, ZHAO, CHEN, LIN, WU, SUN, ZHOU);
        qingchuan.inAttendance = List.of(HE, MA);
        qingchuan.groups = List.of(SUB_DISTRICTS, UNITS);
        qingchuan.item(ItemKind.CONVEY_STUDY, true, Visibility.PUBLIC, "传达学习习近平总书记近期重要讲话和重要指示精神",
                "convey and study the recent important speeches and instructions of General Secretary Xi Jinping",
                """
                会议指出，习近平总书记近期重要讲话和重要指示精神，为我们做好当前各项工作指明了方向。
                会议强调，要把学习贯彻习近平总书记重要讲话和重要指示精神作为首要政治任务，结合青川实际，细化落实举措，确保各项部署落地见效。""",
                "The meeting pointed out that the speeches show the way.\nThe meeting stressed that they must be implemented.");
        qingchuan.item(ItemKind.DELIBERATE, true, Visibility.PUBLIC, "审议《青川区2024年民生实事项目实施方案》",
                "deliberate the Implementation Plan for the 2024 Livelihood Projects of Qingchuan District",
                "会议审议并原则通过了《青川区2024年民生实事项目实施方案》。会议要求，各牵头单位要倒排工期、挂图作战，确保年内全部完成。",
                "The meeting adopted the plan in principle.");
        qingchuan.item(ItemKind.HEAR_REPORT, true, Visibility.PUBLIC, "听取全区安全生产工作情况汇报",
                "hear a report on work safety across the district",
                "会议要求，要坚持人民至上、生命至上，深入开展安全生产隐患排查整治，坚决防范遏制重特大事故发生。",
                "The meeting required that major accidents be prevented.");
        qingchuan.item(ItemKind.PERSONNEL, true, Visibility.INTERNAL, "研究干部任免事项", "deliberate appointments and removals",
                "会议同意提名某同志为区应急管理局局长人选。", "The meeting agreed to nominate a comrade as director.");

        String readout = qingchuan.zh();

        assertThat(chineseSentences(readout)).containsExactly(
                "3月12日下午，区委常委会召开会议，传达学习习近平总书记近期重要讲话和重要指示精神，审议《青川区2024年民生实事项目实施方案》，听取全区安全生产工作情况汇报。",
                "区委书记林海峰主持会议并讲话。",
                "区委副书记、区长陈志远，区委副书记刘晓岚，区委常委赵立新、孙明哲、周文静、吴国栋、郑雅琴出席会议。",
                "区领导马德昌、何淑芬及各街道党工委书记、区直有关单位主要负责同志列席会议。",
                "会议指出，习近平总书记近期重要讲话和重要指示精神，为我们做好当前各项工作指明了方向。",
                "会议强调，要把学习贯彻习近平总书记重要讲话和重要指示精神作为首要政治任务，结合青川实际，细化落实举措，确保各项部署落地见效。",
                "会议审议并原则通过了《青川区2024年民生实事项目实施方案》。",
                "会议要求，各牵头单位要倒排工期、挂图作战，确保年内全部完成。",
                "会议要求，要坚持人民至上、生命至上，深入开展安全生产隐患排查整治，坚决防范遏制重特大事故发生。",
                "会议还研究了其他事项。");
        // who and what in the first paragraph; each line of conclusions a paragraph of its own
        assertThat(Paragraphs.of(readout)).hasSize(6);
    }

    @Nested
    class TheGenre {

        @Test
        void anEntrustedPresidingPersonPresidesOnBehalfOfTheSecretary() {
            MeetingFacts m = new MeetingFacts();
            m.presiding = CHEN;
            m.entrustedBy = LIN;
            m.presidingSpeech = false;
            m.present = List.of(LIU, CHEN, ZHAO);

            assertThat(chineseSentences(m.zh())).containsSequence(
                    "受区委书记林海峰委托，区委副书记、区长陈志远主持会议。",
                    "区委副书记刘晓岚，区委常委赵立新出席会议。");
            assertThat(englishSentences(m.en())).containsSequence(
                    "Entrusted by District Party Secretary Lin Haifeng, Deputy Secretary of the District Party Committee and District Mayor Chen Zhiyuan presided over the meeting.",
                    "Liu Xiaolan, Deputy Secretary of the District Party Committee, Zhao Lixin, member of the Standing Committee of the District Party Committee participated.");
        }

        @Test
        void anEnlargedMeetingIsCalledSo() {
            MeetingFacts m = new MeetingFacts().headline(FLOOD_ZH, FLOOD_EN);
            m.kind = MeetingKind.ENLARGED;

            assertThat(chineseSentences(m.zh())).first().isEqualTo("3月12日下午，区委常委会召开扩大会议，研究部署防汛备汛工作。");
            assertThat(englishSentences(m.en())).first().isEqualTo(
                    "On the afternoon of March 12, the Standing Committee of the Qingchuan District Party Committee held an enlarged meeting to study and arrange flood preparedness.");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
                MORNING   | 3月12日上午 | On the morning of March 12
                AFTERNOON | 3月12日下午 | On the afternoon of March 12
                EVENING   | 3月12日晚上 | On the evening of March 12
                none      | 3月12日     | On March 12
                """)
        void theOpeningGivesTheTimeOfDayOnlyWhenKnown(TimeOfDay timeOfDay, String zh, String en) {
            MeetingFacts m = new MeetingFacts().headline(FLOOD_ZH, FLOOD_EN);
            m.timeOfDay = timeOfDay;

            assertThat(chineseSentences(m.zh())).first().isEqualTo(zh + "，区委常委会召开会议，研究部署防汛备汛工作。");
            assertThat(englishSentences(m.en())).first().isEqualTo(en
                    + ", the Standing Committee of the Qingchuan District Party Committee held a meeting to study and arrange flood preparedness.");
        }

        @Test
        void theOpeningNamesNoneOneTwoOrThreeHeadlineItems() {
            String held = "On the afternoon of March 12, the Standing Committee of the Qingchuan District Party Committee held a meeting";
            MeetingFacts m = new MeetingFacts();
            assertThat(englishSentences(m.en())).first().isEqualTo(held + ".");
            assertThat(chineseSentences(m.zh())).first().isEqualTo("3月12日下午，区委常委会召开会议。");

            m.headline(FLOOD_ZH, FLOOD_EN);
            assertThat(englishSentences(m.en())).first().isEqualTo(held + " to study and arrange flood preparedness.");

            m.headline("听取全区安全生产工作情况汇报", "hear a report on work safety across the district");
            assertThat(englishSentences(m.en())).first().isEqualTo(held
                    + " to study and arrange flood preparedness, and to hear a report on work safety across the district.");

            m.headline("审议《青川区2024年民生实事项目实施方案》",
                    "deliberate the Implementation Plan for the 2024 Livelihood Projects of Qingchuan District");
            assertThat(englishSentences(m.en())).first().isEqualTo(held
                    + " to study and arrange flood preparedness, to hear a report on work safety across the district, and to deliberate the Implementation Plan for the 2024 Livelihood Projects of Qingchuan District.");
            assertThat(chineseSentences(m.zh())).first().isEqualTo(
                    "3月12日下午，区委常委会召开会议，研究部署防汛备汛工作，听取全区安全生产工作情况汇报，审议《青川区2024年民生实事项目实施方案》。");
        }

        @Test
        void groupsAloneSitIn() {
            MeetingFacts m = new MeetingFacts();
            m.groups = List.of(SUB_DISTRICTS, UNITS);

            assertThat(chineseSentences(m.zh())).containsSequence("区委书记林海峰主持会议并讲话。",
                    "各街道党工委书记、区直有关单位主要负责同志列席会议。");
            assertThat(englishSentences(m.en())).containsSequence(
                    "District Party Secretary Lin Haifeng presided over and delivered a speech.",
                    "The Party secretaries of the sub-districts and the main responsible comrades of relevant units directly under the district attended the meeting.");
        }

        @Test
        void namedLeadersAloneSitIn() {
            MeetingFacts m = new MeetingFacts();
            m.inAttendance = List.of(HE, MA);

            assertThat(chineseSentences(m.zh())).last().isEqualTo("区领导马德昌、何淑芬列席会议。");
            assertThat(englishSentences(m.en())).last().isEqualTo("District leaders Ma Dechang and He Shufen attended the meeting.");
        }

        @Test
        void membersSharingATitleStandBeforeItTogether() {
            MeetingFacts m = new MeetingFacts();
            m.present = List.of(SUN, LIN, ZHAO);

            assertThat(chineseSentences(m.zh())).last().isEqualTo("区委常委赵立新、孙明哲出席会议。");
            assertThat(englishSentences(m.en())).last().isEqualTo(
                    "Zhao Lixin and Sun Mingzhe, members of the Standing Committee of the District Party Committee participated.");

            m.present = List.of(LIN, ZHAO);
            assertThat(englishSentences(m.en())).last().isEqualTo(
                    "Zhao Lixin, member of the Standing Committee of the District Party Committee participated.");
        }

        @Test
        void peopleWithoutARecordedOfficeFollowInTheOrderEntered() {
            MeetingFacts m = new MeetingFacts();
            m.inAttendance = List.of(unranked(23, "张三", "Zhang San"), HE, unranked(21, "王一", "Wang Yi"), MA,
                    unranked(22, "李二", "Li Er"));

            assertThat(chineseSentences(m.zh())).last().isEqualTo("区领导马德昌、何淑芬、张三、王一、李二列席会议。");
            assertThat(englishSentences(m.en())).last().isEqualTo(
                    "District leaders Ma Dechang, He Shufen, Zhang San, Wang Yi, and Li Er attended the meeting.");
        }
    }

    @Nested
    class Confidentiality {

        static final List<String> HIDDEN = List.of("研究干部任免事项", "deliberate appointments and removals",
                "会议同意提名某同志为区应急管理局局长人选。", "The meeting agreed to nominate a comrade as director.",
                "研究某信访积案化解事项", "a long-standing petition", "会议要求妥善化解信访积案。",
                "The meeting asked for the petition to be settled.");

        /** A public headline item, then an internal one in the headline and a confidential one that is not. */
        private static MeetingFacts withHiddenItems() {
            return new MeetingFacts().headline(FLOOD_ZH, FLOOD_EN)
                    .item(ItemKind.PERSONNEL, true, Visibility.INTERNAL, HIDDEN.get(0), HIDDEN.get(1), HIDDEN.get(2),
                            HIDDEN.get(3))
                    .item(ItemKind.DELIBERATE, false, Visibility.CONFIDENTIAL, HIDDEN.get(4), HIDDEN.get(5),
                            HIDDEN.get(6), HIDDEN.get(7));
        }

        @Test
        void itemsThatAreNotPublicAreNeverNamedOnlyAcknowledged() {
            MeetingFacts m = withHiddenItems();
            String zh = m.zh();
            String en = m.en();

            HIDDEN.forEach(text -> {
                assertThat(zh).doesNotContain(text);
                assertThat(en).doesNotContain(text);
            });
            assertThat(chineseSentences(zh)).containsExactly("3月12日下午，区委常委会召开会议，研究部署防汛备汛工作。",
                    "区委书记林海峰主持会议并讲话。", "会议还研究了其他事项。");
            assertThat(englishSentences(en)).last().isEqualTo("The meeting also studied other matters.");
        }

        @Test
        void publicItemsOutsideTheHeadlineAreNamedAndHiddenOnesStillNot() {
            MeetingFacts m = withHiddenItems().item(ItemKind.DELIBERATE, false, Visibility.PUBLIC, "召开区人大会议",
                    "holding the session of the district congress", null, null);
            String zh = m.zh();
            String en = m.en();

            HIDDEN.forEach(text -> {
                assertThat(zh).doesNotContain(text);
                assertThat(en).doesNotContain(text);
            });
            assertThat(chineseSentences(zh)).last().isEqualTo("会议还研究了召开区人大会议等事项。");
            assertThat(englishSentences(en)).last().isEqualTo(
                    "The meeting also studied matters such as holding the session of the district congress.");
        }
    }

    @Nested
    class MissingWording {

        @Test
        void anEnglishReadoutListsEveryMissingTranslationAndTheChineseOneIsStillWritten() {
            MeetingFacts m = new MeetingFacts();
            m.bodyNameEn = null;
            m.present = List.of(LIN, holder(4, "赵立新", null, 110, MEMBER_ZH, MEMBER_EN, MEMBERS_EN, null, 4),
                    holder(5, "孙明哲", "Sun Mingzhe", 110, MEMBER_ZH, null, null, null, 5));
            m.inAttendance = List.of(MA);
            m.leadersLabelEn = null;
            m.groups = List.of(new AttendingGroup("各街道党工委书记", null));
            m.item(ItemKind.DELIBERATE, true, Visibility.PUBLIC, FLOOD_ZH, null, null, null);
            m.item(ItemKind.HEAR_REPORT, true, Visibility.PUBLIC, "听取全区安全生产工作情况汇报",
                    "hear a report on work safety across the district", "会议要求，坚决防范遏制重特大事故发生。", null);

            Incomplete incomplete = catchThrowableOfType(Incomplete.class, m::en);

            assertThat(resolve(incomplete, Locale.ENGLISH)).containsExactlyInAnyOrder(
                    "The English readout lacks translations",
                    "the body's English name",
                    "the translation of agenda item 1",
                    "the romanised name of 赵立新",
                    "the English title of 孙明哲",
                    "the translation of the group \"各街道党工委书记\"",
                    "the English label for those sitting in",
                    "the translation of the conclusions of item 2");
            assertThat(chineseSentences(m.zh())).first().isEqualTo(
                    "3月12日下午，区委常委会召开会议，研究部署防汛备汛工作，听取全区安全生产工作情况汇报。");
        }

        @Test
        void aChineseReadoutListsWhatIsMissingInChinese() {
            MeetingFacts m = new MeetingFacts();
            m.item(ItemKind.DELIBERATE, true, Visibility.PUBLIC, null, FLOOD_EN, null, "The meeting required readiness.");

            Incomplete incomplete = catchThrowableOfType(Incomplete.class, m::zh);

            assertThat(resolve(incomplete, Locale.SIMPLIFIED_CHINESE)).containsExactlyInAnyOrder(
                    "中文通稿缺少内容", "第1项议题的译文", "第1项议题结论的译文");
        }

        /** What a user is told: the title, then each missing text, in the user's language. */
        private static List<String> resolve(Incomplete incomplete, Locale locale) {
            assertThat(incomplete).isNotNull();
            List<String> told = new ArrayList<>();
            told.add(MESSAGES.getMessage(incomplete.titleCode(), null, locale));
            incomplete.missing().forEach(v -> told.add(Messages.resolve(MESSAGES, v, locale)));
            return told;
        }
    }

    /** Chinese sentences end with 。 */
    static List<String> chineseSentences(String text) {
        return Arrays.stream(text.split("(?<=。)")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** English sentences end with a full stop followed by white space or the end. */
    static List<String> englishSentences(String text) {
        return Arrays.stream(text.split("(?<=\\.)\\s+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
