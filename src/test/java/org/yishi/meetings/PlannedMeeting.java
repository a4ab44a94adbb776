package org.yishi.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.yishi.directory.Body;
import org.yishi.directory.BodyKind;
import org.yishi.directory.Directory;
import org.yishi.directory.Person;

/**
 * A meeting of the fictional 青川区 standing committee (demo data: 9 members), planned as a draft for tests that run
 * it: with only the presiding secretary checked in, and four items — the study of central directives first, a major
 * investment (三重一大, so voted on), appointments (materials one day late, so warned of) and a renovation plan.
 * Holds the ids of the meeting, its items and its members.
 */
record PlannedMeeting(long meetingId, LocalDate date, long study, long investment, long appointments, long renovation,
        long lin, long chen, long liu, long zhao, long sun, long zhou, long huang, long wu, long zheng) {

    static PlannedMeeting plan(Meetings meetings, Directory directory, LocalDate date) {
        long body = directory.bodies().stream()
                .filter(b -> b.kind() == BodyKind.STANDING_COMMITTEE && b.nameZh().contains("青川"))
                .map(Body::id).findFirst().orElseThrow();
        List<Person> people = directory.people();
        Function<String, Long> id = name -> people.stream().filter(p -> name.equals(p.nameZh())).map(Person::id)
                .findFirst().orElseThrow();
        long lin = id.apply("林海峰");
        Meeting m = meetings.plan(new MeetingDraft(body, date, TimeOfDay.MORNING, "区委常委会议室", MeetingKind.REGULAR,
                lin, null, true, List.of(lin), List.of(), List.of(), List.of(), null, null, List.of(
                new ItemDraft(null, ItemKind.CONVEY_STUDY, "传达学习习近平总书记近期重要讲话精神",
                        "convey and study the recent important speeches of General Secretary Xi Jinping", true,
                        Visibility.PUBLIC, null, null, false, false, false, date.minusDays(5), null),
                new ItemDraft(null, ItemKind.DELIBERATE, "研究区城投公司滨江片区综合开发项目投资事项",
                        "deliberate the investment of the district investment company in the riverside development",
                        true, Visibility.INTERNAL, null, null, false, false, true, date.minusDays(4), null),
                new ItemDraft(null, ItemKind.PERSONNEL, "研究干部任免事项", "deliberate appointments and removals", true,
                        Visibility.INTERNAL, null, null, false, false, false, date.minusDays(1), null),
                new ItemDraft(null, ItemKind.DELIBERATE, "研究老旧小区改造实施方案",
                        "deliberate the plan for renovating old residential compounds", true, Visibility.PUBLIC, null, null,
                        false, false, false, date.minusDays(5), null)), null));
        List<Long> items = m.items().stream().map(AgendaItem::id).toList();
        return new PlannedMeeting(m.id(), date, items.get(0), items.get(1), items.get(2), items.get(3), lin,
                id.apply("陈志远"), id.apply("刘晓岚"), id.apply("赵立新"), id.apply("孙明哲"), id.apply("周文静"),
                id.apply("黄振宇"), id.apply("吴国栋"), id.apply("郑雅琴"));
    }
}
