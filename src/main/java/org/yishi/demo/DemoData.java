package org.yishi.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yishi.accounts.AccountDraft;
import org.yishi.accounts.Accounts;
import org.yishi.directory.Body;
import org.yishi.directory.BodyDraft;
import org.yishi.directory.BodyKind;
import org.yishi.directory.Directory;
import org.yishi.directory.MembershipDraft;
import org.yishi.directory.OfficeDraft;
import org.yishi.directory.Person;
import org.yishi.directory.PersonDraft;
import org.yishi.directory.Term;
import org.yishi.directory.TermDraft;
import org.yishi.directory.Unit;
import org.yishi.directory.UnitDraft;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.AttendingGroup;
import org.yishi.meetings.Choice;
import org.yishi.meetings.DirectiveDraft;
import org.yishi.meetings.Directives;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.Outcome;
import org.yishi.meetings.Procedure;
import org.yishi.meetings.VoteMethod;
import org.yishi.meetings.ItemDraft;
import org.yishi.meetings.ItemKind;
import org.yishi.meetings.Leave;
import org.yishi.meetings.MeetingDraft;
import org.yishi.meetings.MeetingKind;
import org.yishi.meetings.Meetings;
import org.yishi.meetings.TimeOfDay;
import org.yishi.meetings.Visibility;

