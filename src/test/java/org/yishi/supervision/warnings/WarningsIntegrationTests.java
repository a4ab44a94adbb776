package org.yishi.supervision.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.directory.Directory;
import org.yishi.directory.UnitDraft;
import org.yishi.supervision.HolidayCalendar;
import org.yishi.supervision.Recurrence;
import org.yishi.supervision.WarningThresholds;
import org.yishi.supervision.WorkingCalendar;
import org.yishi.supervision.reports.Cycle;
import tools.jackson.databind.JsonNode;

/**
 * The warning sweep against PostgreSQL, with an SMTP server in the test: every item coloured as the rule says (the
 * set-based SQL against the Java rule), a worse colour noticed once to the unit and the office even when two sweeps
 * run at the same moment, notices read and marked through the API, regular items owing a report each cycle until
 * closed, the holiday calendar kept by the office, and a red item mailed once.
 */
@YishiIntegrationTest({"yishi.demo-data=on", "yishi.supervision.sweep-cron=-"})
class WarningsIntegrationTests {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopMail() {
        SMTP.stop();
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WarningSweep sweep;

    @Autowired
    HolidayCalendar holidays;

    @Autowired
    Accounts accounts;

    private Api office;
    private Api civilAffairs;
    private Api youthLeague;
    private long civilAffairsUnit;
    private long youthLeagueUnit;
    private final LocalDate today = LocalDate.now();
    private RestTestClient http;

    @BeforeEach
    void signIn(@Autowired RestTestClient http) {
        this.http = http;
        civilAffairsUnit = unit("区民政局");
        youthLeagueUnit = unit("共青团鹤山区委员会");
        office = new Api(http).signedInAs(TestAccounts.of(accounts, "supervision")).in("en");
        civilAffairs = new Api(http).signedInAs(TestAccounts.liaison(accounts, civilAffairsUnit)).in("en");
        youthLeague = new Api(http).signedInAs(TestAccounts.liaison(accounts, youthLeagueUnit)).in("en");
    }

    private long unit(String name) {
        return jdbc.sql("select id from unit where name_zh = :n").param("n", name).query(Long.class).single();
    }

    /** Registers, assigns and (unless told not to) accepts an item for the unit; returns its id. */
    private long inProgress(Api liaison, long unit, LocalDate receivedOn, LocalDate deadline, Map<String, Object> more) {
        Map<String, Object> draft = new HashMap<>(Map.of("source", "INSTRUCTION", "content", "做好冬季安全生产检查",
                "leadUnitId", unit, "receivedOn", receivedOn.toString(), "deadline", deadline.toString()));
        draft.putAll(more);
        long id = office.create("/api/supervision/items", draft, "/api/supervision/items/").get("id").asLong();
        office.post("/api/supervision/items/" + id + "/assign", Map.of()).expect(200);
        liaison.post("/api/supervision/items/" + id + "/accept", Map.of()).expect(200);
        return id;
    }

    /** As if the item had been assigned on {@code start}: its time runs from then. */
    private void assignedOn(long id, LocalDate start) {
        WorkingCalendar calendar = holidays.calendar();
        jdbc.sql("update supervision_item set start_on = :s, working_days_total = :t where id = :i").param("s", start)
                .param("t", calendar.between(start, item(id).get("deadline"))).param("i", id).update();
    }

    private Map<String, LocalDate> item(long id) {
        return jdbc.sql("select start_on, deadline from supervision_item where id = :i").param("i", id)
                .query((rs, n) -> Map.of("start", rs.getObject(1, LocalDate.class), "deadline", rs.getObject(2, LocalDate.class)))
                .single();
    }

    private String colour(long id) {
        return jdbc.sql("select colour from supervision_item where id = :i").param("i", id).query(String.class).single();
    }

    private List<String> notices(long itemId) {
        return jdbc.sql("""
                select coalesce(cast(unit_id as text), 'office') || ' ' || colour from supervision_notice
                where item_id = :i and obligation_id is null and kind = 'WARNING' order by unit_id nulls last, id""")
                .param("i", itemId).query(String.class).list();
    }

