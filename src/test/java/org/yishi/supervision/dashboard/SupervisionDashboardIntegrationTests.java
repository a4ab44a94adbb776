package org.yishi.supervision.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.directory.Directory;
import org.yishi.supervision.Colour;
import org.yishi.supervision.ItemRows;
import org.yishi.supervision.ItemState;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's figures on a small data set whose every figure is known: counts by state and by colour (open items
 * only), the on-time rate per lead unit with closings on the deadline's last minute and just after it, the last 12
 * months of closings, and the oldest overdue items; each with the link to the ledger filtered to what it counts.
 * In a database of its own (the extra property gives this class its own application and database).
 */
@YishiIntegrationTest({"yishi.demo-data=off", "yishi.test.database=dashboard"})
class SupervisionDashboardIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    private final LocalDate today = LocalDate.now();
    private Api office;
    private long a;
    private long b;
    private long c;
    private final List<Long> ids = new ArrayList<>();
    private ItemRows rows;

    @BeforeEach
    void knownItems(@Autowired RestTestClient http, @Autowired Accounts accounts) {
        jdbc.sql("delete from supervision_item").update();
        rows = new ItemRows(jdbc, directory);
        a = rows.unit("区教育局", "District Education Bureau");
        b = rows.unit("区水利局", "District Water Resources Bureau");
        c = rows.unit("区审计局", "District Audit Bureau");
        office = new Api(http).signedInAs(TestAccounts.of(accounts, "supervision"));

        closed(a, today.minusDays(40), ItemRows.at(today.minusDays(45), 10, 0));                 // 0: on time
        closed(a, today.minusDays(40), ItemRows.at(today.minusDays(40), 23, 59));                // 1: on time, its last minute
        closed(a, today.minusDays(40), ItemRows.at(today.minusDays(39), 0, 1));                  // 2: late by a minute
        closed(b, today.minusDays(100), ItemRows.at(today.minusDays(90), 9, 0));                 // 3: late
        open(a, ItemState.IN_PROGRESS, today.minusDays(30), Colour.RED);                // 4: overdue 30 days
        open(b, ItemState.ASSIGNED, today.minusDays(5), Colour.RED);                    // 5: overdue 5 days
        open(b, ItemState.REPORTED, today.minusDays(20), Colour.RED);                   // 6: reported: not overdue
        open(c, ItemState.SUSPENDED, today.minusDays(60), Colour.RED);                  // 7: suspended: not overdue
        open(c, ItemState.IN_PROGRESS, today.plusDays(10), Colour.YELLOW);              // 8
        open(c, ItemState.REGISTERED, today.plusDays(30), Colour.GREEN);                // 9
        open(a, ItemState.RETURNED, today, Colour.ORANGE);                              // 10: due today: not overdue
        closed(b, today.plusDays(5), ItemRows.at(today, 0, 5));                                  // 11: on time, this month
        closed(c, today.minusDays(390), ItemRows.at(today.minusDays(395), 15, 0));               // 12: on time, 13 months ago
    }

    private void closed(long unit, LocalDate deadline, OffsetDateTime closedAt) {
        ids.add(rows.closed(unit, deadline, closedAt));
    }

    private void open(long unit, ItemState state, LocalDate deadline, Colour colour) {
        ids.add(rows.open(unit, state, deadline, colour));
    }

    private static Map<String, Long> counts(JsonNode bars) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        bars.forEach(bar -> counts.put(bar.get("key").asString(), bar.get("count").asLong()));
        return counts;
    }

    @Test
    void countsByStateAndByColourOfTheOpenItems() {
        JsonNode d = office.get("/api/supervision/dashboard").expect(200).json();

        assertThat(d.get("today").asString()).isEqualTo(today.toString());
        assertThat(counts(d.get("byState"))).containsExactly(Map.entry("REGISTERED", 1L), Map.entry("ASSIGNED", 1L),
                Map.entry("RETURNED", 1L), Map.entry("IN_PROGRESS", 2L), Map.entry("REPORTED", 1L),
                Map.entry("SUSPENDED", 1L), Map.entry("CLOSED", 6L));
        assertThat(counts(d.get("byColour"))).containsExactly(Map.entry("GREEN", 1L), Map.entry("YELLOW", 1L),
                Map.entry("ORANGE", 1L), Map.entry("RED", 4L));
        assertThat(d.get("total").asLong()).isEqualTo(13);
        assertThat(d.get("open").asLong()).isEqualTo(7);
        assertThat(d.get("byState").get(3).get("label").asString()).isEqualTo("In progress");
        assertThat(d.get("byState").get(3).get("link").asString()).isEqualTo("/supervision/ledger?state=IN_PROGRESS");
        assertThat(d.get("byColour").get(3).get("link").asString()).isEqualTo("/supervision/ledger?colour=RED"
                + "&state=REGISTERED&state=ASSIGNED&state=RETURNED&state=IN_PROGRESS&state=REPORTED&state=SUSPENDED");
    }

    @Test
    void theOnTimeRateIsClosedByTheDeadlineOverClosedPerLeadUnitLowestFirst() {
        JsonNode d = office.in("zh-CN").get("/api/supervision/dashboard").expect(200).json();

        List<String> rows = new ArrayList<>();
        d.get("onTime").forEach(r -> rows.add(r.get("unit").asString() + " " + r.get("onTime").asLong() + "/"
                + r.get("closed").asLong() + " " + r.get("percent").asString() + " " + r.get("link").asString()));
        assertThat(rows).containsExactly(
                "区水利局 1/2 50.0% /supervision/ledger?unit=" + b + "&unitRole=lead&state=CLOSED",
                "区教育局 2/3 66.7% /supervision/ledger?unit=" + a + "&unitRole=lead&state=CLOSED",
                "区审计局 1/1 100.0% /supervision/ledger?unit=" + c + "&unitRole=lead&state=CLOSED");
        assertThat(d.get("closed").asLong()).isEqualTo(6);
        assertThat(d.get("closedOnTime").asLong()).isEqualTo(4);
        assertThat(d.get("onTimePercent").asString()).isEqualTo("66.7%");
    }

    @Test
    void theLastTwelveMonthsOfClosingsOldestFirstWithEmptyMonths() {
        JsonNode d = office.get("/api/supervision/dashboard").expect(200).json();

        Map<String, Long> expected = new java.util.LinkedHashMap<>();
        YearMonth first = YearMonth.from(today).minusMonths(11);
        for (int i = 0; i < 12; i++) {
            expected.put(first.plusMonths(i).toString(), 0L);
        }
        // the closings of items 0, 1, 2, 3 and 11; item 12 closed 13 months ago is before the window
        for (LocalDate day : List.of(today.minusDays(45), today.minusDays(40), today.minusDays(39), today.minusDays(90),
                today)) {
            expected.merge(YearMonth.from(day).toString(), 1L, Long::sum);
        }
        assertThat(counts(d.get("closedPerMonth"))).containsExactlyEntriesOf(expected);
        JsonNode thisMonth = d.get("closedPerMonth").get(11);
        YearMonth now = YearMonth.from(today);
        assertThat(thisMonth.get("link").asString()).isEqualTo("/supervision/ledger?state=CLOSED&dateField=closed&from="
                + now.atDay(1) + "&to=" + now.atEndOfMonth());
        assertThat(thisMonth.get("label").asString())
                .isEqualTo(now.format(java.time.format.DateTimeFormatter.ofPattern("MMM uuuu", java.util.Locale.ENGLISH)));
    }

    @Test
    void theOldestOverdueItemsArePendingItemsPastTheirDeadlineOldestFirst() {
        JsonNode d = office.get("/api/supervision/dashboard").expect(200).json();

        assertThat(d.get("overdue").asLong()).isEqualTo(2);
        List<String> rows = new ArrayList<>();
        d.get("oldestOverdue").forEach(o -> rows.add(o.get("id").asLong() + " " + o.get("leadUnit").asString() + " "
                + o.get("deadline").asString() + " " + o.get("daysOverdue").asLong() + " " + o.get("state").asString()
                + " " + o.get("link").asString()));
        assertThat(rows).containsExactly(
                ids.get(4) + " District Education Bureau " + today.minusDays(30) + " 30 IN_PROGRESS /supervision/items/" + ids.get(4),
                ids.get(5) + " District Water Resources Bureau " + today.minusDays(5) + " 5 ASSIGNED /supervision/items/" + ids.get(5));
        assertThat(d.get("oldestOverdue").get(0).get("serial").asString()).matches("督字〔2000〕\\d+号");
        assertThat(d.get("overdueLink").asString()).isEqualTo("/supervision/ledger?state=REGISTERED&state=ASSIGNED"
                + "&state=RETURNED&state=IN_PROGRESS&dateField=deadline&to=" + today.minusDays(1) + "&sort=deadline&dir=asc");
    }

    @Test
    void onlyTheTenOldestOfManyOverdueItemsAreListed() {
        for (int i = 0; i < 12; i++) {
            open(b, ItemState.IN_PROGRESS, today.minusDays(100 + i), Colour.RED);
        }
        JsonNode d = office.get("/api/supervision/dashboard").expect(200).json();

        assertThat(d.get("overdue").asLong()).isEqualTo(14);
        List<Long> days = new ArrayList<>();
        d.get("oldestOverdue").forEach(o -> days.add(o.get("daysOverdue").asLong()));
        assertThat(days).containsExactly(111L, 110L, 109L, 108L, 107L, 106L, 105L, 104L, 103L, 102L);
    }

    @Test
    void anItemClosedThroughTheWorkflowCountsAtOnce(@Autowired RestTestClient http, @Autowired Accounts accounts) {
        Api liaison = new Api(http).signedInAs(TestAccounts.liaison(accounts, c));
        long id = office.create("/api/supervision/items", Map.of("source", "HIGHER_TASK", "content", "开展审计整改",
                "leadUnitId", c, "receivedOn", today.toString(), "deadline", today.plusDays(20).toString()),
                "/api/supervision/items/").get("id").asLong();
        office.post("/api/supervision/items/" + id + "/assign", Map.of()).expect(200);
        liaison.post("/api/supervision/items/" + id + "/accept", Map.of()).expect(200);
        liaison.post("/api/supervision/items/" + id + "/completion", Map.of("text", "整改完成")).expect(200);
        office.post("/api/supervision/items/" + id + "/close", Map.of()).expect(200);

        JsonNode d = office.get("/api/supervision/dashboard").expect(200).json();
        assertThat(counts(d.get("byState")).get("CLOSED")).isEqualTo(7);
        assertThat(d.get("onTime").get(2).get("unit").asString()).isEqualTo("District Audit Bureau");
        assertThat(d.get("onTime").get(2).get("closed").asLong()).isEqualTo(2);
        assertThat(d.get("onTime").get(2).get("onTime").asLong()).isEqualTo(2);
        // this month: item 11 and this one (the other closings are 39 days ago or more)
        assertThat(d.get("closedPerMonth").get(11).get("count").asLong()).isEqualTo(2);
    }

    /** The ledger's rows behind a dashboard link, through the API: the page (every row) and the count agree. */
    private long ledgerRows(String link) {
        assertThat(link).startsWith(DashboardView.LEDGER + "?");
        String query = link.substring(DashboardView.LEDGER.length() + 1);
        JsonNode page = office.get("/api/supervision/items?" + query + "&size=500").expect(200).json();
        assertThat(page.get("more").asBoolean()).isFalse();
        JsonNode count = office.get("/api/supervision/items/count?" + query).expect(200).json();
        assertThat(count.get("count").asLong()).as("count of %s", link).isEqualTo(page.get("rows").size());
        return page.get("rows").size();
    }

    @Test
    void everyChartLinksToTheLedgerRowsItCounts() {
        // a unit that co-operates on items led by others (closed and open): the rate counts only the items it leads
        jdbc.sql("insert into supervision_co_unit (item_id, unit_id) values (:i3, :a), (:i11, :a), (:i9, :a), (:i0, :c)")
                .param("i3", ids.get(3)).param("i11", ids.get(11)).param("i9", ids.get(9)).param("i0", ids.get(0))
                .param("a", a).param("c", c).update();
        // closings on the first and last minute of a month: counted in that month by the chart and by the ledger
        LocalDate firstOfThisMonth = YearMonth.from(today).atDay(1);
        closed(c, firstOfThisMonth, ItemRows.at(firstOfThisMonth, 0, 0));
        closed(b, firstOfThisMonth.minusDays(1), ItemRows.at(firstOfThisMonth.minusDays(1), 23, 59));
        JsonNode d = office.get("/api/supervision/dashboard").expect(200).json();

        List<String> checked = new ArrayList<>();
        for (String chart : List.of("byState", "byColour", "closedPerMonth")) {
            d.get(chart).forEach(bar -> {
                assertThat(ledgerRows(bar.get("link").asString())).as("%s %s: %s", chart, bar.get("key").asString(),
                        bar.get("link").asString()).isEqualTo(bar.get("count").asLong());
                checked.add(chart);
            });
        }
        d.get("onTime").forEach(rate -> {
            assertThat(ledgerRows(rate.get("link").asString())).as("onTime %s: %s", rate.get("unit").asString(),
                    rate.get("link").asString()).isEqualTo(rate.get("closed").asLong());
            checked.add("onTime");
        });
        assertThat(ledgerRows(d.get("overdueLink").asString())).isEqualTo(d.get("overdue").asLong());
        assertThat(checked).hasSize(7 + 4 + 12 + 3);

        // the figures themselves, so that the links are checked against known counts
        assertThat(counts(d.get("byState")).get("CLOSED")).isEqualTo(8);
        Map<Long, Long> closedByUnit = new java.util.HashMap<>();
        d.get("onTime").forEach(r -> closedByUnit.put(r.get("unitId").asLong(), r.get("closed").asLong()));
        assertThat(closedByUnit).containsExactlyInAnyOrderEntriesOf(Map.of(a, 3L, b, 3L, c, 2L));
        assertThat(ledgerRows("/supervision/ledger?unit=" + a + "&state=CLOSED")).as("led or co-operated on").isEqualTo(5);
        long thisMonth = d.get("closedPerMonth").get(11).get("count").asLong();
        long lastMonth = d.get("closedPerMonth").get(10).get("count").asLong();
        assertThat(thisMonth).isGreaterThanOrEqualTo(2);
        assertThat(lastMonth).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theLedgerRefusesAnUnknownUnitRoleAndClosedDatesNeedNoState() {
        assertThat(office.get("/api/supervision/items?unit=" + a + "&unitRole=co").refusal()).containsExactly(
                "unitRole: The value \"co\" of unitRole is not allowed; use one of: any, lead.");
        assertThat(office.in("zh-CN").get("/api/supervision/items?unitRole=主办").refusal()).containsExactly(
                "unitRole: 参数 unitRole 的值“主办”无效，可选：any, lead。");
        assertThat(office.get("/api/supervision/items?dateField=closing").refusal()).containsExactly(
                "dateField: The value \"closing\" of dateField is not allowed; use one of: deadline, received, closed.");
        // the day of closing, both ends included; open items have none
        LocalDate day = today.minusDays(40);
        JsonNode rows = office.get("/api/supervision/items?dateField=closed&from=" + day + "&to=" + day).expect(200)
                .json().get("rows");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("id").asLong()).isEqualTo(ids.get(1));
        assertThat(office.get("/api/supervision/items/count?dateField=closed&from=" + today.minusDays(45) + "&unit=" + a
                + "&unitRole=lead").expect(200).json().get("count").asLong()).isEqualTo(3);
    }

    @Test
    void aLiaisonMayNotSeeTheDashboard(@Autowired RestTestClient http, @Autowired Accounts accounts) {
        Api liaison = new Api(http).signedInAs(TestAccounts.liaison(accounts, a));
        assertThat(liaison.get("/api/supervision/dashboard").problem(403)).isNotNull();
    }
}
