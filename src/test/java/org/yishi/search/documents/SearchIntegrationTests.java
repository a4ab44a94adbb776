package org.yishi.search.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.directory.BodyDraft;
import org.yishi.directory.BodyKind;
import org.yishi.directory.Directory;
import org.yishi.directory.MembershipDraft;
import org.yishi.directory.PersonDraft;
import org.yishi.directory.TermDraft;
import org.yishi.directory.UnitDraft;
import org.yishi.meetings.ItemDraft;
import org.yishi.meetings.ItemKind;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingDraft;
import org.yishi.meetings.MeetingKind;
import org.yishi.meetings.Meetings;
import org.yishi.meetings.Procedure;
import org.yishi.meetings.TimeOfDay;
import org.yishi.meetings.Visibility;
import org.yishi.search.documents.SearchResults.Facet;
import org.yishi.search.documents.SearchResults.Hit;
import org.yishi.supervision.Source;
import org.yishi.supervision.Supervision;
import org.yishi.supervision.SupervisionDraft;
import tools.jackson.databind.JsonNode;

/**
 * Search over a meeting of a body of the test's own (a public item on volunteer service, an internal one on Party
 * building naming 王芳), held and closed, and two supervised items of two units: Chinese found word by word and
 * highlighted, never across two words; a liaison finding and counting only their unit's items; a reader never an
 * internal item, not even in a count or a facet; the index following a change; bad input answered clearly.
 */
@YishiIntegrationTest("yishi.demo-data=off")
class SearchIntegrationTests {

    private static final AtomicInteger RUN = new AtomicInteger();
    private static final Viewer OFFICE = new Viewer(0, "search-test-office", Set.of(Permission.MEETING_READ_ALL,
            Permission.ITEM_READ_INTERNAL, Permission.SUPERVISION_READ_ALL, Permission.SUPERVISION_MANAGE,
            Permission.READOUT_READ), null, null);
    private static final Viewer READER = new Viewer(0, "search-test-reader", Set.of(Permission.READOUT_READ), null, null);

    @Autowired
    RestTestClient http;
    @Autowired
    Accounts accounts;
    @Autowired
    Directory directory;
    @Autowired
    Meetings meetings;
    @Autowired
    Procedure procedure;
    @Autowired
    Supervision supervision;
    @Autowired
    SearchIndex index;
    @Autowired
    Search search;

    private long body;
    private long publicItem;
    private long internalItem;
    private long unitA;
    private long unitB;
    private long itemOfA;
    private long itemOfB;

    @BeforeEach
    void aMeetingAndTwoUnitsItems() {
        int run = RUN.incrementAndGet();
        body = directory.createBody(new BodyDraft(BodyKind.STANDING_COMMITTEE, "中共桃源县委员会常务委员会" + run,
                "Standing Committee of the Taoyuan County Party Committee " + run, "桃源县委常委会" + run, null, 140)).id();
        long term = directory.createTerm(body, new TermDraft(13, LocalDate.of(2021, 9, 1), null)).id();
        List<Long> members = new ArrayList<>();
        for (String name : List.of("王芳", "陈立新", "刘振华")) {
            long person = directory.createPerson(new PersonDraft(name, null)).id();
            directory.addMember(term, new MembershipDraft(person, null, null));
            members.add(person);
        }
        Meeting m = meetings.plan(new MeetingDraft(body, LocalDate.of(2024, 5, 6), TimeOfDay.MORNING, "县委常委会议室",
                MeetingKind.REGULAR, members.getFirst(), null, true, members, List.of(), List.of(), List.of(), null, null,
                List.of(new ItemDraft(null, ItemKind.DELIBERATE, "研究深入开展志愿服务工作", "volunteer service", true,
                                Visibility.PUBLIC, "会议要求，要把志愿服务融入基层治理。", null),
                        new ItemDraft(null, ItemKind.DELIBERATE, "听取基层党建工作汇报", null, true, Visibility.INTERNAL,
                                "会议指出，王芳同志牵头抓好党建工作。", null)), null));
        procedure.notify(m.id());
        procedure.open(m.id());
        procedure.close(m.id());
        publicItem = m.items().get(0).id();
        internalItem = m.items().get(1).id();
        unitA = directory.createUnit(new UnitDraft("桃源县民政局" + run, null, null, 20)).id();
        unitB = directory.createUnit(new UnitDraft("桃源县团委" + run, null, null, 21)).id();
        itemOfA = register("组建社区志愿服务队伍", unitA);
        itemOfB = register("建设志愿服务站点", unitB);
        index.refresh();
    }