    @Test
    void theSweepColoursEveryItemAsTheRuleSays() {
        // a few holidays and perhaps a make-up working day in the coming days
        LocalDate soon = today.plusDays(5);
        office.post("/api/supervision/calendar", Map.of("holidays", List.of(today.plusDays(3).toString(),
                today.plusDays(10) + "~" + today.plusDays(12)), "workdays", soon.getDayOfWeek().getValue() >= 6
                ? List.of(soon.toString()) : List.of(), "note", "测试假日")).expect(200);
        WorkingCalendar calendar = holidays.calendar();
        Random random = new Random(20261124);
        List<String> states = List.of("REGISTERED", "ASSIGNED", "RETURNED", "IN_PROGRESS", "REPORTED", "SUSPENDED", "CLOSED");
        List<String> colours = List.of("GREEN", "YELLOW", "ORANGE", "RED");
        Map<Long, String[]> inserted = new HashMap<>();
        for (int n = 1; n <= 600; n++) {
            LocalDate start = today.minusDays(random.nextInt(120));
            LocalDate deadline = start.plusDays(random.nextInt(150));
            String state = states.get(random.nextInt(states.size()));
            String was = colours.get(random.nextInt(colours.size()));
            long id = jdbc.sql("""
                    insert into supervision_item (serial_year, serial_number, source, content, lead_unit_id, received_on,
                           deadline, state, colour, start_on, working_days_total)
                    values (1990, :n, 'INSTRUCTION', '随机督办件', :u, :start, :deadline, :state, :colour, :start, :total)
                    returning id""").param("n", n).param("u", n % 2 == 0 ? civilAffairsUnit : youthLeagueUnit)
                    .param("start", start).param("deadline", deadline).param("state", state).param("colour", was)
                    .param("total", calendar.between(start, deadline)).query(Long.class).single();
            inserted.put(id, new String[] {state, was, start.toString(), deadline.toString()});
        }

        WarningSweep.Result result = sweep.sweep(today);

        assertThat(result.swept()).isTrue();
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        inserted.forEach((id, row) -> {
            boolean counted = row[0].equals("ASSIGNED") || row[0].equals("IN_PROGRESS");
            String expected = counted ? WarningThresholds.DEFAULT.colour(calendar, LocalDate.parse(row[2]),
                    LocalDate.parse(row[3]), today).name() : row[1];
            String actual = colour(id);
            seen.merge((counted ? "counted " : "frozen ") + actual, 1, Integer::sum);
            if (!actual.equals(expected)) {
                wrong.add(id + " " + String.join(" ", row) + ": " + actual + ", expected " + expected);
            }
        });
        assertThat(wrong).as("items coloured against the rule").isEmpty();
        assertThat(seen.keySet()).as("every colour of a counted item occurs")
                .contains("counted GREEN", "counted YELLOW", "counted ORANGE", "counted RED");
        assertThat(sweep.sweep(today).itemsRecoloured()).as("a second sweep changes nothing").isZero();
    }

    @Test
    void aWorseColourIsNoticedOnceEvenWhenTwoNodesSweepAtOnce() throws Exception {
        WorkingCalendar calendar = holidays.calendar();
        LocalDate deadline = calendar.plus(today, 2);
        long id = inProgress(civilAffairs, civilAffairsUnit, today.minusDays(40), deadline, Map.of());
        assignedOn(id, today.minusDays(40)); // 2 of about 30 working days left: orange

        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<WarningSweep.Result>> two = new ArrayList<>();
        try (var threads = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                two.add(CompletableFuture.supplyAsync(() -> {
                    ready.countDown();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return sweep.sweep(today);
                }, threads));
            }
            ready.await();
            go.countDown();
        }
        List<WarningSweep.Result> results = two.stream().map(CompletableFuture::join).toList();

        assertThat(results).anyMatch(WarningSweep.Result::swept);
        assertThat(colour(id)).isEqualTo("ORANGE");
        assertThat(notices(id)).containsExactly(civilAffairsUnit + " ORANGE", "office ORANGE");
        sweep.sweep(today);
        assertThat(notices(id)).as("a later sweep notices nothing again").hasSize(2);

        // the day after the deadline it turns red: noticed again, once
        sweep.sweep(deadline.plusDays(1));
        assertThat(colour(id)).isEqualTo("RED");
        assertThat(notices(id)).containsExactly(civilAffairsUnit + " ORANGE", civilAffairsUnit + " RED", "office ORANGE",
                "office RED");
        // an extension brings it back to green, without a notice
        civilAffairs.post("/api/supervision/items/" + id + "/extension", Map.of("reason", "资金未到位",
                "newDeadline", today.plusDays(90).toString())).expect(204);
        office.post("/api/supervision/items/" + id + "/extension/decision", Map.of("approve", true)).expect(200);
        sweep.sweep(today);
        assertThat(colour(id)).isEqualTo("GREEN");
        assertThat(notices(id)).hasSize(4);
    }

