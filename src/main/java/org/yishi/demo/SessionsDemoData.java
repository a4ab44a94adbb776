package org.yishi.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yishi.accounts.Account;
import org.yishi.accounts.Accounts;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.directory.Body;
import org.yishi.directory.BodyKind;
import org.yishi.directory.Directory;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.MeetingSummary;
import org.yishi.meetings.Meetings;
import org.yishi.sessions.Assemblies;

/**
 * The demo's congress and CPPCC sessions (issue 13): the Fourth Session of the 12th Heshan District People's Congress
 * and the Second Session of the 9th Heshan CPPCC committee, each linked to the agenda item of the Standing Committee's
 * meeting of 27 February 2023 that prepared them, with a roster of plainly fictional deputies (268, in twelve
 * delegations) and members (196, in ten sectors and four special committees), generated. The congress's preparatory
 * meeting has been held (251 present, 10 on leave); its first plenary meeting waits at the check-in desk for the demo
 * account {@code congress-office}. The days of the sessions are the demo's assumption: the readout gives none.
 */
@Component
@Order(30)
class SessionsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SessionsDemoData.class);
    private static final String PREPARING_ITEM = "召开鹤山区第十二届人民代表大会第四次会议和政协鹤山区第九届委员会第二次会议";
    private static final List<String> SECTORS = List.of("中国共产党界", "民主党派界", "无党派人士界", "共青团和青联界",
            "经济界", "农业和农村界", "教育界", "科技界", "医药卫生界", "文化艺术和体育界");
    private static final List<String> COMMITTEES = List.of("提案委员会", "经济委员会", "社会和法制委员会", "文史和学习委员会");

    private final Assemblies assemblies;
    private final Directory directory;
    private final Meetings meetings;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final String mode;
    private final boolean embedded;

    SessionsDemoData(Assemblies assemblies, Directory directory, Meetings meetings, Accounts accounts, JdbcClient jdbc,
            TransactionTemplate tx, @Value("${yishi.demo-data:auto}") String mode,
            @Value("${yishi.db.url:}") String externalUrl) {
        this.assemblies = assemblies;
        this.directory = directory;
        this.meetings = meetings;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.tx = tx;
        this.mode = mode.strip().toLowerCase(java.util.Locale.ROOT);
        this.embedded = externalUrl == null || externalUrl.isBlank();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoData.wanted(mode, embedded)) {
            return;
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", DemoData.LOCK).query(Object.class).single();
            if (jdbc.sql("select count(*) from assembly_term").query(Long.class).single() > 0) {
                return;
            }
            Optional<Body> congress = body(BodyKind.CONGRESS, "鹤山区人民代表大会");
            Optional<Body> cppcc = body(BodyKind.CPPCC, "中国人民政治协商会议鹤山区委员会");
            Optional<Account> office = accounts.findByUsername("congress-office");
            Optional<MeetingSummary> seed = meetings.listClosed(null, 100, 0).stream()
                    .filter(m -> m.date().equals(LocalDate.of(2023, 2, 27))).findFirst();
            if (congress.isEmpty() || cppcc.isEmpty() || office.isEmpty() || seed.isEmpty()) {
                return; // not the demo's directory
            }
            Optional<AgendaItem> item = meetings.meeting(seed.get().id()).items().stream()
                    .filter(i -> PREPARING_ITEM.equals(i.titleZh())).findFirst();
            if (item.isEmpty()) {
                return;
            }
            Viewer viewer = new Viewer(office.get().id(), office.get().username(),
                    Set.of(Permission.CONGRESS_READ, Permission.CONGRESS_EDIT, Permission.CONGRESS_ROLL_CALL), null, null);
            congress(viewer, congress.get(), seed.get().id(), item.get().id());
            conference(viewer, cppcc.get(), seed.get().id(), item.get().id());
            log.info("Demo data loaded: the Fourth Session of the 12th Heshan People's Congress and the Second Session "
                    + "of the 9th Heshan CPPCC, with fictional deputies and members");
        });
    }

    private Optional<Body> body(BodyKind kind, String nameZh) {
        return directory.bodies().stream().filter(b -> b.kind() == kind && b.nameZh().equals(nameZh)).findFirst();
    }

    private void congress(Viewer viewer, Body congress, long seedMeeting, long seedItem) {
        long term = assemblies.openTerm(viewer, congress.id(), 12, LocalDate.of(2021, 12, 1));
        List<Assemblies.Seat> seats = new ArrayList<>();
        for (int i = 1; i <= 268; i++) {
            String delegation = "第" + org.yishi.platform.ChineseNumerals.of((i - 1) % 12 + 1) + "代表团";
            seats.add(new Assemblies.Seat(String.format("示例代表%03d", i), String.format("Sample Deputy %03d", i),
                    String.format("12%03d", i), delegation, null));
        }
        assemblies.addToRoster(viewer, term, seats);
        long session = assemblies.convene(viewer, term, new Assemblies.SessionPlan(4, LocalDate.of(2023, 3, 14),
                LocalDate.of(2023, 3, 16), "区会议中心", "District Conference Centre", seedMeeting, seedItem,
                List.of("听取和审议鹤山区人民政府工作报告", "审查和批准鹤山区2022年国民经济和社会发展计划执行情况与2023年计划",
                        "审查和批准鹤山区2022年财政预算执行情况与2023年财政预算", "听取和审议鹤山区人民代表大会常务委员会工作报告",
                        "听取和审议鹤山区人民法院工作报告", "听取和审议鹤山区人民检察院工作报告"),
                List.of("关于鹤山区人民政府工作报告的决议", "关于鹤山区2023年财政预算的决议")));
        Map<String, String> leave = new java.util.LinkedHashMap<>();
        String[] reasons = {"因病住院", "因公出差", "因事请假"};
        for (int i = 0; i < 10; i++) {
            leave.put(String.format("12%03d", 20 + i * 23), reasons[i % reasons.length]);
        }
        // 268 due: 251 checked in, 10 on leave, 7 not arrived
        Set<String> absent = Set.of("12005", "12061", "12117", "12150", "12199", "12233", "12260");
        assemblies.holdPreparatoryMeeting(viewer, session, leave, absent, 21);
    }

    private void conference(Viewer viewer, Body cppcc, long seedMeeting, long seedItem) {
        long term = assemblies.openTerm(viewer, cppcc.id(), 9, LocalDate.of(2021, 12, 1));
        List<Assemblies.Seat> seats = new ArrayList<>();
        for (int i = 1; i <= 196; i++) {
            seats.add(new Assemblies.Seat(String.format("示例委员%03d", i), String.format("Sample Member %03d", i),
                    String.format("9%03d", i), SECTORS.get((i - 1) % SECTORS.size()), COMMITTEES.get((i - 1) % COMMITTEES.size())));
        }
        assemblies.addToRoster(viewer, term, seats);
        assemblies.convene(viewer, term, new Assemblies.SessionPlan(2, LocalDate.of(2023, 3, 13), LocalDate.of(2023, 3, 15),
                "区会议中心", "District Conference Centre", seedMeeting, seedItem,
                List.of("听取和审议政协鹤山区第九届委员会常务委员会工作报告", "听取和审议政协鹤山区第九届委员会常务委员会关于提案工作情况的报告"),
                List.of("政协鹤山区第九届委员会第二次会议政治决议")));
    }
}