    private long register(String content, long unit) {
        return supervision.register(OFFICE, new SupervisionDraft(Source.INSTRUCTION, "县长批示", null, null, content, unit,
                List.of(), null, LocalDate.now(), LocalDate.now().plusMonths(1), null, null, null, null, null, null),
                null).id();
    }

    private SearchResults find(Viewer viewer, String q, String kind, Long bodyId) {
        return search.search(viewer, new Search.Request(q, kind, bodyId, null, 0, 20), Locale.SIMPLIFIED_CHINESE);
    }

    private static List<Long> ids(SearchResults r, String kind) {
        return r.hits().stream().filter(h -> h.kind().equals(kind)).map(Hit::id).toList();
    }

    private static long count(List<Facet> facets, String value) {
        return facets.stream().filter(f -> f.value().equals(value)).mapToLong(Facet::count).sum();
    }

    @Test
    void chineseIsFoundWordByWordAndHighlighted() {
        SearchResults volunteer = find(OFFICE, "志愿服务", null, body);
        assertThat(ids(volunteer, "ITEM")).containsExactly(publicItem);
        assertThat(volunteer.hits().getFirst().snippet()).contains("<mark>志愿</mark><mark>服务</mark>")
                .contains("研究深入开展").doesNotContain("\t").doesNotContain("\u0002");
        // not across two words: 服务 + 志… never makes 务志
        assertThat(find(OFFICE, "务志", null, null).total()).isZero();
        // one- and two-character names and terms
        SearchResults name = find(OFFICE, "王芳", "ITEM", body);
        assertThat(ids(name, "ITEM")).containsExactly(internalItem);
        assertThat(name.hits().getFirst().snippet()).contains("<mark>王芳</mark>同志");
        assertThat(ids(find(OFFICE, "党建", null, body), "ITEM")).containsExactly(internalItem);
        assertThat(find(OFFICE, "党", null, body).total()).isZero();
        // words typed apart must all match; English too
        assertThat(ids(find(OFFICE, "党建 王芳", null, body), "ITEM")).containsExactly(internalItem);
        assertThat(ids(find(OFFICE, "Volunteer", null, body), "ITEM")).containsExactly(publicItem);
        SearchResults both = find(OFFICE, "志愿服务", "SUPERVISED_ITEM", null);
        assertThat(ids(both, "SUPERVISED_ITEM")).contains(itemOfA, itemOfB);
    }

    @Test
    void aLiaisonNeitherFindsNorCountsAnotherUnitsItems() {
        Viewer liaison = new Viewer(0, "search-test-liaison", Set.of(Permission.SUPERVISION_REPORT), null, unitA);
        SearchResults r = find(liaison, "志愿服务", null, null);
        assertThat(ids(r, "SUPERVISED_ITEM")).containsExactly(itemOfA);
        assertThat(r.total()).isEqualTo(1);
        assertThat(count(r.kinds(), "SUPERVISED_ITEM")).isEqualTo(1);
        assertThat(r.kinds()).extracting(Facet::value).containsExactly("SUPERVISED_ITEM");
        assertThat(find(liaison, "志愿服务站点", null, null).total()).isZero();
        assertThat(find(liaison, "志愿服务站点", null, null).kinds()).isEmpty();
    }