    @Test
    void theUnitAndTheOfficeReadTheirOwnNotices() {
        long id = inProgress(civilAffairs, civilAffairsUnit, today.minusDays(30), today.minusDays(1), Map.of());
        sweep.sweep(today);
        assertThat(colour(id)).isEqualTo("RED");

        JsonNode mine = civilAffairs.get("/api/supervision/notices?unread=true").expect(200).json();
        JsonNode notice = mine.valueStream().filter(n -> n.get("itemId").asLong() == id).findFirst().orElseThrow();
        assertThat(notice.get("colour").asString()).isEqualTo("RED");
        assertThat(notice.get("unitId").asLong()).isEqualTo(civilAffairsUnit);
        assertThat(youthLeague.get("/api/supervision/notices").expect(200).json().valueStream()
                .noneMatch(n -> n.get("itemId").asLong() == id)).as("another unit does not see it").isTrue();
        youthLeague.post("/api/supervision/notices/" + notice.get("id").asLong() + "/read", Map.of()).problem(404);
        assertThat(office.get("/api/supervision/notices").expect(200).json().valueStream()
                .filter(n -> n.get("itemId").asLong() == id).map(n -> n.get("unitId").isNull()).toList())
                .as("the office has its own notice").containsExactly(true);

        civilAffairs.post("/api/supervision/notices/" + notice.get("id").asLong() + "/read", Map.of()).expect(204);
        assertThat(civilAffairs.get("/api/supervision/notices?unread=true").expect(200).json().valueStream()
                .noneMatch(n -> n.get("itemId").asLong() == id && "WARNING".equals(n.get("kind").asString()))).isTrue();
        assertThat(office.post("/api/supervision/notices/read-all", Map.of()).expect(200).json().get("marked").asInt())
                .isPositive();
        assertThat(office.get("/api/supervision/notices?unread=true").expect(200).json().size()).isZero();
    }

