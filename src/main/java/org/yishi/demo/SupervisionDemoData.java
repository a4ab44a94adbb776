package org.yishi.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yishi.accounts.Account;
import org.yishi.accounts.AccountDraft;
import org.yishi.accounts.Accounts;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.directory.Directory;
import org.yishi.directory.Person;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.MeetingSummary;
import org.yishi.meetings.Meetings;
import org.yishi.supervision.Attachments;
import org.yishi.supervision.Colour;
import org.yishi.supervision.Priority;
import org.yishi.supervision.Proposal;
import org.yishi.supervision.Proposals;
import org.yishi.supervision.Recurrence;
import org.yishi.supervision.Source;
import org.yishi.supervision.Supervision;
import org.yishi.supervision.SupervisionDraft;
import org.yishi.supervision.SupervisionHistory;
import org.yishi.supervision.SupervisionItem;
import org.yishi.supervision.WarningSweeps;
import org.yishi.supervision.WarningThresholds;
import org.yishi.supervision.WorkingCalendar;

/**
 * Supervised items for the demo, loaded after {@link DemoData} under the same rules (and the same advisory lock) into
 * a database that has the demo's directory and no items yet: a few dozen items across the demo units in every state
 * and colour, some overdue, regular (recurring) items, a parent whose progress rolls up from its children, progress
 * reports with attachments, a request for more time waiting, a returned item and one sent back.
 *
 * <p>Items from the demo meetings' adopted decisions are confirmed from the proposals those decisions put in the
 * office's inbox (the proposals arrive asynchronously; they are awaited); two are left in the inbox to confirm and
 * one is dismissed. Every step goes through {@link Supervision} and {@link Proposals} as the office and the units'
 * liaisons, one account each. The story is then placed in time: the dates of its steps, reports and assignment are
 * moved back, and the warning colours set as the sweep sets them, so that the items show how they stand today.
 */
