package org.yishi.meetings.minutes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.yishi.TestMessages;
import org.yishi.directory.Office;
import org.yishi.directory.Person;
import org.yishi.directory.PersonStanding;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.AttendingGroup;
import org.yishi.meetings.Ballot;
import org.yishi.meetings.Choice;
import org.yishi.meetings.Decision;
import org.yishi.meetings.ItemKind;
import org.yishi.meetings.ItemProceedings;
import org.yishi.meetings.Leave;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingKind;
import org.yishi.meetings.MeetingState;
import org.yishi.meetings.Opinion;
import org.yishi.meetings.Outcome;
import org.yishi.meetings.Recusal;
import org.yishi.meetings.TimeOfDay;
import org.yishi.meetings.Visibility;
import org.yishi.meetings.Vote;
import org.yishi.meetings.VoteMethod;
import org.yishi.meetings.rules.RuleSet;
import org.yishi.meetings.rules.RuleTexts;

/**
 * A standing committee meeting held and decided, built in memory (no database), for the document writers' tests and
 * the minutes benchmark: nine members, eight present and one on leave, two leaders and a group sitting in, and as many
 * items as asked, cycling through what happens to items — studied without a vote, a named vote adopted in principle
 * with opinions and a written opinion, a secret ballot on appointments with a recusal, a deferral with its reason, a
 * report heard.
 */
public final class MeetingDocumentSamples {

    public static final long BODY = 2;
    public static final String[][] MEMBERS = {{"林海峰", "Lin Haifeng", "区委书记", "Secretary of the District Party Committee"},
            {"陈志远", "Chen Zhiyuan", "区委副书记、区长", "Deputy Secretary of the District Party Committee and District Mayor"},
            {"刘晓岚", "Liu Xiaolan", "区委副书记", "Deputy Secretary of the District Party Committee"},
            {"赵立新", "Zhao Lixin", "区委常委", "member of the Standing Committee"},
            {"孙明哲", "Sun Mingzhe", "区委常委", "member of the Standing Committee"},
            {"周文静", "Zhou Wenjing", "区委常委", "member of the Standing Committee"},
            {"黄振宇", "Huang Zhenyu", "区委常委", "member of the Standing Committee"},
            {"吴国栋", "Wu Guodong", "区委常委", "member of the Standing Committee"},
            {"郑雅琴", "Zheng Yaqin", "区委常委", "member of the Standing Committee"}};
    /** Ids: members 1–9 in protocol order, 10 and 11 sitting in. Huang Zhenyu (7) is on leave. */
    public static final long ON_LEAVE = 7;
    public static final long RECUSED = 4;

    private MeetingDocumentSamples() {
    }

    public static ResourceBundleMessageSource messages() {
        return TestMessages.bundles();
    }

    public static RuleTexts ruleTexts() {
        return new RuleTexts(messages());
    }

    public static RecordWriter recordWriter() {
        return new RecordWriter(messages(), ruleTexts());
    }

    public static MinutesWriter minutesWriter() {
        return new MinutesWriter(messages());
    }