/**
 * Loads the demo data into an empty database: with {@code yishi.demo-data=on}, or with {@code auto} (the default)
 * when Yishi runs on its embedded database. Several nodes starting at once load it once: the check and the load run
 * under a PostgreSQL advisory lock.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final long LOCK = 0x7969736869L; // "yishi"

    /** The demo accounts, one per role; the three administrators' roles hold no business data. */
    static final List<String> ROLES = List.of("sysadmin", "secadmin", "auditor", "office", "member", "supervision",
            "liaison", "reader", "congress-office", "volunteer", "station-manager");

    private final Directory directory;
    private final Meetings meetings;
    private final Accounts accounts;
    private final String demoPassword;
    private final Procedure procedure;
    private final Directives directives;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final String mode;
    private final boolean embedded;

    DemoData(Directory directory, Meetings meetings, Procedure procedure, Directives directives, Accounts accounts,
            JdbcClient jdbc, TransactionTemplate tx,
            @Value("${yishi.demo-data:auto}") String mode, @Value("${yishi.db.url:}") String externalUrl,
            @Value("${YISHI_DEMO_PASSWORD:}") String demoPassword) {
        this.directory = directory;
        this.meetings = meetings;
        this.procedure = procedure;
        this.directives = directives;
        this.accounts = accounts;
        this.demoPassword = demoPassword;
        this.jdbc = jdbc;
        this.tx = tx;
        this.mode = mode.strip().toLowerCase(java.util.Locale.ROOT);
        this.embedded = externalUrl == null || externalUrl.isBlank();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!wanted(mode, embedded)) {
            return;
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", LOCK).query(Object.class).single();
            if (!directory.bodies().isEmpty()) {
                return;
            }
            Heshan ids = heshan();
            long qingchuanPresiding = qingchuan();
            log.info("Demo data loaded: the Heshan directory with its meeting of 27 February 2023, and the fictional 青川区");
            demoAccounts(ids, qingchuanPresiding);
        });
    }

    /** Whether demo data loads: {@code on}, {@code off}, or by default on the embedded database only. */
    static boolean wanted(String mode, boolean embedded) {
        return switch (mode) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> embedded;
        };
    }

    // ---------------------------------------------------------------- Heshan (the published reference)

    /** What the demo accounts are linked to: a member of the Heshan Standing Committee, and a district unit. */
    private record Heshan(long memberPersonId, long unitId, long secretaryPersonId) {
    }

    /**
     * One account per role, all with the password from {@code YISHI_DEMO_PASSWORD} or one generated and printed
     * once. Demo accounts need no initial change. Names already taken (administrators from an earlier start) are
     * left alone.
     */
    private void demoAccounts(Heshan ids, long qingchuanPresidingPersonId) {
        boolean generated = demoPassword.isBlank();
        String password = generated ? Accounts.generatePassword() : demoPassword;
        for (String role : ROLES) {
            if (accounts.findByUsername(role).isPresent()) {
                continue;
            }
            accounts.createWithPassword(new AccountDraft(role, null, password,
                    role.equals("member") ? ids.memberPersonId() : null, role.equals("liaison") ? ids.unitId() : null),
                    List.of(role));
        }
        // Two more, so that minutes can go the whole way in the demo: the office head checks what the office drafted,
        // and the secretary, Zhang Chao, who presides, signs them off.
        List<String> extra = new ArrayList<>();
        if (accounts.findByUsername("office-head").isEmpty()) {
            accounts.createWithPassword(new AccountDraft("office-head", null, password, null, null), List.of("office"));
            extra.add("office-head");
        }
        if (accounts.findByUsername("secretary").isEmpty()) {
            accounts.createWithPassword(new AccountDraft("secretary", null, password, ids.secretaryPersonId(), null),
                    List.of("member"));
            extra.add("secretary");
        }
        // The 青川区 meeting waiting to be held is presided over by 陈志远 on the secretary's behalf: he signs its
        // minutes off, so the showcase can go from opening the meeting to issuing its minutes.
        if (accounts.findByUsername("qingchuan-presiding").isEmpty()) {
            accounts.createWithPassword(new AccountDraft("qingchuan-presiding", null, password, qingchuanPresidingPersonId,
                    null), List.of("member"));
            extra.add("qingchuan-presiding");
        }
        if (generated) {
            log.warn("""

                    ================================================================
                    Demo accounts: {}
                    Password (shown only now): {}
                    ================================================================""",
                    String.join(", ", java.util.stream.Stream.concat(ROLES.stream(), extra.stream()).toList()), password);
        } else {
            log.info("Demo accounts created ({}) with the password from YISHI_DEMO_PASSWORD",
                    String.join(", ", java.util.stream.Stream.concat(ROLES.stream(), extra.stream()).toList()));
        }
    }

    private Heshan heshan() {
        Body party = directory.createBody(new BodyDraft(BodyKind.PARTY_COMMITTEE, "中共鹤山区委员会",
                "Heshan District Committee of the Communist Party of China", "区委", null, 10));
        Body standing = directory.createBody(new BodyDraft(BodyKind.STANDING_COMMITTEE, "中共鹤山区委员会常务委员会",
                "Standing Committee of the Heshan District Party Committee", "区委常委会", party.id(), 10));
        Body congress = directory.createBody(new BodyDraft(BodyKind.CONGRESS, "鹤山区人民代表大会",
                "Heshan District People’s Congress", "区人大", null, 20));
        directory.createBody(new BodyDraft(BodyKind.CONGRESS_STANDING_COMMITTEE, "鹤山区人民代表大会常务委员会",
                "Standing Committee of the Heshan District People’s Congress", "区人大常委会", congress.id(), 20));
        directory.createBody(new BodyDraft(BodyKind.GOVERNMENT, "鹤山区人民政府",
                "Heshan District People’s Government", "区政府", null, 30));
        directory.createBody(new BodyDraft(BodyKind.CPPCC, "中国人民政治协商会议鹤山区委员会",
                "Heshan District Committee of the Chinese People’s Political Consultative Conference", "区政协", null, 40));

        // The readout gives neither the Party committee's term nor the meeting's number: the term below is the
        // demo's assumption, needed because every meeting falls within a term.
        directory.createTerm(party.id(), new TermDraft(12, LocalDate.of(2021, 9, 1), null));
        Term term = directory.createTerm(standing.id(), new TermDraft(12, LocalDate.of(2021, 9, 1), null));
        directory.createTerm(congress.id(), new TermDraft(12, LocalDate.of(2021, 12, 1), null));

        // Members of the Standing Committee in protocol order. Names as published (romanised); the secretary's
        // Chinese name, 张超, is known from the Chinese genre example. The published readout gives no other Chinese
        // name: the characters of the others (邢玉福 … 郭学光, and the leaders 齐铁林 … 马全林) are the demo's own, chosen
        // to sound as romanised, and are not the real officials' names (issue 12: no pinyin in Chinese pages).
        Person zhang = person("张超", "Zhang Chao");
        office(zhang, standing, "区委书记", "Secretary of the District Party Committee", null, "District Party Secretary", 1);
        Person xing = person("邢玉福", "Xing Yufu");
        office(xing, standing, "区委副书记、区长",
                "Deputy Secretary of the District Party Committee and Mayor of the District Government", null, null, 2);
        Person zhou = person("周翔", "Zhou Xiang");
        office(zhou, standing, "区委副书记", "Deputy Secretary of the District Party Committee", null, null, 3);
        List<Person> members = new ArrayList<>(List.of(zhang, xing, zhou));
        int rank = 4;
        String[][] names = {{"田庆昌", "Tian Qingchang"}, {"王春雷", "Wang Chunlei"}, {"苏玉新", "Su Yuxin"},
                {"王飞", "Wang Fei"}, {"王俊红", "Wang Junhong"}, {"郭学光", "Guo Xueguang"}};
        for (String[] name : names) {
            Person p = person(name[0], name[1]);
            office(p, standing, "区委常委", "member of the Standing Committee of the District Party Committee",
                    "members of the Standing Committee of the District Party Committee", null, rank++);
            members.add(p);
        }
        members.forEach(p -> directory.addMember(term.id(), new MembershipDraft(p.id(), null, null)));

        // District leaders sitting in: their offices are not published, so none is recorded; they keep the
        // order in which the readout names them.
        List<Long> leaders = new ArrayList<>();
        String[][] leaderNames = {{"齐铁林", "Qi Tielin"}, {"卢军", "Lu Jun"}, {"秦新娥", "Qin Xin’e"}, {"马全林", "Ma Quanlin"}};
        for (String[] name : leaderNames) {
            leaders.add(person(name[0], name[1]).id());
        }

        List<Unit> units = units(List.of(
                new UnitDraft("区委办公室", "General Office of the District Party Committee", "区委办", 10),
                new UnitDraft("区政府办公室", "General Office of the District Government", "区政府办", 20),
                new UnitDraft("区委宣传部", "Publicity Department of the District Party Committee", "区委宣传部", 30),
                new UnitDraft("区委精神文明建设委员会办公室", "Office of the District Civilization Commission", "区文明办", 40),
                new UnitDraft("区民政局", "District Civil Affairs Bureau", "区民政局", 50),
                new UnitDraft("共青团鹤山区委员会", "Heshan District Committee of the Communist Youth League", "团区委", 60)));

        Meeting seed = meetings.plan(new MeetingDraft(standing.id(), LocalDate.of(2023, 2, 27), TimeOfDay.MORNING, null,
                MeetingKind.REGULAR, zhang.id(), null, true, members.stream().map(Person::id).toList(), List.of(),
                leaders, List.of(new AttendingGroup("区直有关单位主要负责同志",
                        "the main responsible comrades of relevant units directly under the district")),
                "区领导", "District leaders", List.of(
                        new ItemDraft(null, ItemKind.CONVEY_STUDY, "传达学习习近平总书记关于深入开展学雷锋活动的重要指示精神",
                                "convey the spirit of learning from General Secretary Xi Jinping’s important instructions on the in-depth study of Lei Feng activities",
                                true, Visibility.PUBLIC, HESHAN_CONCLUSIONS_ZH, HESHAN_CONCLUSIONS_EN),
                        new ItemDraft(null, ItemKind.DELIBERATE, "研究贯彻落实意见", "study and implement the opinions",
                                true, Visibility.PUBLIC, null, null),
                        new ItemDraft(null, ItemKind.DELIBERATE, "召开鹤山区第十二届人民代表大会第四次会议和政协鹤山区第九届委员会第二次会议",
                                "holding the Fourth Session of the Twelfth National People’s Congress of Heshan District and the Second Session of the Ninth Heshan District Committee of the Chinese People’s Political Consultative Conference",
                                false, Visibility.PUBLIC, null, null)),
                null));
        // Held as the readout tells it: all nine members present; the study and the arrangements agreed, the
        // implementation opinions adopted by a show of hands.
        procedure.notify(seed.id());
        procedure.open(seed.id());
        List<AgendaItem> items = meetings.meeting(seed.id()).items();
        procedure.decide(items.get(0).id(), Outcome.ADOPTED, null, null);
        procedure.openVote(items.get(1).id(), VoteMethod.SHOW_OF_HANDS);
        members.forEach(p -> procedure.cast(items.get(1).id(), p.id(), Choice.YES));
        procedure.count(items.get(1).id(), null, null, null, false);
        procedure.decide(items.get(2).id(), Outcome.ADOPTED, null, null);
        procedure.close(seed.id());
        return new Heshan(members.get(3).id(), units.get(4).id(), zhang.id()); // Tian Qingchang; 区民政局; 张超
    }

    /** The conclusions as published in English. */
    static final String HESHAN_CONCLUSIONS_EN = "The meeting emphasized that the important instructions of General Secretary Xi Jinping fully affirmed the remarkable achievements of the Lei Feng learning activities in the past 60 years, profoundly clarified the eternal value of Lei Feng spirit, and put forward clear requirements for better carrying forward Lei Feng spirit on the new journey, so as to prepare for the next step for us Work provides the fundamentals to follow. It is necessary to deeply study the spirit of General Secretary Xi Jinping’s important instructions, firmly grasp the connotation of the Lei Feng spirit of the era, vigorously promote the Lei Feng spirit, organize and carry out voluntary services in a down-to-earth manner, and promote the activities of learning from Lei Feng to be integrated into daily life and become regular, so that everyone in the region can learn from Lei Feng and live at all times. Learning from Lei Feng, there is a strong atmosphere of Lei Feng everywhere.";

    /** Yishi's Chinese rendering of the published conclusions (the Chinese original is not at hand). */
    static final String HESHAN_CONCLUSIONS_ZH = "会议强调，习近平总书记的重要指示充分肯定了60年来学雷锋活动取得的显著成效，深刻阐明了雷锋精神的永恒价值，对在新征程上更好弘扬雷锋精神提出了明确要求，为我们做好下一步工作提供了根本遵循。要深入学习习近平总书记重要指示精神，准确把握新时代雷锋精神的内涵，大力弘扬雷锋精神，扎实组织开展志愿服务，推动学雷锋活动融入日常、形成常态，让全区人人学雷锋、时时学雷锋、处处学雷锋蔚然成风。";

    // ---------------------------------------------------------------- 青川区 (fictional)

    /** The fictional 青川区; gives the person presiding over its meeting waiting to be held. */
    private long qingchuan() {
        Body party = directory.createBody(new BodyDraft(BodyKind.PARTY_COMMITTEE, "中共青川区委员会",
                "Qingchuan District Committee of the Communist Party of China", "区委", null, 110));
        Body standing = directory.createBody(new BodyDraft(BodyKind.STANDING_COMMITTEE, "中共青川区委员会常务委员会",
                "Standing Committee of the Qingchuan District Party Committee", "区委常委会", party.id(), 110));
        Body congressSc = directory.createBody(new BodyDraft(BodyKind.CONGRESS_STANDING_COMMITTEE, "青川区人民代表大会常务委员会",
                "Standing Committee of the Qingchuan District People’s Congress", "区人大常委会", null, 120));
        Body cppcc = directory.createBody(new BodyDraft(BodyKind.CPPCC, "中国人民政治协商会议青川区委员会",
                "Qingchuan District Committee of the CPPCC", "区政协", null, 140));
        Term term = directory.createTerm(standing.id(), new TermDraft(8, LocalDate.of(2021, 10, 15), null));

        Person lin = person("林海峰", "Lin Haifeng");
        office(lin, standing, "区委书记", "Secretary of the District Party Committee", null, "District Party Secretary", 1);
        Person chen = person("陈志远", "Chen Zhiyuan");
        office(chen, standing, "区委副书记、区长",
                "Deputy Secretary of the District Party Committee and Mayor of the District Government", null,
                "Deputy Secretary of the District Party Committee and District Mayor", 2);
        Person liu = person("刘晓岚", "Liu Xiaolan");
        office(liu, standing, "区委副书记", "Deputy Secretary of the District Party Committee", null, null, 3);
        List<Person> members = new ArrayList<>(List.of(lin, chen, liu));
        int rank = 4;
        String[][] others = {{"赵立新", "Zhao Lixin"}, {"孙明哲", "Sun Mingzhe"}, {"周文静", "Zhou Wenjing"},
                {"黄振宇", "Huang Zhenyu"}, {"吴国栋", "Wu Guodong"}, {"郑雅琴", "Zheng Yaqin"}};
        for (String[] n : others) {
            Person p = person(n[0], n[1]);
            office(p, standing, "区委常委", "member of the Standing Committee of the District Party Committee",
                    "members of the Standing Committee of the District Party Committee", null, rank++);
            members.add(p);
        }
        members.forEach(p -> directory.addMember(term.id(), new MembershipDraft(p.id(), null, null)));
        Person huang = members.get(6);

        Person ma = person("马德昌", "Ma Dechang");
        office(ma, congressSc, "区人大常委会主任", "Director of the Standing Committee of the District People’s Congress", null, null, 1);
        Person he = person("何淑芬", "He Shufen");
        office(he, cppcc, "区政协主席", "Chairperson of the District CPPCC Committee", null, null, 1);

        units(List.of(new UnitDraft("青川区应急管理局", "Qingchuan District Emergency Management Bureau", "区应急局", 110),
                new UnitDraft("青川区发展和改革委员会", "Qingchuan District Development and Reform Commission", "区发改委", 120)));

        List<Long> present = members.stream().filter(p -> p != huang).map(Person::id).toList();
        List<AttendingGroup> groups = List.of(
                new AttendingGroup("各街道党工委书记", "the Party secretaries of the sub-districts"),
                new AttendingGroup("区直有关单位主要负责同志", "the main responsible comrades of relevant units directly under the district"));
        Meeting march = meetings.plan(new MeetingDraft(standing.id(), LocalDate.of(2024, 3, 12), TimeOfDay.AFTERNOON, "区委第一会议室",
                MeetingKind.REGULAR, lin.id(), null, true, present, List.of(new Leave(huang.id(), "赴省委党校学习")),
                List.of(he.id(), ma.id()), groups, "区领导", "District leaders", List.of(
                        new ItemDraft(null, ItemKind.CONVEY_STUDY, "传达学习习近平总书记近期重要讲话和重要指示精神",
                                "convey and study the recent important speeches and instructions of General Secretary Xi Jinping",
                                true, Visibility.PUBLIC, QINGCHUAN_STUDY_ZH, QINGCHUAN_STUDY_EN),
                        new ItemDraft(null, ItemKind.DELIBERATE, "审议《青川区2024年民生实事项目实施方案》",
                                "deliberate the Implementation Plan for the 2024 Livelihood Projects of Qingchuan District",
                                true, Visibility.PUBLIC, QINGCHUAN_PLAN_ZH, QINGCHUAN_PLAN_EN),
                        new ItemDraft(null, ItemKind.HEAR_REPORT, "听取全区安全生产工作情况汇报",
                                "hear a report on work safety across the district", true, Visibility.PUBLIC,
                                QINGCHUAN_SAFETY_ZH, QINGCHUAN_SAFETY_EN),
                        new ItemDraft(null, ItemKind.PERSONNEL, "研究干部任免事项", "deliberate appointments and removals",
                                true, Visibility.INTERNAL, null, null)),
                null));
        // Held: the plan adopted in principle by a show of hands with one abstention, the appointments by secret
        // ballot (the tellers counted 7 yes and 1 no), the other items agreed without a vote.
        procedure.notify(march.id());
        procedure.open(march.id());
        List<AgendaItem> items = meetings.meeting(march.id()).items();
        procedure.decide(items.get(0).id(), Outcome.ADOPTED, null, null);
        procedure.openVote(items.get(1).id(), VoteMethod.SHOW_OF_HANDS);
        present.forEach(p -> procedure.cast(items.get(1).id(), p, p.equals(liu.id()) ? Choice.ABSTAIN : Choice.YES));
        procedure.count(items.get(1).id(), null, null, null, true);
        procedure.decide(items.get(2).id(), Outcome.ADOPTED, null, null);
        procedure.openVote(items.get(3).id(), VoteMethod.SECRET);
        present.forEach(p -> procedure.cast(items.get(3).id(), p, null));
        procedure.count(items.get(3).id(), 7, 1, 0, false);
        procedure.close(march.id());

        // A directive received and not yet conveyed: the next meeting's first item should study it.
        directives.receive(new DirectiveDraft(standing.id(), "习近平总书记关于防汛救灾工作的重要指示精神",
                "General Secretary Xi Jinping's important instructions on flood control and disaster relief",
                LocalDate.of(2024, 4, 2), LocalDate.of(2024, 4, 3), "省委办公厅"));

        Meeting april = meetings.plan(new MeetingDraft(standing.id(), LocalDate.of(2024, 4, 8), TimeOfDay.MORNING, "区委第一会议室",
                MeetingKind.REGULAR, chen.id(), lin.id(), false,
                members.stream().filter(p -> p != lin).map(Person::id).toList(), List.of(new Leave(lin.id(), "出差")),
                List.of(), List.of(new AttendingGroup("区应急管理局主要负责同志", "the head of the District Emergency Management Bureau")),
                null, null, List.of(
                        new ItemDraft(null, ItemKind.DELIBERATE, "研究部署防汛备汛工作", "study and arrange flood preparedness",
                                true, Visibility.PUBLIC, "会议要求，各级各部门要压实防汛责任，汛前完成隐患排查整改，确保安全度汛。",
                                "The meeting required all levels and departments to assign clear responsibility for flood control, finish checking and remedying hazards before the flood season, and keep the district safe through it.")),
                null));
        procedure.notify(april.id()); // notified and waiting to be opened, to try the meeting room on
        return chen.id();
    }

    static final String QINGCHUAN_STUDY_ZH = "会议指出，习近平总书记近期重要讲话和重要指示精神，为我们做好当前各项工作指明了方向。\n"
            + "会议强调，要把学习贯彻习近平总书记重要讲话和重要指示精神作为首要政治任务，结合青川实际，细化落实举措，确保各项部署落地见效。";
    static final String QINGCHUAN_STUDY_EN = "The meeting pointed out that the recent important speeches and instructions of General Secretary Xi Jinping show the way for all current work.\n"
            + "The meeting stressed that studying and implementing them is the first political task, and that measures fitted to Qingchuan must be worked out in detail so that every arrangement takes effect.";
    static final String QINGCHUAN_PLAN_ZH = "会议审议并原则通过了《青川区2024年民生实事项目实施方案》。会议要求，各牵头单位要倒排工期、挂图作战，确保年内全部完成。";
    static final String QINGCHUAN_PLAN_EN = "The meeting deliberated and adopted in principle the Implementation Plan for the 2024 Livelihood Projects of Qingchuan District. The meeting required each lead unit to schedule backwards from the deadline and track progress on a chart, so that all projects are finished within the year.";
    static final String QINGCHUAN_SAFETY_ZH = "会议要求，要坚持人民至上、生命至上，深入开展安全生产隐患排查整治，坚决防范遏制重特大事故发生。";
    static final String QINGCHUAN_SAFETY_EN = "The meeting required that people and their lives come first, that hazards to work safety be searched out and remedied, and that major accidents be firmly prevented.";

    // ---------------------------------------------------------------- helpers

    private Person person(String nameZh, String nameRomanized) {
        return directory.createPerson(new PersonDraft(nameZh, nameRomanized));
    }

    private void office(Person p, Body body, String titleZh, String titleEn, String titleEnPlural, String titleEnShort, int rank) {
        directory.createOffice(p.id(), new OfficeDraft(body.id(), titleZh, titleEn, titleEnPlural, titleEnShort, rank, null, null));
    }

    private List<Unit> units(List<UnitDraft> units) {
        return units.stream().map(directory::createUnit).toList();
    }
}
