package org.yishi.meetings.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yishi.meetings.Leave;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.TimeOfDay;

/** The record and the minutes as a reader sees them, written from a meeting built in memory. */
class MeetingDocumentWritersTests {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    private final RecordWriter record = MeetingDocumentSamples.recordWriter();
    private final MinutesWriter minutes = MeetingDocumentSamples.minutesWriter();
    private final MeetingDocumentFacts facts = MeetingDocumentSamples.meeting(5);

    @Test
    void theRecordKeepsEverythingInChinese() {
        String text = record.write(facts, ZH).plainText();
        assertThat(text).contains("八届区委常委会第16次会议记录", "内部资料",
                "时间：2024年3月12日下午", "地点：区委第一会议室", "主持人：林海峰（区委书记）",
                "应到会成员：9人：林海峰、陈志远、刘晓岚、赵立新、孙明哲、周文静、黄振宇、吴国栋、郑雅琴",
                "出席：8人：林海峰（区委书记）、陈志远（区委副书记、区长）",
                "请假：1人：黄振宇（赴省委党校学习）",
                "列席：马德昌（区人大常委会主任）、何淑芬（区政协主席）、区直有关单位主要负责同志",
                // the named vote: who said and chose what, the written opinion marked as not counted
                "二、审议《青川区2024年民生实事项目实施方案》", "陈志远发言：同意方案，建议把老旧小区改造列为第一项。",
                "郑雅琴发言：资金来源尚不明确", "黄振宇书面意见（未到会，记录在案，不计入表决）：同意方案。",
                "表决方式：记名投票", "表决情况：同意：林海峰、陈志远、刘晓岚、赵立新、孙明哲、周文静；不同意：郑雅琴；弃权：吴国栋",
                "计票结果：同意6票，不同意1票，弃权1票", "结果：应到会9人；赞成6票，超过4.5：通过。会议原则通过。",
                // the secret ballot: counts and how many voted, and the recusal
                "三、研究干部任免事项", "回避：赵立新（涉及本人亲属）", "表决方式：无记名投票",
                "表决情况：7人参加投票；无记名投票不记录个人的表决意见", "结果：应到会9人，回避1人，以8人计；赞成5票，超过4：通过。",
                // deferred with its reason, and the conclusions
                "结果：未经表决，决定：缓议。", "说明：意见分歧较大，待补充论证后再议。",
                "会议结论：会议指出，要把学习贯彻重要讲话精神作为首要政治任务。");
        // nobody's choice in the secret ballot
        String secret = text.substring(text.indexOf("三、研究干部任免事项"), text.indexOf("四、"));
        assertThat(secret).doesNotContain("同意：", "不同意：", "弃权：");
    }

    @Test
    void theRecordInEnglish() {
        String text = record.write(facts, EN).plainText();
        assertThat(text).contains("Record of the meeting: Standing Committee of the Qingchuan District Party Committee, term 8, meeting 16",
                "Time: Afternoon of 12 March 2024", "Presiding: Lin Haifeng (Secretary of the District Party Committee)",
                // the place and the reason for leave were entered in Chinese only: said so, not mixed in (issue 12)
                "Place: given in Chinese only", "On leave: 1: Huang Zhenyu (given in Chinese only)", "2. Deliberate the Implementation Plan", "Voting method: Named ballot",
                "Huang Zhenyu in writing (absent: recorded, never counted): 同意方案。",
                "Count: 6 yes, 1 no, 1 abstaining", "7 members voted; a secret ballot records no member’s choice");
    }

    @Test
    void theMinutesStateTheDecisionsAsTheGenreHasThem() {
        MeetingDocument doc = minutes.write(facts, ZH);
        String text = doc.plainText();
        assertThat(text).contains("八届区委常委会第16次会议纪要", "2024年3月12日",
                "2024年3月12日下午，区委书记林海峰在区委第一会议室主持召开八届区委常委会第16次会议。会议应到9人，实到8人。现将会议议定事项纪要如下：",
                "一、传达学习习近平总书记近期重要讲话和重要指示精神", "会议传达学习了习近平总书记近期重要讲话和重要指示精神。",
                "会议强调，要结合青川实际，细化落实举措。",
                "二、审议《青川区2024年民生实事项目实施方案》", "会议经表决，原则同意《青川区2024年民生实事项目实施方案》。",
                "三、研究干部任免事项", "会议经表决，同意该事项。",
                "四、研究城区停车场建设项目", "会议决定，该事项暂缓审议。意见分歧较大，待补充论证后再议。",
                "五、听取全区安全生产工作情况汇报", "会议听取了全区安全生产工作情况汇报。",
                "出席：林海峰、陈志远、刘晓岚、赵立新、孙明哲、周文静、吴国栋、郑雅琴", "请假：黄振宇（赴省委党校学习）",
                "列席：马德昌、何淑芬、区直有关单位主要负责同志");
        // the minutes state decisions, not who said or chose what
        assertThat(text).doesNotContain("发言", "资金来源尚不明确", "赵立新（涉及本人亲属）", "记名投票");
    }

    @Test
    void theMinutesInEnglish() {
        String text = minutes.write(facts, EN).plainText();
        assertThat(text).contains("Minutes of the meeting: Standing Committee of the Qingchuan District Party Committee, term 8, meeting 16",
                "On the afternoon of 12 March 2024, Lin Haifeng, Secretary of the District Party Committee, presided over the meeting",
                "Of the 9 members who should attend, 8 were present. The meeting decided as follows:",
                "1. Convey and study", "The meeting conveyed and studied it.",
                "After a vote, the meeting agreed in principle.", "The meeting decided to defer the matter. Opinions are sharply divided",
                "Present: Lin Haifeng, Chen Zhiyuan");
    }

    @Test
    void anEntrustedPresidingPersonIsNamedAsTheGenreHasIt() {
        Meeting m = facts.meeting();
        Meeting entrusted = new Meeting(m.id(), m.bodyId(), m.termId(), m.sequence(), m.date(), TimeOfDay.MORNING, null,
                m.kind(), 2, Long.valueOf(1), false, m.present().stream().filter(id -> id != 1).toList(),
                java.util.List.of(new Leave(1L, "出差")), m.inAttendance(), m.groups(), m.leadersLabelZh(),
                m.leadersLabelEn(), m.items(), m.state());
        MeetingDocumentFacts f = new MeetingDocumentFacts(entrusted, facts.headingZh(), facts.headingEn(),
                facts.membersDue(), facts.standings(), facts.proceedings(), facts.rules());
        assertThat(minutes.write(f, ZH).plainText()).contains(
                "2024年3月12日上午，受区委书记林海峰委托，区委副书记、区长陈志远主持召开八届区委常委会第16次会议。");
        assertThat(record.write(f, ZH).plainText()).contains("主持人：陈志远（区委副书记、区长），受区委书记林海峰委托");
        assertThat(minutes.write(f, EN).plainText()).contains("On the morning of 12 March 2024, Chen Zhiyuan, Deputy Secretary "
                + "of the District Party Committee and District Mayor, on behalf of Lin Haifeng, Secretary of the District "
                + "Party Committee, presided over the meeting");
    }

    @Test
    void aReaderWhoMayNotSeeAnItemSeesNoTraceOfIt() {
        MeetingDocument doc = minutes.write(facts, ZH);
        MeetingDocument seen = doc.only(Set.of(1000L, 1001L, 1004L));
        String text = seen.plainText();
        assertThat(text).contains("一、传达学习", "二、审议《青川区", "三、听取全区安全生产工作情况汇报")
                .doesNotContain("干部任免", "停车场", "四、");
    }
}