    /** The meeting with {@code items} agenda items, all decided. */
    public static MeetingDocumentFacts meeting(int items) {
        Map<Long, PersonStanding> standings = new HashMap<>();
        List<Long> due = new ArrayList<>();
        for (int i = 0; i < MEMBERS.length; i++) {
            long id = i + 1;
            Person person = new Person(id, MEMBERS[i][0], MEMBERS[i][1]);
            standings.put(id, new PersonStanding(person, new Office(100 + id, id, BODY, MEMBERS[i][2], MEMBERS[i][3],
                    null, null, i + 1, null, null), 10));
            due.add(id);
        }
        standings.put(10L, new PersonStanding(new Person(10, "马德昌", "Ma Dechang"), new Office(110, 10, 3,
                "区人大常委会主任", "Director of the Standing Committee of the District People’s Congress", null, null, 1, null, null), 20));
        standings.put(11L, new PersonStanding(new Person(11, "何淑芬", "He Shufen"), new Office(111, 11, 4,
                "区政协主席", "Chairperson of the District CPPCC Committee", null, null, 1, null, null), 40));
        List<Long> present = due.stream().filter(id -> id != ON_LEAVE).toList();

        RuleSet rules = RuleSet.PARTY_STANDING_COMMITTEE;
        List<AgendaItem> agenda = new ArrayList<>();
        Map<Long, ItemProceedings> proceedings = new LinkedHashMap<>();
        Instant at = Instant.parse("2024-03-12T07:30:00Z");
        for (int i = 0; i < items; i++) {
            long itemId = 1000 + i;
            int position = i + 1;
            switch (i % 5) {
                case 0 -> {
                    agenda.add(new AgendaItem(itemId, position, ItemKind.CONVEY_STUDY, "传达学习习近平总书记近期重要讲话和重要指示精神",
                            "convey and study the recent important speeches and instructions of General Secretary Xi Jinping",
                            true, Visibility.PUBLIC, "会议指出，要把学习贯彻重要讲话精神作为首要政治任务。\n会议强调，要结合青川实际，细化落实举措。",
                            "The meeting pointed out that studying the speeches is the first political task.\nThe meeting stressed that measures fitted to Qingchuan must be worked out in detail."));
                    proceedings.put(itemId, new ItemProceedings(itemId, List.of(), List.of(), null,
                            new Decision(Outcome.ADOPTED, 9, 8, 0, null, null, null, null, rules.code(), null, null, at)));
                }
                case 1 -> {
                    agenda.add(new AgendaItem(itemId, position, ItemKind.DELIBERATE, "审议《青川区2024年民生实事项目实施方案》",
                            "deliberate the Implementation Plan for the 2024 Livelihood Projects of Qingchuan District", true,
                            Visibility.PUBLIC, "会议要求，各牵头单位要倒排工期、挂图作战，确保年内全部完成。",
                            "The meeting required each lead unit to finish all projects within the year."));
                    List<Ballot> ballots = new ArrayList<>();
                    for (long id : present) {
                        ballots.add(new Ballot(id, id == 9 ? Choice.NO : id == 8 ? Choice.ABSTAIN : Choice.YES));
                    }
                    RuleSet.Tally tally = rules.tally(9, 0, 6, 1, 1);
                    proceedings.put(itemId, new ItemProceedings(itemId, List.of(), List.of(
                            new Opinion(1, 2, false, "同意方案，建议把老旧小区改造列为第一项。"),
                            new Opinion(2, 9, false, "资金来源尚不明确，不同意现在通过。"),
                            new Opinion(3, ON_LEAVE, true, "同意方案。")),
                            new Vote(VoteMethod.NAMED, at, at, 6, 1, 1, ballots),
                            decision(tally, Outcome.ADOPTED_IN_PRINCIPLE, 0, rules, at)));
                }
                case 2 -> {
                    agenda.add(new AgendaItem(itemId, position, ItemKind.PERSONNEL, "研究干部任免事项",
                            "deliberate appointments and removals", true, Visibility.CONFIDENTIAL, null, null, false, false,
                            true, null, null));
                    List<Ballot> ballots = present.stream().filter(id -> id != RECUSED).map(id -> new Ballot(id, null)).toList();
                    RuleSet.Tally tally = rules.tally(9, 1, 5, 1, 1);
                    proceedings.put(itemId, new ItemProceedings(itemId, List.of(new Recusal(RECUSED, "涉及本人亲属")),
                            List.of(), new Vote(VoteMethod.SECRET, at, at, 5, 1, 1, ballots),
                            decision(tally, Outcome.ADOPTED, 1, rules, at)));
                }
                case 3 -> {
                    agenda.add(new AgendaItem(itemId, position, ItemKind.DELIBERATE, "研究城区停车场建设项目",
                            "deliberate the car park project in the town centre", true, Visibility.INTERNAL, null, null));
                    proceedings.put(itemId, new ItemProceedings(itemId, List.of(), List.of(), null,
                            new Decision(Outcome.DEFERRED, 9, 8, 0, null, null, null, null, rules.code(),
                                    "意见分歧较大，待补充论证后再议。", "Opinions are sharply divided; to be argued further first.", at)));
                }
                default -> {
                    agenda.add(new AgendaItem(itemId, position, ItemKind.HEAR_REPORT, "听取全区安全生产工作情况汇报",
                            "hear a report on work safety across the district", true, Visibility.PUBLIC,
                            "会议要求，要坚持人民至上、生命至上，坚决防范遏制重特大事故发生。",
                            "The meeting required that people and their lives come first."));
                    proceedings.put(itemId, new ItemProceedings(itemId, List.of(), List.of(), null,
                            new Decision(Outcome.ADOPTED, 9, 8, 0, null, null, null, null, rules.code(), null, null, at)));
                }
            }
        }
        Meeting meeting = new Meeting(77, BODY, 5, 16, LocalDate.of(2024, 3, 12), TimeOfDay.AFTERNOON, "区委第一会议室",
                MeetingKind.REGULAR, 1, null, true, present, List.of(new Leave(ON_LEAVE, "赴省委党校学习")), List.of(11L, 10L),
                List.of(new AttendingGroup("区直有关单位主要负责同志", "the heads of relevant district units")), "区领导",
                "District leaders", agenda, MeetingState.CLOSED);
        return new MeetingDocumentFacts(meeting, "八届区委常委会第16次会议",
                "Standing Committee of the Qingchuan District Party Committee, term 8, meeting 16", due, standings,
                proceedings, rules);
    }

    private static Decision decision(RuleSet.Tally tally, Outcome adopted, int recused, RuleSet rules, Instant at) {
        return new Decision(tally.adopted() ? adopted : Outcome.REJECTED, 9, 8, recused, tally.basis(), tally.threshold(),
                tally.strictlyMore(), tally.base(), rules.code(), null, null, at);
    }
}