    @Test
    void aReaderNeverFindsAnInternalItemNorCountsIt() {
        assertThat(ids(find(READER, "志愿服务", null, body), "ITEM")).containsExactly(publicItem);
        SearchResults party = find(READER, "党建", null, body);
        assertThat(party.total()).isZero();
        assertThat(party.hits()).isEmpty();
        assertThat(party.kinds()).isEmpty();
        assertThat(party.bodies()).isEmpty();
        assertThat(party.years()).isEmpty();
        SearchResults name = find(READER, "王芳", null, null);
        assertThat(ids(name, "ITEM")).doesNotContain(internalItem);
        assertThat(count(name.bodies(), String.valueOf(body))).isZero();
        // nor supervised items
        assertThat(find(READER, "志愿服务", "SUPERVISED_ITEM", null).total()).isZero();
    }

    @Test
    void theIndexFollowsAChange() {
        assertThat(find(OFFICE, "垃圾分类", null, body).total()).isZero();
        procedure.recordConclusions(publicItem, "会议要求，推进垃圾分类进社区。", null);
        assertThat(index.refresh()).isPositive();
        assertThat(ids(find(OFFICE, "垃圾分类", null, body), "ITEM")).containsExactly(publicItem);
        assertThat(find(OFFICE, "基层治理", null, body).total()).isZero();
        // unchanged documents are not written again
        assertThat(index.refresh()).isZero();

        // an item taken off a planned meeting's agenda is no longer found
        List<Long> members = directory.members(directory.termOn(body, LocalDate.of(2024, 6, 3)).orElseThrow().id())
                .stream().map(m -> m.personId()).toList();
        ItemDraft first = new ItemDraft(null, ItemKind.DELIBERATE, "研究乡村振兴规划", null, true, Visibility.PUBLIC, null, null);
        ItemDraft second = new ItemDraft(null, ItemKind.DELIBERATE, "研究河长制工作", null, true, Visibility.PUBLIC, null, null);
        Meeting planned = meetings.plan(draft(members, List.of(first, second)));
        index.refresh();
        assertThat(find(OFFICE, "河长制", null, body).total()).isEqualTo(1);
        long kept = planned.items().getFirst().id();
        meetings.revise(planned.id(), draft(members, List.of(new ItemDraft(kept, ItemKind.DELIBERATE, "研究乡村振兴规划",
                null, true, Visibility.PUBLIC, null, null))));
        index.refresh();
        assertThat(find(OFFICE, "河长制", null, body).total()).isZero();
        assertThat(ids(find(OFFICE, "乡村振兴", null, body), "ITEM")).containsExactly(kept);
    }

    private MeetingDraft draft(List<Long> members, List<ItemDraft> items) {
        return new MeetingDraft(body, LocalDate.of(2024, 6, 3), TimeOfDay.AFTERNOON, "县委常委会议室", MeetingKind.REGULAR,
                members.getFirst(), null, true, members, List.of(), List.of(), List.of(), null, null, items, null);
    }

    @Test
    void badInputGetsAClearAnswerNeverAnErrorPage() {
        Api office = new Api(http).in("zh-CN").signedInAs(TestAccounts.of(accounts, "office"));
        assertThat(office.get("/api/search?q=" + "党".repeat(10_000)).refusal())
                .containsExactly("q: 搜索词太长：最多 200 个字符，现有 10000 个。");
        JsonNode operators = office.get("/api/search?q=!<->():* |，。？")
                .expect(200).json();
        assertThat(operators.get("total").asLong()).isZero();
        assertThat(operators.get("words").size()).isZero();
        assertThat(office.get("/api/search?q=x&kind=VOLUNTEER").refusal())
                .containsExactly("kind: 没有可筛选的类别“VOLUNTEER”；可选类别为 MEETING, ITEM, SUPERVISED_ITEM。");
        assertThat(new Api(http).signedInAs(TestAccounts.of(accounts, "office")).get("/api/search?q=x&year=99999")
                .refusal()).hasSize(1);
        JsonNode found = office.get("/api/search?q=志愿服务&bodyId=" + body).expect(200).json();
        assertThat(found.get("hits").get(0).get("kindText").asString()).isEqualTo("会议议题");
        assertThat(found.get("words").valueStream().map(JsonNode::asString)).containsExactly("志愿", "服务");
    }
}
