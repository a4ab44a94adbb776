package org.yishi.supervision.ledger;

import static org.yishi.supervision.ledger.LedgerFixture.spec;

import org.yishi.supervision.Colour;
import org.yishi.supervision.ItemState;
import org.yishi.supervision.Source;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.accounts.Accounts;
import org.yishi.directory.Directory;
import org.yishi.directory.Unit;
import tools.jackson.databind.JsonNode;

/**
 * The ledger's filters, sorts and pages through the API, checked against what the items are: every filter alone and
 * with others, several values of one filter, every sort column in both directions against the order computed here,
 * pages that add up to the whole. Run twice: as configured (pages found by walking the sort index) and with a walk
 * budget so small that pages are found by sorting the matching items ({@link LedgerSortedPathIntegrationTests}).
 */
abstract class LedgerQueryChecks {

    private static final Pattern SERIAL = Pattern.compile("〔(\\d{4})〕(\\d+)号");

    @Autowired
    RestTestClient http;

    @Autowired
    Accounts accounts;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    LedgerFixture f;
    long a;
    long b;
    long c;
    long p;
    long q;
    Map<String, Long> ids;
    String units;

    @BeforeEach
    void items() {
        f = new LedgerFixture(http, accounts, directory, jdbc);
        // ranks in the order c, a, b: sorting by unit follows the units' protocol order, not their names or ids
        a = f.unit("台账甲局", "甲局", 802);
        b = f.unit("台账乙局", "乙局", 803);
        c = f.unit("台账丙局", "丙局", 801);
        p = f.person("彭");
        q = f.person("秦");
        List<String> names = List.of("i1", "i2", "i3", "i4", "i5", "i6");
        List<Long> made = f.items(List.of(
                spec("i1 推进社区养老服务", a, List.of(b), p, "2024-01-10", "2024-03-01", Source.INSTRUCTION, ItemState.IN_PROGRESS, Colour.YELLOW, 40),
                spec("i2 编制年度计划", b, List.of(), q, "2024-02-01", "2024-02-20", Source.HIGHER_TASK, ItemState.REGISTERED, Colour.GREEN, null),
                spec("i3 整治背街小巷", c, List.of(a), p, "2023-12-01", "2024-06-30", Source.INSTRUCTION, ItemState.CLOSED, Colour.RED, 70),
                spec("i4 完善应急预案", a, List.of(), null, "2024-03-05", "2024-04-01", Source.HIGHER_TASK, ItemState.ASSIGNED, Colour.ORANGE, null),
                spec("i5 落实会议决定", c, List.of(), q, "2024-03-05", "2024-04-01", Source.DECISION, ItemState.SUSPENDED, Colour.GREEN, 10),
                spec("i6 建设志愿服务站", b, List.of(c), p, "2024-04-01", "2024-05-01", Source.INSTRUCTION, ItemState.REPORTED, Colour.RED, 60)));
        ids = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            ids.put(names.get(i), made.get(i));
        }
        units = "unit=" + a + "&unit=" + b + "&unit=" + c;
    }

    private JsonNode ledger(String query) {
        return f.office.get("/api/supervision/items?" + query).expect(200).json();
    }

    /** The names (i1…i6) of the rows of a page, in order. */
    private List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("rows").forEach(r -> names.add(r.get("content").asString().substring(0, 2)));
        return names;
    }

    @Test
    void eachFilterMatchesWhatItNames() {
        assertThat(names(ledger("unit=" + a))).as("lead or co-operating unit").containsExactlyInAnyOrder("i1", "i3", "i4");
        assertThat(names(ledger("unit=" + a + "&unit=" + b))).containsExactlyInAnyOrder("i1", "i2", "i3", "i4", "i6");
        assertThat(names(ledger(units + "&state=IN_PROGRESS&state=ASSIGNED"))).containsExactlyInAnyOrder("i1", "i4");
        assertThat(names(ledger(units + "&state=CLOSED"))).containsExactly("i3");
        assertThat(names(ledger(units + "&colour=RED"))).containsExactlyInAnyOrder("i3", "i6");
        assertThat(names(ledger(units + "&source=HIGHER_TASK"))).containsExactlyInAnyOrder("i2", "i4");
        assertThat(names(ledger(units + "&source=DECISION"))).containsExactly("i5");
        assertThat(names(ledger("leader=" + p))).containsExactlyInAnyOrder("i1", "i3", "i6");
        assertThat(names(ledger("leader=" + p + "&leader=" + q + "&state=REGISTERED"))).containsExactly("i2");
        assertThat(names(ledger(units + "&from=2024-03-01&to=2024-04-30"))).as("deadline, both ends included")
                .containsExactly("i1", "i4", "i5");
        assertThat(names(ledger(units + "&dateField=received&from=2024-03-01"))).containsExactly("i4", "i5", "i6");
        assertThat(names(ledger(units + "&dateField=received&to=2023-12-31"))).containsExactly("i3");
        assertThat(names(ledger("unit=" + a + "&colour=RED&state=CLOSED&leader=" + p))).containsExactly("i3");
        assertThat(names(ledger("unit=" + a + "&colour=GREEN"))).isEmpty();
    }

    @Test
    void aRowNamesItsUnitsLeaderAndLatestProgress() {
        JsonNode row = ledger("unit=" + a + "&state=IN_PROGRESS").get("rows").get(0);
        assertThat(row.get("serial").asString()).matches("督字〔2024〕\\d+号");
        assertThat(row.get("leadUnit").get("name").asString()).isEqualTo("Bureau 台账甲局 " + f.tag);
        assertThat(row.get("coUnits").get(0).get("name").asString()).isEqualTo("Bureau 台账乙局 " + f.tag);
        assertThat(row.get("leader").get("name").asString()).isEqualTo("彭" + f.tag);
        assertThat(row.get("latestProgress").asString()).isEqualTo("已完成40%：i1 推进社区养老服务");
        assertThat(row.get("progress").asInt()).isEqualTo(40);
        assertThat(row.get("colour").asString()).isEqualTo("YELLOW");
        JsonNode zh = f.office.in("zh-CN").get("/api/supervision/items?unit=" + a + "&state=IN_PROGRESS").expect(200).json();
        assertThat(zh.get("rows").get(0).get("leadUnit").get("name").asString()).isEqualTo("台账甲局" + f.tag);
    }

    @Test
    void everySortColumnOrdersBothWaysWithATiebreak() {
        Map<Long, Integer> rank = new HashMap<>();
        directory.units().forEach(u -> rank.put(u.id(), u.protocolRank()));
        List<JsonNode> all = new ArrayList<>();
        ledger(units + "&size=50").get("rows").forEach(all::add);
        assertThat(all).hasSize(6);
        Map<String, Comparator<JsonNode>> orders = new java.util.LinkedHashMap<>();
        Function<JsonNode, Long> id = r -> r.get("id").asLong();
        Function<JsonNode, String> deadline = r -> r.get("deadline").asString();
        orders.put("serial", Comparator.comparing((JsonNode r) -> serial(r, 1)).thenComparing(r -> serial(r, 2)));
        orders.put("deadline", Comparator.comparing(deadline).thenComparing(id));
        orders.put("received", Comparator.comparing((JsonNode r) -> r.get("receivedOn").asString()).thenComparing(id));
        orders.put("unit", Comparator.comparing((JsonNode r) -> rank.get(r.get("leadUnit").get("id").asLong()))
                .thenComparing(r -> r.get("leadUnit").get("id").asLong()).thenComparing(deadline).thenComparing(id));
        orders.put("state", Comparator.comparing((JsonNode r) -> ItemState.valueOf(r.get("state").asString()))
                .thenComparing(deadline).thenComparing(id));
        orders.put("colour", Comparator.comparing((JsonNode r) -> Colour.valueOf(r.get("colour").asString()))
                .thenComparing(deadline).thenComparing(id));
        orders.put("progress", Comparator.comparing((JsonNode r) -> r.get("progress").asInt())
                .thenComparing(deadline).thenComparing(id));
        for (var order : orders.entrySet()) {
            List<Long> ascending = all.stream().sorted(order.getValue()).map(id).toList();
            List<Long> descending = all.stream().sorted(order.getValue().reversed()).map(id).toList();
            assertThat(pageIds(ledger(units + "&sort=" + order.getKey()))).as("sort=%s", order.getKey())
                    .isEqualTo(ascending);
            assertThat(pageIds(ledger(units + "&sort=" + order.getKey() + "&dir=desc"))).as("sort=%s desc", order.getKey())
                    .isEqualTo(descending);
            assertThat(pageIds(ledger(units + "&state=IN_PROGRESS&state=CLOSED&state=REGISTERED&sort=" + order.getKey())))
                    .as("sort=%s of some states", order.getKey()).isEqualTo(all.stream().sorted(order.getValue())
                            .filter(r -> List.of("IN_PROGRESS", "CLOSED", "REGISTERED").contains(r.get("state").asString()))
                            .map(id).toList());
            for (String filter : List.of("colour=RED", "state=CLOSED", "state=IN_PROGRESS&colour=YELLOW",
                    "state=CLOSED&colour=RED", "dateField=received&from=2024-01-01&to=2024-03-31")) {
                String colour = filter.contains("colour=") ? filter.replaceAll(".*colour=(\\w+).*", "$1") : null;
                String state = filter.contains("state=") ? filter.replaceAll(".*state=(\\w+).*", "$1") : null;
                boolean received = filter.contains("dateField=received");
                assertThat(pageIds(ledger(units + "&" + filter + "&sort=" + order.getKey() + "&dir=desc")))
                        .as("%s, sort=%s desc", filter, order.getKey())
                        .isEqualTo(all.stream().sorted(order.getValue().reversed())
                                .filter(r -> colour == null || r.get("colour").asString().equals(colour))
                                .filter(r -> state == null || r.get("state").asString().equals(state))
                                .filter(r -> !received || r.get("receivedOn").asString().compareTo("2024-01-01") >= 0
                                        && r.get("receivedOn").asString().compareTo("2024-03-31") <= 0)
                                .map(id).toList());
            }
        }
        // by unit: c (rank 801) leads i5 and i3, then a (802): i1, i4, then b (803): i2, i6; each by deadline
        assertThat(names(ledger(units + "&sort=unit"))).containsExactly("i5", "i3", "i1", "i4", "i2", "i6");
        // i4 and i5 share their deadline: the earlier registered comes first, and last when reversed
        assertThat(names(ledger(units + "&sort=deadline"))).containsExactly("i2", "i1", "i4", "i5", "i6", "i3");
        assertThat(names(ledger(units + "&sort=deadline&dir=desc"))).containsExactly("i3", "i6", "i5", "i4", "i1", "i2");
        // without a sort: newest serial first; with a date range, by that date
        assertThat(pageIds(ledger(units))).isEqualTo(all.stream().sorted(orders.get("serial").reversed()).map(id).toList());
        assertThat(names(ledger(units + "&dateField=received&from=2024-01-01"))).containsExactly("i1", "i2", "i4", "i5", "i6");
    }

    private static int serial(JsonNode row, int group) {
        Matcher m = SERIAL.matcher(row.get("serial").asString());
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(group));
    }

    private static List<Long> pageIds(JsonNode page) {
        List<Long> list = new ArrayList<>();
        page.get("rows").forEach(r -> list.add(r.get("id").asLong()));
        return list;
    }

    @Test
    void pagesAddUpToTheWholeLedger() {
        List<Long> whole = pageIds(ledger(units + "&sort=deadline"));
        List<Long> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode answer = ledger(units + "&sort=deadline&size=2&page=" + page);
            assertThat(answer.get("more").asBoolean()).as("more after page %d", page).isEqualTo(page < 2);
            paged.addAll(pageIds(answer));
            if (page == 2) {
                assertThat(answer.get("total").asLong()).as("the total, known on the last page").isEqualTo(6);
            }
        }
        assertThat(paged).isEqualTo(whole);
        JsonNode beyond = ledger(units + "&sort=deadline&size=2&page=7");
        assertThat(beyond.get("rows")).isEmpty();
        assertThat(beyond.get("more").asBoolean()).isFalse();
        JsonNode count = f.office.get("/api/supervision/items/count?" + units + "&colour=RED").expect(200).json();
        assertThat(count.get("count").asLong()).isEqualTo(2);
        assertThat(count.get("exact").asBoolean()).isTrue();
    }

    @Test
    void aLiaisonSeesOnlyTheItemsOfTheirUnit() {
        Api liaisonOfA = new Api(http).signedInAs(TestAccounts.liaison(accounts, a)).in("en");
        assertThat(names(liaisonOfA.get("/api/supervision/items?size=500").expect(200).json()))
                .containsExactlyInAnyOrder("i1", "i3", "i4");
        // asking for another unit's items gives only those the liaison's unit shares
        assertThat(names(liaisonOfA.get("/api/supervision/items?unit=" + b).expect(200).json())).containsExactly("i1");
        assertThat(names(liaisonOfA.get("/api/supervision/items?unit=" + c + "&sort=deadline").expect(200).json()))
                .containsExactly("i3");
        assertThat(liaisonOfA.get("/api/supervision/items/count").expect(200).json().get("count").asLong()).isEqualTo(3);
        for (Unit u : directory.units()) {
            if (u.id() != a && u.id() != b && u.id() != c) {
                assertThat(liaisonOfA.get("/api/supervision/items?unit=" + u.id()).expect(200).json().get("rows")).isEmpty();
            }
        }
    }
}