    @Test
    void aRegularItemOwesAReportEachCycleUntilItIsClosed() {
        WorkingCalendar calendar = holidays.calendar();
        LocalDate deadline = today.plusMonths(6);
        long monthly = inProgress(civilAffairs, civilAffairsUnit, today, deadline, Map.of("recurrence", "MONTHLY"));
        long fixed = inProgress(youthLeague, youthLeagueUnit, today, deadline,
                Map.of("recurrence", "FIXED_DAYS", "recurrenceDays", List.of(10, 25)));
        LocalDate assigned = today.minusDays(5); // as if assigned five days ago
        assignedOn(monthly, assigned);
        assignedOn(fixed, assigned);
        sweep.sweep(today);

        JsonNode owed = civilAffairs.get("/api/supervision/items/" + monthly + "/obligations").expect(200).json();
        YearMonth month = calendar.lastWorkingDay(YearMonth.from(today)).isBefore(today)
                ? YearMonth.from(today).plusMonths(1) : YearMonth.from(today);
        List<Cycle> cycles = Cycle.currentAndNext(Recurrence.MONTHLY, List.of(), today, calendar);
        assertThat(owed.valueStream().map(o -> o.get("period").asString() + " " + o.get("dueOn").asString()))
                .containsExactly(month + " " + calendar.lastWorkingDay(month), month.plusMonths(1) + " "
                        + calendar.lastWorkingDay(month.plusMonths(1)));
        JsonNode first = owed.get(0);
        // the first cycle runs from the day the item was assigned (if later than the cycle's start), and is coloured
        // by the same rule as items
        LocalDate firstStart = assigned.isAfter(cycles.get(0).startsOn()) ? assigned : cycles.get(0).startsOn();
        assertThat(first.get("startsOn").asString()).isEqualTo(firstStart.toString());
        assertThat(first.get("workingDaysTotal").asInt()).isEqualTo(calendar.between(firstStart, cycles.get(0).dueOn()));
        assertThat(first.get("colour").asString()).isEqualTo(WarningThresholds.DEFAULT
                .colour(calendar, firstStart, cycles.get(0).dueOn(), today).name());
        assertThat(owed.get(1).get("startsOn").asString()).isEqualTo(cycles.get(0).dueOn().toString());
        assertThat(office.get("/api/supervision/items/" + fixed + "/obligations").expect(200).json().valueStream()
                .map(o -> o.get("dueOn").asString()).toList()).as("fixed days, moved to working days")
                .isEqualTo(Cycle.currentAndNext(Recurrence.FIXED_DAYS, List.of(10, 25), today, calendar).stream()
                        .map(c -> c.dueOn().toString()).toList());
        youthLeague.get("/api/supervision/items/" + monthly + "/obligations").problem(404);

        // a progress report fulfils the current cycle's obligation
        civilAffairs.post("/api/supervision/items/" + monthly + "/progress",
                Map.of("text", "本月检查了12家企业", "percent", 20)).expect(200);
        JsonNode after = civilAffairs.get("/api/supervision/items/" + monthly + "/obligations").expect(200).json();
        assertThat(after.get(0).get("reportedAt").isNull()).isFalse();
        assertThat(after.get(0).get("reportId").isNull()).isFalse();
        assertThat(after.get(1).get("reportedAt").isNull()).as("the next cycle is still owed").isTrue();
        sweep.sweep(today);
        assertThat(civilAffairs.get("/api/supervision/items/" + monthly + "/obligations").expect(200).json().size())
                .as("no cycle twice").isEqualTo(2);

        // closed: no more obligations, while an open item goes on owing its reports
        civilAffairs.post("/api/supervision/items/" + monthly + "/completion", Map.of("text", "全年检查完成")).expect(200);
        office.post("/api/supervision/items/" + monthly + "/close", Map.of()).expect(200);
        LocalDate later = today.plusMonths(3);
        sweep.sweep(later);
        assertThat(civilAffairs.get("/api/supervision/items/" + monthly + "/obligations").expect(200).json().size())
                .isEqualTo(2);
        assertThat(office.get("/api/supervision/items/" + fixed + "/obligations").expect(200).json().valueStream()
                .map(o -> o.get("dueOn").asString()).toList())
                .containsAll(Cycle.currentAndNext(Recurrence.FIXED_DAYS, List.of(10, 25), later, calendar).stream()
                        .map(c -> c.dueOn().toString()).toList());
        // the owed obligations of the open item that passed unreported turned red, each noticed to its unit once
        assertThat(jdbc.sql("""
                select count(*) from report_obligation o where o.item_id = :i and o.reported_at is null
                and o.due_on < :later and o.colour <> 'RED'""").param("i", fixed).param("later", later)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from supervision_notice where item_id = :i and obligation_id is not null and unit_id = :u
                and colour = 'RED'""").param("i", fixed).param("u", youthLeagueUnit).query(Long.class).single())
                .isEqualTo(jdbc.sql("""
                        select count(*) from report_obligation where item_id = :i and reported_at is null
                        and due_on < :later""").param("i", fixed).param("later", later).query(Long.class).single());
        sweep.sweep(today);
    }

    @Test
    void theOfficeKeepsTheHolidayCalendarAndItemsCountWithIt() {
        int year = today.getYear() + 3;
        LocalDate nationalDay = LocalDate.of(year, 10, 1);
        assertThat(office.put("/api/supervision/calendar/" + nationalDay, Map.of("working", false, "note", "国庆节"))
                .expect(200).json().get("exception").asBoolean()).isTrue();
        civilAffairs.put("/api/supervision/calendar/" + nationalDay, Map.of("working", true)).problem(403);
        assertThat(civilAffairs.get("/api/supervision/calendar/" + nationalDay).expect(200).json().get("working")
                .asBoolean()).as("everyone in supervision reads the calendar").isFalse();
        assertThat(office.put("/api/supervision/calendar/" + nationalDay, Map.of("note", "国庆节")).refusal())
                .containsExactly("working: Choose whether the day is a public holiday or a make-up working day.");

        // a year's arrangements at once; one bad entry refuses them all
        List<String> refused = office.post("/api/supervision/calendar", Map.of("year", year,
                "holidays", List.of("10-02~10-08", "10-32"), "workdays", List.of("09-28", "10-08"))).refusal();
        assertThat(refused).containsExactly("holidays: \"10-32\" is not a date; write 10-01 or 2026-10-01, or a range 10-01~10-08.",
                "workdays: " + LocalDate.of(year, 10, 8) + " is given both as a holiday and as a make-up working day; keep only one.");
        assertThat(office.get("/api/supervision/calendar?year=" + year).expect(200).json().size()).isEqualTo(1);
        JsonNode entered = office.post("/api/supervision/calendar", Map.of("year", year,
                "holidays", List.of("10-02~10-08"), "workdays", List.of("09-28", "10-11"), "note", "国庆节、中秋节"))
                .expect(200).json();
        assertThat(entered.size()).isEqualTo(9);
        assertThat(office.get("/api/supervision/calendar?year=" + year).expect(200).json().valueStream()
                .map(d -> d.get("day").asString() + (d.get("working").asBoolean() ? " work" : " off")).toList())
                .contains(year + "-09-28 work", year + "-10-01 off", year + "-10-08 off", year + "-10-11 work");
        assertThat(jdbc.sql("select count(*) from audit_entry where action in ('calendar.set', 'calendar.enter')")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);

        // an item whose time spans a new holiday is given one working day less; removing it gives the day back
        long id = inProgress(civilAffairs, civilAffairsUnit, today, LocalDate.of(year, 12, 31), Map.of());
        int before = total(id);
        LocalDate weekday = LocalDate.of(year, 11, 3);
        while (weekday.getDayOfWeek().getValue() >= 6) {
            weekday = weekday.plusDays(1);
        }
        office.put("/api/supervision/calendar/" + weekday, Map.of("working", false, "note", "临时放假")).expect(200);
        assertThat(total(id)).isEqualTo(before - 1);
        office.delete("/api/supervision/calendar/" + weekday).expect(204);
        assertThat(total(id)).isEqualTo(before);
        assertThat(total(id)).isEqualTo(holidays.calendar().between(today, LocalDate.of(year, 12, 31)));
        office.delete("/api/supervision/calendar/" + weekday).problem(404);
    }

    private int total(long id) {
        return jdbc.sql("select working_days_total from supervision_item where id = :i").param("i", id)
                .query(Integer.class).single();
    }

    @Test
    void aRedItemIsMailedOnceToItsUnitAndTheOffice(@Autowired Directory directory) throws Exception {
        long unit = directory.createUnit(new UnitDraft("区应急管理局" + System.nanoTime() % 10000, null, null, null)).id();
        TestAccounts.Login liaisonLogin = TestAccounts.liaison(accounts, unit);
        accounts.changeEmail(accounts.findByUsername(liaisonLogin.username()).orElseThrow().id(), "liaison@unit.example.cn");
        accounts.changeEmail(accounts.findByUsername(TestAccounts.of(accounts, "supervision").username()).orElseThrow().id(),
                "office@duchashi.example.cn");
        Api liaison = new Api(http).signedInAs(liaisonLogin).in("en");
        long id = inProgress(liaison, unit, today.minusDays(30), today.minusDays(2), Map.of());
        String serial = office.get("/api/supervision/items/" + id).expect(200).json().get("item").get("serial").asString();

        sweep.sweep(today);
        sweep.sweep(today);

        // the assignment was mailed as new work when it was made (WorkNoticesIntegrationTests); the warning once
        List<MimeMessage> toUnit = mailsTo("liaison@unit.example.cn").stream()
                .filter(m -> subject(m).contains("督办预警")).toList();
        assertThat(toUnit).hasSize(1);
        String body = (String) toUnit.getFirst().getContent();
        assertThat(toUnit.getFirst().getSubject()).isEqualTo("【议事】督办预警 1 条 / [Yishi] 1 supervision warnings");
        assertThat(body).contains(serial + " 红灯（逾期），期限 " + today.minusDays(2) + "：做好冬季安全生产检查")
                .contains(serial + " is Red (overdue), due " + today.minusDays(2));
        assertThat(mailsTo("office@duchashi.example.cn")).anyMatch(m -> content(m).contains(serial));
        assertThat(liaison.get("/api/supervision/notices").expect(200).json().get(0).get("mailedAt").isNull()).isFalse();
    }

    private static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            for (Address a : m.getAllRecipients()) {
                if (a.toString().equals(address)) {
                    found.add(m);
                }
            }
        }
        return found;
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String content(MimeMessage m) {
        try {
            return (String) m.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
