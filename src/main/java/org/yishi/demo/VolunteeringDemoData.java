package org.yishi.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import org.yishi.volunteering.Volunteering;

/**
 * The regular volunteer service the reference meeting requires ("推动学雷锋活动融入日常、形成常态"): at a Heshan
 * community station (fictional, as are its volunteers), a standing programme on the 5th of every month, linked to the
 * supervised item that makes the service regular, and the March Lei Feng campaign, each with activities ahead to sign
 * up for. The demo account {@code station-manager} manages the station; {@code volunteer} is registered there.
 * Loaded after the supervision demo, under the same rules and lock, through the volunteering module's API.
 */
@Component
@Order(30)
class VolunteeringDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(VolunteeringDemoData.class);
    static final String STATION = "沙坪街道东风社区新时代文明实践站";
    static final String STANDING = "每月5日学雷锋志愿服务";
    static final String CAMPAIGN = "学雷锋志愿服务月";

    private final Volunteering volunteering;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final String mode;
    private final boolean embedded;
    private final ZoneId zone;

    VolunteeringDemoData(Volunteering volunteering, Accounts accounts, JdbcClient jdbc, TransactionTemplate tx,
            @Value("${yishi.demo-data:auto}") String mode, @Value("${yishi.db.url:}") String externalUrl,
            @Value("${yishi.volunteering.zone:Asia/Shanghai}") ZoneId zone) {
        this.volunteering = volunteering;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.tx = tx;
        this.mode = mode.strip().toLowerCase(java.util.Locale.ROOT);
        this.embedded = externalUrl == null || externalUrl.isBlank();
        this.zone = zone;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoData.wanted(mode, embedded)) {
            return;
        }
        Optional<Account> office = accounts.findByUsername("office");
        Optional<Account> manager = accounts.findByUsername("station-manager");
        Optional<Account> volunteer = accounts.findByUsername("volunteer");
        if (office.isEmpty() || manager.isEmpty() || volunteer.isEmpty()) {
            return; // not the demo's accounts
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", DemoData.LOCK).query(Object.class).single();
            if (jdbc.sql("select exists (select 1 from volunteer_station)").query(Boolean.class).single()) {
                return;
            }
            load(viewer(office.get(), Permission.VOLUNTEER_MANAGE), viewer(manager.get(), Permission.VOLUNTEER_STATION),
                    viewer(volunteer.get(), Permission.VOLUNTEER_SELF), manager.get().id());
            log.info("Demo data loaded: the volunteer service of {} (standing programme and March campaign)", STATION);
        });
    }

    private static Viewer viewer(Account a, String permission) {
        return new Viewer(a.id(), a.username(), Set.of(permission), null, null);
    }

    private void load(Viewer office, Viewer manager, Viewer volunteer, long managerAccount) {
        long centre = volunteering.addStation(office, "CENTRE", "鹤山区新时代文明实践中心", null, "鹤山区", List.of());
        long institute = volunteering.addStation(office, "INSTITUTE", "沙坪街道新时代文明实践所", centre, "鹤山区沙坪街道",
                List.of());
        long station = volunteering.addStation(office, "STATION", STATION, institute, "鹤山区沙坪街道东风社区",
                List.of(managerAccount));
        String area = "鹤山区沙坪街道东风社区";
        volunteering.registerSelf(volunteer, station, "林小雨", Volunteering.withCheckCharacter("44078419950305002"),
                area, "13800000001", List.of("摄影", "普通话"));
        volunteering.registerAtStation(manager, station, "梁志强", Volunteering.withCheckCharacter("44078419680712003"),
                area, "13800000002", List.of("理发"));
        volunteering.registerAtStation(manager, station, "陈美华", Volunteering.withCheckCharacter("44078419720921004"),
                area, "13800000003", List.of("急救", "护理"));
        volunteering.registerAtStation(manager, station, "何家乐", Volunteering.withCheckCharacter("44078420010115005"),
                area, "13800000004", List.of("家电维修"));

        Long regularItem = jdbc.sql("select id from supervision_item where content like '推动学雷锋志愿服务常态化%' "
                + "order by id limit 1").query(Long.class).optional().orElse(null);
        long standing = volunteering.startProgramme(manager, station, STANDING,
                "落实区委常委会“推动学雷锋活动融入日常、形成常态”的要求：每月5日在社区广场开展便民志愿服务。", List.of(5), null,
                null, regularItem);
        LocalDate today = LocalDate.now(zone);
        for (LocalDate day : nextFifths(today, 3)) {
            volunteering.addActivity(manager, standing, day, LocalTime.of(9, 0), LocalTime.of(11, 30), "东风社区文化广场",
                    "义务理发、磨刀、家电维修、健康咨询", 12, List.of("理发", "家电维修", "急救"));
        }
        int year = today.isAfter(LocalDate.of(today.getYear(), 3, 5)) ? today.getYear() + 1 : today.getYear();
        long campaign = volunteering.startProgramme(manager, station, CAMPAIGN,
                "3月5日学雷锋纪念日前后集中开展志愿服务。", List.of(), LocalDate.of(year, 3, 1), LocalDate.of(year, 3, 31),
                regularItem);
        volunteering.addActivity(manager, campaign, LocalDate.of(year, 3, 5), LocalTime.of(8, 30), LocalTime.of(11, 30),
                "东风社区党群服务中心", "学雷锋纪念日：敬老院探访、清洁家园", 20, List.of("护理"));
        volunteering.addActivity(manager, campaign, LocalDate.of(year, 3, 14), LocalTime.of(14, 0), LocalTime.of(16, 30),
                "沙坪街道图书馆", "青少年读书陪伴", 8, List.of("普通话"));
    }

    /** The next {@code n} fifths of a month from today on (today itself when it is the 5th). */
    static List<LocalDate> nextFifths(LocalDate today, int n) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate d = today.getDayOfMonth() <= 5 ? today.withDayOfMonth(5) : today.plusMonths(1).withDayOfMonth(5);
        for (int i = 0; i < n; i++) {
            days.add(d.plusMonths(i));
        }
        return days;
    }
}