@Component
@Order(20)
class SupervisionDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SupervisionDemoData.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A liaison account for each demo unit leading items; 区民政局's is the demo account {@code liaison}. */
    private static final Map<String, String[]> LIAISONS = new LinkedHashMap<>();

    static {
        LIAISONS.put("区民政局", new String[] {"liaison", "区民政局联络员"});
        LIAISONS.put("区委办公室", new String[] {"liaison-qwb", "区委办联络员"});
        LIAISONS.put("区政府办公室", new String[] {"liaison-zfb", "区政府办联络员"});
        LIAISONS.put("区委宣传部", new String[] {"liaison-xcb", "区委宣传部联络员"});
        LIAISONS.put("区委精神文明建设委员会办公室", new String[] {"liaison-wmb", "区文明办联络员"});
        LIAISONS.put("共青团鹤山区委员会", new String[] {"liaison-tqw", "团区委联络员"});
        LIAISONS.put("青川区应急管理局", new String[] {"liaison-yjj", "青川区应急局联络员"});
        LIAISONS.put("青川区发展和改革委员会", new String[] {"liaison-fgw", "青川区发改委联络员"});
    }

    private final Supervision supervision;
    private final Proposals proposals;
    private final Attachments attachments;
    private final Accounts accounts;
    private final Directory directory;
    private final Meetings meetings;
    private final SupervisionHistory history;
    private final WarningSweeps sweeps;
    private final WarningThresholds thresholds;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final String mode;
    private final boolean embedded;
    private final String demoPassword;

    SupervisionDemoData(Supervision supervision, Proposals proposals, Attachments attachments, Accounts accounts,
            Directory directory, Meetings meetings, SupervisionHistory history, WarningSweeps sweeps,
            WarningThresholds thresholds, JdbcClient jdbc, TransactionTemplate tx,
            @Value("${yishi.demo-data:auto}") String mode, @Value("${yishi.db.url:}") String externalUrl,
            @Value("${YISHI_DEMO_PASSWORD:}") String demoPassword) {
        this.supervision = supervision;
        this.proposals = proposals;
        this.attachments = attachments;
        this.accounts = accounts;
        this.directory = directory;
        this.meetings = meetings;
        this.history = history;
        this.sweeps = sweeps;
        this.thresholds = thresholds;
        this.jdbc = jdbc;
        this.tx = tx;
        this.mode = mode.strip().toLowerCase(java.util.Locale.ROOT);
        this.embedded = externalUrl == null || externalUrl.isBlank();
        this.demoPassword = demoPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoData.wanted(mode, embedded) || itemsExist()) {
            return;
        }
        Map<String, Long> units = new HashMap<>();
        directory.units().forEach(u -> units.put(u.nameZh(), u.id()));
        Optional<Account> office = accounts.findByUsername("supervision");
        if (!units.keySet().containsAll(LIAISONS.keySet()) || office.isEmpty()) {
            return; // not the demo's directory, or its accounts are gone
        }
        Decisions decisions = decisions();
        if (decisions == null) {
            return;
        }
        Viewer officeViewer = new Viewer(office.get().id(), office.get().username(),
                Set.of(Permission.SUPERVISION_READ_ALL, Permission.SUPERVISION_MANAGE), null, null);
        Map<Long, Proposal> waiting = awaitProposals(officeViewer, decisions);
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", DemoData.LOCK).query(Object.class).single();
            if (itemsExist()) {
                return;
            }
            try {
                new Load(officeViewer, liaisons(units), units, waiting, decisions).all();
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        log.info("Demo supervision items loaded: decisions of the demo meetings confirmed, items in every state and colour");
    }

    private boolean itemsExist() {
        return !supervision.noItems();
    }

    // ------------------------------------------------------------------------------------------- the decisions

    /** The adopted agenda items of the two demo meetings held: Heshan, 27 February 2023; 青川区, 12 March 2024. */
    private record Decisions(long heshan, List<AgendaItem> heshanItems, long march, List<AgendaItem> marchItems) {

        /** The decisions the demo confirms or dismisses: the Heshan study and opinions, 青川区's plan, safety and appointments. */
        List<Long> all() {
            return List.of(heshanItems.get(0).id(), heshanItems.get(1).id(), marchItems.get(1).id(),
                    marchItems.get(2).id(), marchItems.get(3).id());
        }
    }

    private Decisions decisions() {
        List<MeetingSummary> held = meetings.listClosed(null, 100, 0);
        Optional<MeetingSummary> heshan = held.stream().filter(m -> m.date().equals(LocalDate.of(2023, 2, 27))).findFirst();
        Optional<MeetingSummary> march = held.stream().filter(m -> m.date().equals(LocalDate.of(2024, 3, 12))).findFirst();
        if (heshan.isEmpty() || march.isEmpty() || meetings.meeting(heshan.get().id()).items().size() < 2
                || meetings.meeting(march.get().id()).items().size() < 4) {
            return null;
        }
        return new Decisions(heshan.get().id(), meetings.meeting(heshan.get().id()).items(), march.get().id(),
                meetings.meeting(march.get().id()).items());
    }

    /** The proposals the demo meetings' decisions made, by agenda item, once they have all arrived (or the wait ends). */
    private Map<Long, Proposal> awaitProposals(Viewer office, Decisions decisions) {
        long until = System.nanoTime() + WAIT.toNanos();
        Map<Long, Proposal> found = new HashMap<>();
        while (true) {
            found.clear();
            proposals.pending(office).stream().filter(p -> decisions.all().contains(p.agendaItemId()))
                    .forEach(p -> found.put(p.agendaItemId(), p));
            if (found.size() == decisions.all().size() || System.nanoTime() > until) {
                if (found.size() < decisions.all().size()) {
                    log.warn("Only {} of the demo meetings' {} decisions reached the supervision inbox in time",
                            found.size(), decisions.all().size());
                }
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    // ------------------------------------------------------------------------------------------- the liaisons

    /** The liaison of each unit leading demo items, created when missing (password YISHI_DEMO_PASSWORD, else random). */
    private Map<Long, Viewer> liaisons(Map<String, Long> units) {
        Map<Long, Viewer> viewers = new HashMap<>();
        List<String> created = new ArrayList<>();
        LIAISONS.forEach((unit, account) -> {
            long unitId = units.get(unit);
            Account a = accounts.findByUsername(account[0]).orElseGet(() -> {
                created.add(account[0]);
                return accounts.createWithPassword(new AccountDraft(account[0], account[1],
                        demoPassword.isBlank() ? Accounts.generatePassword() : demoPassword, null, unitId),
                        List.of("liaison"));
            });
            Long linked = a.unitId() != null ? a.unitId() : unitId;
            viewers.put(linked, new Viewer(a.id(), a.username(), Set.of(Permission.SUPERVISION_REPORT), null, linked));
        });
        if (!created.isEmpty()) {
            log.info("Demo liaison accounts for the other units: {} ({})", String.join(", ", created),
                    demoPassword.isBlank() ? "with a random password; the system administrator can reset it"
                            : "with the password from YISHI_DEMO_PASSWORD");
        }
        return viewers;
    }

    // ------------------------------------------------------------------------------------------- the stories

    /** One load of the demo's items, told as stories of steps on given days. */
    private final class Load {

        private final Viewer office;
        private final Map<Long, Viewer> liaisons;
        private final Map<String, Long> units;
        private final Map<Long, Proposal> waiting;
        private final Decisions decisions;
        private final WorkingCalendar calendar = supervision.calendar();
        private final LocalDate today = LocalDate.now();

        Load(Viewer office, Map<Long, Viewer> liaisons, Map<String, Long> units, Map<Long, Proposal> waiting,
                Decisions decisions) {
            this.office = office;
            this.liaisons = liaisons;
            this.units = units;
            this.waiting = waiting;
            this.decisions = decisions;
        }

        private long unit(String name) {
            return units.get(name);
        }

        private LocalDate ago(int days) {
            return today.minusDays(days);
        }

        /** The deadline that gives an item started on {@code start} this colour today: the middle of its range. */
        private LocalDate due(Colour colour, LocalDate start) {
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate d = today; d.isBefore(today.plusDays(400)); d = d.plusDays(1)) {
                if (thresholds.colour(calendar, start, d, today) == colour) {
                    days.add(d);
                } else if (!days.isEmpty()) {
                    break;
                }
            }
            return days.isEmpty() ? today.plusDays(10) : days.get(days.size() / 2);
        }

        void all() {
            decisionItems();
            civilAffairs();
            parentWithChildren();
            otherUnits();
            sweeps.sweepNow(); // the colours, as the sweep sets them every few minutes
        }

        // ---------------------------------------------------------------- from the demo meetings' decisions

        private void decisionItems() {
            List<AgendaItem> h = decisions.heshanItems();
            List<AgendaItem> q = decisions.marchItems();
            LocalDate heshanNext = LocalDate.of(2023, 2, 28);
            LocalDate marchNext = LocalDate.of(2024, 3, 13);

            // the implementation opinions: drafted and carried out by the publicity department, closed in 2023
            confirm(h.get(1), List.of(draft("制定我区深入开展学雷锋活动的贯彻落实意见，报区委常委会审定后印发实施", "区委宣传部",
                    List.of("区委精神文明建设委员会办公室"), heshanNext, LocalDate.of(2023, 4, 28), Priority.HIGH, null)))
                    .get(0).assign(LocalDate.of(2023, 3, 1)).accept(LocalDate.of(2023, 3, 2))
                    .progress(LocalDate.of(2023, 3, 20), 50, "贯彻落实意见已起草，正在征求各成员单位意见。")
                    .complete(LocalDate.of(2023, 4, 20), "《关于深入开展学雷锋活动的实施意见》经区委常委会审定，已于4月18日印发。",
                            file("实施意见印发情况.txt", "《关于深入开展学雷锋活动的实施意见》\n鹤办发〔2023〕7号\n印发日期：2023年4月18日\n"))
                    .close(LocalDate.of(2023, 4, 24));

            // learning from Lei Feng made regular: a monthly report until closed
            confirm(h.get(0), List.of(draft("推动学雷锋志愿服务常态化，每月报送志愿服务活动开展情况", "区委精神文明建设委员会办公室",
                    List.of("共青团鹤山区委员会", "区民政局"), heshanNext, LocalDate.of(today.getYear() + 1, 12, 31), Priority.NORMAL,
                    Recurrence.MONTHLY))).get(0).assign(LocalDate.of(2023, 3, 1)).accept(LocalDate.of(2023, 3, 1))
                    .progress(ago(55), 60, "9月开展“邻里守望”志愿服务活动46场，参与志愿者1200余人次。")
                    .progress(ago(25), 70, "10月开展敬老助老志愿服务38场，新增注册志愿者310人。");

            // the livelihood projects, split in two: both done in 2024
            List<Story> split = confirm(q.get(1), List.of(
                    draft("细化2024年民生实事项目实施方案，明确每个项目的责任单位和时间节点", "青川区发展和改革委员会", List.of(),
                            marchNext, LocalDate.of(2024, 4, 30), Priority.NORMAL, null),
                    draft("建成社区养老服务中心3个", "区民政局", List.of("青川区发展和改革委员会"), marchNext,
                            LocalDate.of(2024, 11, 30), Priority.HIGH, null)));
            split.get(0).assign(LocalDate.of(2024, 3, 14)).accept(LocalDate.of(2024, 3, 15))
                    .complete(LocalDate.of(2024, 4, 26), "实施方案已细化并印发，12个项目均明确了责任单位和节点。").close(LocalDate.of(2024, 4, 29));
            split.get(1).assign(LocalDate.of(2024, 3, 14)).accept(LocalDate.of(2024, 3, 18))
                    .progress(LocalDate.of(2024, 7, 15), 60, "3个中心主体完工2个。")
                    .complete(LocalDate.of(2024, 11, 20), "3个社区养老服务中心已全部建成并投入运营。",
                            file("验收材料清单.txt", "1. 竣工验收报告\n2. 消防验收意见书\n3. 运营机构协议\n"))
                    .close(LocalDate.of(2024, 11, 28));

            // work safety: sent back once for want of the ledger, then closed
            confirm(q.get(2), List.of(draft("深入开展安全生产隐患排查整治，建立问题清单和整改台账", "青川区应急管理局", List.of(),
                    marchNext, LocalDate.of(2024, 6, 30), Priority.URGENT, null))).get(0)
                    .assign(LocalDate.of(2024, 3, 14)).accept(LocalDate.of(2024, 3, 14))
                    .progress(LocalDate.of(2024, 5, 10), 70, "已排查企业326家，发现隐患418处，整改391处。")
                    .complete(LocalDate.of(2024, 6, 20), "隐患排查整治已完成。")
                    .sendBack(LocalDate.of(2024, 6, 21), "未附整改台账，请补充逐项销号的整改台账后重新报送。")
                    .complete(LocalDate.of(2024, 6, 27), "已补充整改台账，418处隐患全部整改销号。",
                            file("整改台账.txt", "序号\t企业\t隐患\t整改情况\n1\t青川某建材公司\t配电箱未接地\t已整改\n"))
                    .close(LocalDate.of(2024, 6, 28));

            // the appointments are not supervised; the meeting's study and the Heshan sessions wait in the inbox
            Proposal appointments = waiting.get(q.get(3).id());
            if (appointments != null) {
                as(office);
                proposals.dismiss(office, appointments.id(), "干部任免事项按组织程序办理，不列入督办。");
            }
        }

        private List<Story> confirm(AgendaItem decision, List<SupervisionDraft> drafts) {
            Proposal p = waiting.get(decision.id());
            as(office);
            List<SupervisionItem> items = p != null ? proposals.confirm(office, p.id(), drafts) : drafts.stream()
                    .map(d -> supervision.register(office, new SupervisionDraft(Source.DECISION, d.sourceNote(),
                            meetingOf(decision), decision.id(), d.content(), d.leadUnitId(), d.coUnitIds(),
                            d.leaderPersonId(), d.receivedOn(), d.deadline(), d.replyRequirements(), d.priority(),
                            d.parentId(), d.weight(), d.recurrence(), d.recurrenceDays()), null)).toList();
            return items.stream().map(i -> new Story(i)).toList();
        }

        private long meetingOf(AgendaItem decision) {
            return decisions.heshanItems().contains(decision) ? decisions.heshan() : decisions.march();
        }

        private SupervisionDraft draft(String content, String lead, List<String> co, LocalDate received,
                LocalDate deadline, Priority priority, Recurrence recurrence) {
            return new SupervisionDraft(Source.DECISION, null, null, null, content, unit(lead),
                    co.stream().map(this::unit).toList(), leader(lead), received, deadline,
                    "请按时限报送办理进展，办结后报送办结报告并附相关材料。", priority, null, null, recurrence, null);
        }

        // ---------------------------------------------------------------- the demo liaison's unit

        private void civilAffairs() {
            String ca = "区民政局";
            // waiting to be accepted
            register(Source.INSTRUCTION, "区委书记批示", "开展困难群众冬季走访慰问，做到应保尽保、应救尽救", ca,
                    List.of("共青团鹤山区委员会"), ago(3), today.plusDays(35), Priority.HIGH).assign(ago(2));
            register(Source.HIGHER_TASK, "市民政局通知", "完成2026年度社会救助资金绩效自评并报送市民政局", ca, List.of(),
                    ago(2), today.plusDays(50), Priority.NORMAL).assign(ago(1));
            // in progress, yellow and orange
            LocalDate s1 = ago(75);
            register(Source.INSTRUCTION, "区长批示", "推进社区养老服务驿站建设，年内新建12个并投入运营", ca, List.of(),
                    s1.minusDays(2), due(Colour.YELLOW, s1), Priority.HIGH).assign(s1).accept(s1.plusDays(1))
                    .progress(ago(40), 40, "已完成选址12处，开工5处。")
                    .progress(ago(10), 65, "建成7处，另5处主体完工。",
                            file("驿站建设进度表.txt", "驿站\t进度\n东城街道\t已运营\n西山社区\t主体完工\n"));
            LocalDate s2 = ago(60);
            register(Source.HIGHER_TASK, "市委督查室转办", "开展城乡低保对象动态核查，清退不符合条件对象", ca, List.of(),
                    s2.minusDays(1), due(Colour.ORANGE, s2), Priority.NORMAL).assign(s2).accept(s2.plusDays(2))
                    .progress(ago(20), 55, "已核查低保对象2316户，拟清退41户。");
            // overdue (red)
            LocalDate s3 = ago(95);
            register(Source.INSTRUCTION, "区委副书记批示", "开展殡葬领域突出问题专项整治", ca, List.of("区委宣传部"),
                    s3.minusDays(3), ago(8), Priority.URGENT).assign(s3).accept(s3.plusDays(1))
                    .progress(ago(30), 60, "已检查经营性公墓3处、殡葬服务机构9家，立案2件。");
            // sent back once, in progress again
            LocalDate s4 = ago(40);
            register(Source.HIGHER_TASK, "市民政局部署", "规范社会组织登记管理专项行动", ca, List.of(), s4.minusDays(1),
                    today.plusDays(40), Priority.NORMAL).assign(s4).accept(s4.plusDays(1))
                    .progress(ago(20), 80, "已完成年检412家，责令整改17家。")
                    .complete(ago(6), "专项行动已完成。")
                    .sendBack(ago(5), "缺少整改台账和验收材料，请补充后重新报送。");
            // reported complete, waiting for the office's review
            LocalDate s5 = ago(50);
            register(Source.INSTRUCTION, "区长批示", "推行婚姻登记“跨省通办”，公布办理指南", ca, List.of(), s5.minusDays(1),
                    today.plusDays(20), Priority.NORMAL).assign(s5).accept(s5.plusDays(1))
                    .complete(ago(2), "婚姻登记“跨省通办”已于本月上线，办理指南已在区政府网站公布。",
                            file("办理指南.txt", "婚姻登记“跨省通办”办理指南\n一、办理条件\n二、所需材料\n三、办理流程\n"));
            // closed
            LocalDate s6 = ago(300);
            register(Source.HIGHER_TASK, "市委、市政府部署", "发放2026年春节困难群众一次性生活补助", ca, List.of(),
                    s6.minusDays(1), s6.plusDays(20), Priority.URGENT).assign(s6).accept(s6)
                    .complete(s6.plusDays(12), "补助资金已全部发放到户，共发放3286户。").close(s6.plusDays(14));
            // a request for more time waiting
            LocalDate s7 = ago(45);
            register(Source.INSTRUCTION, "区委书记批示", "推进区救助管理站改造提升", ca, List.of(), s7.minusDays(2),
                    today.plusDays(12), Priority.HIGH).assign(s7).accept(s7.plusDays(1))
                    .progress(ago(15), 50, "主体改造完成一半。")
                    .extension(ago(1), "施工许可审批延迟，需顺延工期30天。", today.plusDays(42));
            // returned as outside the unit's remit, for the office to assign again
            register(Source.HIGHER_TASK, "市安委会部署", "整治老旧小区电动自行车充电安全隐患", ca, List.of(), ago(3),
                    today.plusDays(30), Priority.HIGH).assign(ago(2)).giveBack(ago(1), "属应急管理、住建部门和街道职责，建议改由区应急管理局牵头。");
            // suspended
            LocalDate s8 = ago(80);
            register(Source.INSTRUCTION, "区长批示", "筹建区慈善超市二期", ca, List.of(), s8.minusDays(1),
                    today.plusDays(60), Priority.NORMAL).assign(s8).accept(s8.plusDays(2))
                    .suspend(ago(20), "选址调整，暂缓实施。");
        }

        // ---------------------------------------------------------------- a parent and its children

        private void parentWithChildren() {
            LocalDate start = ago(100);
            LocalDate deadline = today.plusDays(60);
            Story parent = register(Source.HIGHER_TASK, "市委办公室通知", "落实市委2026年为民办实事项目部署（全区分解落实）",
                    "区政府办公室", List.of(), start.minusDays(2), deadline, Priority.HIGH).assign(start).accept(start);
            child(parent, "新建社区老年助餐点8个", "区民政局", 3, start, deadline).accept(start.plusDays(1))
                    .progress(ago(12), 75, "已建成6个，另2个完成装修。");
            child(parent, "组建青年志愿服务队20支", "共青团鹤山区委员会", 2, start, deadline).accept(start.plusDays(1))
                    .complete(ago(20), "20支青年志愿服务队已组建并备案。").close(ago(18));
            child(parent, "建成新时代文明实践站15个", "区委宣传部", 1, start, deadline).accept(start.plusDays(2))
                    .progress(ago(9), 40, "已建成6个。");
        }

        private Story child(Story parent, String content, String lead, int weight, LocalDate start, LocalDate deadline) {
            as(office);
            SupervisionItem item = supervision.register(office, new SupervisionDraft(Source.HIGHER_TASK, "市委办公室通知",
                    null, null, content, unit(lead), List.of(), leader(lead), start.minusDays(1), deadline, null, Priority.NORMAL,
                    parent.id, weight, null, null), null);
            return new Story(item).assign(start);
        }

        // ---------------------------------------------------------------- the other units

        private void otherUnits() {
            LocalDate s1 = ago(30);
            register(Source.INSTRUCTION, "区委副书记批示", "开展“学雷锋”青年志愿服务月活动", "共青团鹤山区委员会",
                    List.of("区民政局"), s1.minusDays(1), due(Colour.YELLOW, s1), Priority.NORMAL).assign(s1).accept(s1.plusDays(1))
                    .progress(ago(8), 50, "已开展志愿服务活动26场。");
            LocalDate s2 = ago(200);
            as(office);
            new Story(supervision.register(office, new SupervisionDraft(Source.INSTRUCTION, "区委书记批示",
                    null, null, "化解信访积案，每月5日、20日报送化解进展", unit("区委办公室"), List.of(unit("区政府办公室")),
                    leader("区委办公室"),
                    s2.minusDays(1), LocalDate.of(today.getYear() + 1, 12, 31), "每月5日、20日前报送本期化解情况。", Priority.HIGH,
                    null, null, Recurrence.FIXED_DAYS, List.of(5, 20)), null)).assign(s2).accept(s2)
                    .progress(ago(19), 55, "本期化解积案4件，累计化解23件。").progress(ago(5), 60, "本期化解积案2件，累计化解25件。");
            LocalDate s3 = ago(45);
            register(Source.HIGHER_TASK, "省委网信办部署", "开展网络谣言专项治理", "区委宣传部", List.of(), s3.minusDays(1),
                    ago(4), Priority.HIGH).assign(s3).accept(s3.plusDays(3)).progress(ago(15), 70, "已处置网络谣言线索37条。");
            LocalDate s4 = ago(35);
            register(Source.INSTRUCTION, "区长批示", "完成汛后水毁设施修复", "青川区应急管理局", List.of(), s4.minusDays(1),
                    due(Colour.ORANGE, s4), Priority.URGENT).assign(s4).accept(s4).progress(ago(7), 70, "已修复水毁道路11处、堤防3处。");
            LocalDate s5 = ago(150);
            register(Source.HIGHER_TASK, "市发改委通知", "编制2027年重大项目清单", "青川区发展和改革委员会", List.of(),
                    s5.minusDays(1), s5.plusDays(60), Priority.NORMAL).assign(s5).accept(s5.plusDays(1))
                    .complete(s5.plusDays(50), "2027年重大项目清单已编制完成，共46个项目。").close(s5.plusDays(55));
            register(Source.HIGHER_TASK, "市文明委通知", "做好全国文明城区创建迎检准备工作", "区委精神文明建设委员会办公室",
                    List.of("区委宣传部", "区民政局"), today, today.plusDays(90), Priority.HIGH);
            LocalDate s6 = ago(40);
            register(Source.INSTRUCTION, "区长批示", "梳理政务服务“一网通办”事项清单", "区政府办公室", List.of(), s6.minusDays(1),
                    today.plusDays(15), Priority.NORMAL).assign(s6).accept(s6.plusDays(1))
                    .complete(ago(3), "已梳理“一网通办”事项612项，清单已公布。");
            LocalDate s7 = ago(25);
            register(Source.INSTRUCTION, "区委书记批示", "开展农村留守儿童关爱保护专项行动", "区民政局",
                    List.of("共青团鹤山区委员会"), s7.minusDays(1), today.plusDays(45), Priority.NORMAL)
                    .assign(s7).accept(s7.plusDays(1)).progress(ago(6), 30, "已完成摸底排查，建立关爱台账。");
            register(Source.HIGHER_TASK, "市民政局通知", "推进区域性养老服务中心等级评定", "区民政局", List.of(), ago(5),
                    today.plusDays(70), Priority.NORMAL);
        }

        private Story register(Source source, String note, String content, String lead, List<String> co,
                LocalDate received, LocalDate deadline, Priority priority) {
            as(office);
            return new Story(supervision.register(office, new SupervisionDraft(source, note, null, null, content,
                    unit(lead), co.stream().map(this::unit).toList(), leader(lead), received, deadline,
                    "请每月25日前报送进展，办结后5个工作日内报送办结报告。", priority, null, null, null, null), null));
        }

        /**
         * The responsible leader (责任领导) of an item led by this unit: the member of the district's standing committee
         * in charge of it, so that the ledger's column is filled in (issue 12). The division of work is the demo's own.
         */
        private Long leader(String leadUnit) {
            String name = switch (leadUnit) {
                case "区政府办公室", "区民政局" -> "Xing Yufu";
                case "区委办公室", "共青团鹤山区委员会" -> "Zhou Xiang";
                case "区委宣传部", "区委精神文明建设委员会办公室" -> "Wang Chunlei";
                case "青川区应急管理局", "青川区发展和改革委员会" -> "Chen Zhiyuan";
                default -> null;
            };
            return name == null ? null : directory.people().stream().filter(p -> name.equals(p.nameRomanized()))
                    .map(Person::id).findFirst().orElse(null);
        }

        // ---------------------------------------------------------------- one item's story

        private Attachments.Upload file(String name, String text) {
            return new Attachments.Upload(name, text.getBytes(StandardCharsets.UTF_8));
        }

        private void as(Viewer viewer) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    viewer.username(), null, viewer.permissions().stream().map(SimpleGrantedAuthority::new).toList()));
        }

        /** The hour of the day, or now when that is still to come (a step is never dated in the future). */
        private OffsetDateTime at(LocalDate day, int hour) {
            OffsetDateTime at = day.atTime(hour, 0).atZone(ZoneId.systemDefault()).toOffsetDateTime();
            OffsetDateTime now = OffsetDateTime.now();
            return at.isAfter(now) ? now : at;
        }

        /** An item taken through its steps, each on the day given. */
        private final class Story {

            final long id;
            final long lead;
            final LocalDate received;

            Story(SupervisionItem item) {
                this.id = item.id();
                this.lead = item.leadUnitId();
                this.received = item.receivedOn();
                lastStep(received, 9);
            }

            private Viewer liaison() {
                return liaisons.get(lead);
            }

            private void lastStep(LocalDate day, int hour) {
                history.dateLastStep(office, id, at(day, hour));
            }

            private void lastReport(LocalDate day, int hour) {
                history.dateLastReport(office, id, at(day, hour));
            }

            Story assign(LocalDate on) {
                as(office);
                supervision.assign(office, id, null);
                lastStep(on, 10);
                return this;
            }

            Story accept(LocalDate on) {
                as(liaison());
                supervision.accept(liaison(), id);
                lastStep(on, 15);
                return this;
            }

            Story giveBack(LocalDate on, String reason) {
                as(liaison());
                supervision.returnOutsideRemit(liaison(), id, reason);
                lastStep(on, 11);
                return this;
            }

            Story progress(LocalDate on, int percent, String text, Attachments.Upload... files) {
                as(liaison());
                attachments.report(liaison(), id, text, percent, false, List.of(files));
                lastReport(on, 16);
                return this;
            }

            Story complete(LocalDate on, String text, Attachments.Upload... files) {
                as(liaison());
                attachments.report(liaison(), id, text, 100, true, List.of(files));
                lastReport(on, 16);
                lastStep(on, 16);
                return this;
            }

            Story sendBack(LocalDate on, String reason) {
                as(office);
                supervision.sendBack(office, id, reason);
                lastStep(on, 10);
                return this;
            }

            Story close(LocalDate on) {
                as(office);
                supervision.close(office, id);
                lastStep(on, 14);
                return this;
            }

            Story suspend(LocalDate on, String reason) {
                as(office);
                supervision.suspend(office, id, reason);
                lastStep(on, 9);
                return this;
            }

            Story extension(LocalDate on, String reason, LocalDate newDeadline) {
                as(liaison());
                supervision.requestExtension(liaison(), id, reason, newDeadline);
                lastStep(on, 17);
                return this;
            }
        }
    }
}
