package org.yishi.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.yishi.TestAccounts;
import org.yishi.accounts.AccountDraft;
import org.yishi.accounts.Accounts;
import org.yishi.directory.BodyDraft;
import org.yishi.directory.BodyKind;
import org.yishi.directory.Directory;
import org.yishi.directory.MembershipDraft;
import org.yishi.directory.OfficeDraft;
import org.yishi.directory.PersonDraft;
import org.yishi.directory.TermDraft;

/**
 * A standing committee of nine, built through the directory's service, and its meetings run through {@link Procedure}:
 * notice, check-in, opening, a study item decided without a vote, a named vote on a plan with a member's words and an
 * absent member's written opinion, a confidential personnel item with a recusal and a secret ballot, an internal item
 * deferred, then closing. Each story has a body of its own, so its meetings are numbered from 1.
 */
final class MinutesStory {

    static final String STUDY = "传达学习习近平总书记近期重要讲话和重要指示精神";
    static final String PLAN = "审议《青川区2024年民生实事项目实施方案》";
    static final String PERSONNEL = "研究干部任免事项（秘密）";
    static final String INTERNAL = "研究城区停车场建设项目（内部）";

    private final Meetings meetings;
    private final Procedure procedure;
    final long body;
    final List<Long> members = new ArrayList<>();
    final long lin; // secretary, presides
    final long chen; // deputy secretary
    final long zhao; // recused from the personnel item
    final long huang; // on leave, writes an opinion
    final long wu; // checked in at the meeting, abstains
    final long zheng; // votes no
    final long outsider; // member of another body

    MinutesStory(Directory directory, Meetings meetings, Procedure procedure) {
        this.meetings = meetings;
        this.procedure = procedure;
        String tag = String.valueOf(System.nanoTime() % 1_000_000);
        body = directory.createBody(new BodyDraft(BodyKind.STANDING_COMMITTEE, "中共青川区委员会常务委员会" + tag,
                "Standing Committee of the Qingchuan District Party Committee", "区委常委会", null, 110)).id();
        long term = directory.createTerm(body, new TermDraft(8, LocalDate.of(2021, 10, 15), null)).id();
        String[][] people = {{"林海峰", "Lin Haifeng", "区委书记"}, {"陈志远", "Chen Zhiyuan", "区委副书记、区长"},
                {"刘晓岚", "Liu Xiaolan", "区委副书记"}, {"赵立新", "Zhao Lixin", "区委常委"}, {"孙明哲", "Sun Mingzhe", "区委常委"},
                {"周文静", "Zhou Wenjing", "区委常委"}, {"黄振宇", "Huang Zhenyu", "区委常委"}, {"吴国栋", "Wu Guodong", "区委常委"},
                {"郑雅琴", "Zheng Yaqin", "区委常委"}};
        for (int i = 0; i < people.length; i++) {
            long id = directory.createPerson(new PersonDraft(people[i][0], people[i][1])).id();
            directory.createOffice(id, new OfficeDraft(body, people[i][2], null, null, null, i + 1, null, null));
            directory.addMember(term, new MembershipDraft(id, null, null));
            members.add(id);
        }
        lin = members.get(0);
        chen = members.get(1);
        zhao = members.get(3);
        huang = members.get(6);
        wu = members.get(7);
        zheng = members.get(8);
        long other = directory.createBody(new BodyDraft(BodyKind.STANDING_COMMITTEE, "青川区人大常委会" + tag, null,
                "区人大常委会", null, 120)).id();
        long otherTerm = directory.createTerm(other, new TermDraft(3, LocalDate.of(2021, 10, 15), null)).id();
        outsider = directory.createPerson(new PersonDraft("马德昌", "Ma Dechang")).id();
        directory.addMember(otherTerm, new MembershipDraft(outsider, null, null));
    }

    /** Plans, notifies, checks in, opens and decides the meeting; closes it when asked. Returns its id. */
    long holdMeeting(LocalDate date, boolean decideAll, boolean close) {
        List<Long> present = members.stream().filter(id -> id != huang && id != wu).toList();
        Meeting m = meetings.plan(new MeetingDraft(body, date, TimeOfDay.AFTERNOON, "区委第一会议室", MeetingKind.REGULAR,
                lin, null, true, present, List.of(new Leave(huang, "赴省委党校学习")), List.of(), List.of(), null, null,
                List.of(new ItemDraft(null, ItemKind.CONVEY_STUDY, "传达学习习近平总书记近期重要讲话和重要指示精神",
                                "convey and study the recent important speeches and instructions", true, Visibility.PUBLIC,
                                "会议强调，要结合青川实际，细化落实举措。", "The meeting stressed that measures must be worked out."),
                        new ItemDraft(null, ItemKind.DELIBERATE, PLAN, "deliberate the livelihood projects plan", true,
                                Visibility.PUBLIC, "会议要求，各牵头单位要确保年内全部完成。", "All projects are to be finished within the year."),
                        new ItemDraft(null, ItemKind.PERSONNEL, PERSONNEL, "deliberate appointments", true,
                                Visibility.CONFIDENTIAL, null, null, null, null, true, null, null),
                        new ItemDraft(null, ItemKind.DELIBERATE, INTERNAL, "deliberate the car park project", true,
                                Visibility.INTERNAL, null, null)), null));
        long id = m.id();
        procedure.notify(id);
        procedure.checkIn(id, wu, Procedure.Attendance.PRESENT, null);
        procedure.open(id);
        List<AgendaItem> items = meetings.meeting(id).items();
        long study = items.get(0).id();
        long plan = items.get(1).id();
        long personnel = items.get(2).id();
        long internal = items.get(3).id();

        procedure.decide(study, Outcome.ADOPTED, null, null);

        procedure.recordOpinion(plan, chen, false, "同意方案，建议把老旧小区改造列为第一项。");
        procedure.recordOpinion(plan, zheng, false, "资金来源尚不明确，不同意现在通过。");
        procedure.recordOpinion(plan, huang, true, "同意方案。");
        procedure.openVote(plan, VoteMethod.NAMED);
        for (long p : meetings.meeting(id).present()) {
            procedure.cast(plan, p, p == zheng ? Choice.NO : p == wu ? Choice.ABSTAIN : Choice.YES);
        }
        procedure.count(plan, null, null, null, true);

        procedure.recuse(personnel, zhao, "涉及本人亲属");
        procedure.openVote(personnel, VoteMethod.SECRET);
        for (long p : meetings.meeting(id).present()) {
            if (p != zhao) {
                procedure.cast(personnel, p, null);
            }
        }
        procedure.count(personnel, 5, 1, 1, false);

        if (decideAll) {
            procedure.decide(internal, Outcome.DEFERRED, "意见分歧较大，待补充论证后再议。", "Opinions are sharply divided.");
        }
        if (close) {
            procedure.close(id);
        }
        return id;
    }

    long heldAndClosed(int day) {
        return holdMeeting(LocalDate.of(2024, 3, day), true, true);
    }

    /** A second office account: the office head, who checks what the office drafted. */
    static TestAccounts.Login officeHead(Accounts accounts) {
        String username = "t-office-head";
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.createWithPassword(new AccountDraft(username, null, TestAccounts.PASSWORD, null, null), List.of("office"));
        }
        return new TestAccounts.Login(username, TestAccounts.PASSWORD);
    }
}
