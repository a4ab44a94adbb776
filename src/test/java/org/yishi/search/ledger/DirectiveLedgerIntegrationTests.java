package org.yishi.search.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
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
import org.yishi.meetings.DirectiveDraft;
import org.yishi.meetings.Directives;
import org.yishi.meetings.ItemDraft;
import org.yishi.meetings.ItemKind;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingDraft;
import org.yishi.meetings.MeetingKind;
import org.yishi.meetings.Meetings;
import org.yishi.meetings.Procedure;
import org.yishi.meetings.TimeOfDay;
import org.yishi.meetings.Visibility;
import org.yishi.platform.InvalidInput;
import org.yishi.search.ledger.DirectiveLedgerView.Conveying;
import org.yishi.search.ledger.DirectiveLedgerView.Filter;
import org.yishi.supervision.Source;
import org.yishi.supervision.Supervision;
import org.yishi.supervision.SupervisionDraft;
import tools.jackson.databind.JsonNode;

/**
 * The directive ledger: one central directive received by three bodies — one conveys it at a meeting held live, one
 * at a past meeting recorded afterwards (numbered by hand, as an imported meeting is), one not yet — with the measures
 * and the supervised items that came of it; its filters, its .xlsx export, and what a reader without the right to
 * internal items (or to another unit's supervised items) does not see. Each test builds its own bodies and directive.
 */
@YishiIntegrationTest("yishi.demo-data=off")
@AutoConfigureMockMvc
class DirectiveLedgerIntegrationTests {

    private static final AtomicInteger RUN = new AtomicInteger();
    private static final Viewer OFFICE = new Viewer(0, "ledger-test-office", Set.of(Permission.MEETING_READ_ALL,
            Permission.ITEM_READ_INTERNAL, Permission.SUPERVISION_READ_ALL, Permission.SUPERVISION_MANAGE), null, null);

    @Autowired
    RestTestClient http;
    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Directory directory;
    @Autowired
    Directives directives;
    @Autowired
    Meetings meetings;
    @Autowired
    Procedure procedure;
    @Autowired
    Supervision supervision;
    @Autowired
    DirectiveLedger ledger;

    private String title;
    private long county;
    private long cppcc;
    private long government;
    private long directive;
    private long liveMeeting;
    private long liveItem;
    private long pastItem;
    private long civilAffairs;
    private long education;
    private final LocalDate receivedByGovernment = LocalDate.now().minusDays(12);

    /** A body with a term and three members; returns the body and its members. */
    private record Committee(long body, List<Long> members) {
    }

    private Committee committee(BodyKind kind, String nameZh, String nameEn, String shortZh, int rank, String... people) {
        long body = directory.createBody(new BodyDraft(kind, nameZh, nameEn, shortZh, null, rank)).id();
        long term = directory.createTerm(body, new TermDraft(14, LocalDate.of(2021, 9, 1), null)).id();
        List<Long> members = new ArrayList<>();
        for (String name : people) {
            long person = directory.createPerson(new PersonDraft(name, null)).id();
            directory.addMember(term, new MembershipDraft(person, null, null));
            members.add(person);
        }
        return new Committee(body, members);
    }

    private long receive(long body, LocalDate receivedOn) {
        return directives.receive(new DirectiveDraft(body, title, "Xi Jinping's important speech " + RUN.get(),
                LocalDate.of(2024, 2, 1), receivedOn, "省委办公厅")).id();
    }

    private Meeting meeting(Committee c, LocalDate date, Integer sequence, long directiveId, Visibility visibility,
            String conclusions) {
        var item = new ItemDraft(null, ItemKind.CONVEY_STUDY, "传达学习" + title, null, true, visibility, conclusions,
                null, null, null, null, date.minusDays(3), directiveId);
        return meetings.plan(new MeetingDraft(c.body(), date, TimeOfDay.MORNING, "常委会议室", MeetingKind.REGULAR,
                c.members().getFirst(), null, true, c.members(), List.of(), List.of(), List.of(), null, null,
                List.of(item), sequence));
    }

    @BeforeEach
    void threeBodiesReceiveOneDirective() {
        int run = RUN.incrementAndGet();
        title = "习近平总书记在中央政治局第" + run + "次集体学习时的重要讲话";
        Committee a = committee(BodyKind.STANDING_COMMITTEE, "中共石门县委员会常务委员会" + run,
                "Standing Committee of the Shimen County Party Committee " + run, "县委常委会" + run, 130,
                "高建国", "孙立平", "何晓东");
        Committee b = committee(BodyKind.STANDING_COMMITTEE, "政协石门县委员会常务委员会" + run,
                "Standing Committee of the Shimen County CPPCC " + run, "县政协常委会" + run, 430, "赵文静", "钱海波", "李秀英");
        Committee g = committee(BodyKind.OTHER, "石门县人民政府常务会议" + run, null, null, 300, "周正");
        county = a.body();
        cppcc = b.body();
        government = g.body();
        directive = receive(county, LocalDate.of(2024, 2, 3));
        long cppccDirective = receive(cppcc, LocalDate.of(2024, 2, 5));
        receive(government, receivedByGovernment);

        Meeting live = meeting(a, LocalDate.of(2024, 3, 12), null, directive, Visibility.PUBLIC,
                "会议要求，全县各级各部门要把学习贯彻总书记重要讲话精神作为首要政治任务。");
        procedure.notify(live.id());
        procedure.open(live.id());
        liveMeeting = live.id();
        liveItem = live.items().getFirst().id();

        // a past meeting entered afterwards with its own number, as a readout import records it: held and closed
        Meeting past = meeting(b, LocalDate.of(2024, 2, 20), 7, cppccDirective, Visibility.INTERNAL,
                "会议强调，要组织委员深入学习，形成调研报告。");
        procedure.notify(past.id());
        procedure.open(past.id());
        procedure.close(past.id());
        pastItem = past.items().getFirst().id();

        civilAffairs = directory.createUnit(new UnitDraft("石门县民政局" + run, "Shimen Civil Affairs Bureau " + run, null, 10)).id();
        education = directory.createUnit(new UnitDraft("石门县教育局" + run, null, null, 11)).id();
        register(liveMeeting, liveItem, "制定全县学习贯彻方案", civilAffairs);
        register(liveMeeting, liveItem, "在中小学开展专题学习", education);
    }

    private void register(long meetingId, long itemId, String content, long unit) {
        supervision.register(OFFICE, new SupervisionDraft(Source.DECISION, null, meetingId, itemId, content, unit,
                List.of(), null, LocalDate.now(), LocalDate.now().plusMonths(2), null, null, null, null, null, null), null);
    }

    private static List<String> rows(DirectiveLedgerView view) {
        return view.conveyings().stream().map(c -> c.date() + " " + c.body() + " " + c.meeting() + " | " + c.measures()
                + " | " + c.supervisedItems().stream().map(s -> s.content() + " " + s.stateText()).toList()).toList();
    }

    @Test
    void theLedgerListsEveryBodysConveyingWithItsMeasuresAndItemsAndWhoHasNotConveyedIt() {
        DirectiveLedgerView view = ledger.of(OFFICE, directive, new Filter(null, null, null), Locale.SIMPLIFIED_CHINESE);
        int run = RUN.get();
        assertThat(view.directive().title()).isEqualTo(title);
        assertThat(rows(view)).containsExactly(
                "2024-02-20 县政协常委会" + run + " 十四届县政协常委会" + run + "第7次会议 | 会议强调，要组织委员深入学习，形成调研报告。 | []",
                "2024-03-12 县委常委会" + run + " 十四届县委常委会" + run + "第1次会议 | 会议要求，全县各级各部门要把学习贯彻总书记重要讲话精神作为首要政治任务。"
                        + " | [制定全县学习贯彻方案 已登记, 在中小学开展专题学习 已登记]");
        assertThat(view.notYetConveyed()).singleElement().satisfies(n -> {
            assertThat(n.bodyId()).isEqualTo(government);
            assertThat(n.receivedOn()).isEqualTo(receivedByGovernment);
            assertThat(n.daysSinceReceived()).isEqualTo(12);
        });

        // filtered by body, and by the meetings' dates
        assertThat(ledger.of(OFFICE, directive, new Filter(cppcc, null, null), Locale.SIMPLIFIED_CHINESE).conveyings())
                .extracting(Conveying::agendaItemId).containsExactly(pastItem);
        DirectiveLedgerView march = ledger.of(OFFICE, directive, new Filter(null, LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 3, 31)), Locale.SIMPLIFIED_CHINESE);
        assertThat(march.conveyings()).extracting(Conveying::agendaItemId).containsExactly(liveItem);
        assertThat(ledger.of(OFFICE, directive, new Filter(government, null, null), Locale.ENGLISH).conveyings()).isEmpty();
        assertThatThrownBy(() -> ledger.of(OFFICE, directive, new Filter(null, LocalDate.of(2024, 3, 31),
                LocalDate.of(2024, 3, 1)), Locale.ENGLISH)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void theApiAnswersInTheCallersLanguageAndRefusesABadFilter() {
        Api office = new Api(http).signedInAs(TestAccounts.of(accounts, "office"));
        JsonNode en = office.get("/api/directives/" + directive + "/ledger").expect(200).json();
        assertThat(en.get("directive").get("title").asString()).isEqualTo("Xi Jinping's important speech " + RUN.get());
        assertThat(en.get("conveyings").get(1).get("meeting").asString())
                .isEqualTo(meetingHeading(Locale.ENGLISH));
        assertThat(en.get("conveyings").get(1).get("supervisedItems").get(0).get("stateText").asString())
                .isEqualTo("Registered");
        assertThat(en.get("notYetConveyed").get(0).get("daysSinceReceived").asLong()).isEqualTo(12);
        assertThat(office.in("zh-CN").get("/api/directives/" + directive + "/ledger?from=2024-04-01&to=2024-03-01&bodyId=999999")
                .refusal()).containsExactlyInAnyOrder("bodyId: 找不到编号为 999999 的机构。", "to: 结束日期不能早于开始日期。");
        office.get("/api/directives/999999/ledger").problem(404);
        new Api(http).signedInAs(TestAccounts.of(accounts, "reader")).get("/api/directives/" + directive + "/ledger")
                .problem(403);
    }

    @Test
    void thePageShowsTheLedgerInBothLanguagesAndTheOpenApiDescriptionNamesIt() throws Exception {
        RequestPostProcessor office = as(TestAccounts.of(accounts, "office"));
        String page = page("/directives/" + directive + "/ledger", office, "zh-CN", 200);
        assertThat(page).contains("传达学习台账", title, "会议强调，要组织委员深入学习，形成调研报告。", "制定全县学习贯彻方案",
                "尚未传达的机构", "12 天", "/directives/" + directive + "/ledger.xlsx");
        String english = page("/directives/" + directive + "/ledger?bodyId=" + government, office, "en", 200);
        assertThat(english).contains("Directive ledger", "Bodies that have not conveyed it yet", "12 days",
                "No meeting has conveyed and studied this directive yet.", "ledger.xlsx?bodyId=" + government);
        // a reversed range: the problem in the results' place, in the reader's language
        assertThat(page("/directives/" + directive + "/ledger?from=2024-04-01&to=2024-03-01", office, "zh-CN", 400))
                .contains("结束日期不能早于开始日期。");
        assertThat(mvc.perform(get("/directives/" + directive + "/ledger.xlsx").with(office)).andReturn().getResponse()
                .getContentType()).startsWith(DirectiveLedgerXlsx.CONTENT_TYPE);
        String openApi = new Api(http).signedInAs(TestAccounts.of(accounts, "office")).get("/v3/api-docs").expect(200).text();
        assertThat(openApi).contains("/api/directives/{id}/ledger", "/api/directives/{id}/ledger.xlsx");
    }

    private RequestPostProcessor as(TestAccounts.Login login) throws Exception {
        MockHttpServletResponse signedIn = mvc.perform(formLogin("/login").user(login.username()).password(login.password()))
                .andReturn().getResponse();
        Cookie session = signedIn.getCookie("SESSION");
        assertThat(session).as("signed in as %s", login.username()).isNotNull();
        return request -> {
            request.setCookies(session);
            return request;
        };
    }

    private String page(String path, RequestPostProcessor who, String language, int status) throws Exception {
        RequestPostProcessor inLanguage = request -> {
            Cookie[] cookies = request.getCookies() == null ? new Cookie[0] : request.getCookies();
            Cookie[] with = java.util.Arrays.copyOf(cookies, cookies.length + 1);
            with[cookies.length] = new Cookie("yishi-lang", language);
            request.setCookies(with);
            return request;
        };
        MockHttpServletResponse response = mvc.perform(get(path).with(who).with(inLanguage)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(status);
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString();
    }

    private String meetingHeading(Locale locale) {
        return ledger.of(OFFICE, directive, new Filter(county, null, null), locale).conveyings().getFirst().meeting();
    }

    @Test
    void theExportHasOneRowPerConveyingThenTheBodiesNotYetConveyed() throws IOException {
        Api office = new Api(http).in("zh-CN").signedInAs(TestAccounts.of(accounts, "office"));
        Api.Answer answer = office.get("/api/directives/" + directive + "/ledger.xlsx").expect(200);
        assertThat(answer.headers().getContentType().toString()).startsWith(DirectiveLedgerXlsx.CONTENT_TYPE);
        int run = RUN.get();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("传达学习台账");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(title + "传达学习台账");
            assertThat(texts(sheet.getRow(1))).containsExactly("序号", "上级精神", "机构", "日期", "会议", "贯彻落实措施",
                    "督办事项", "办理情况");
            Row first = sheet.getRow(2);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("县政协常委会" + run);
            assertThat(first.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 2, 20));
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo("十四届县政协常委会" + run + "第7次会议");
            Row second = sheet.getRow(3);
            assertThat(second.getCell(1).getStringCellValue()).isEqualTo(title);
            assertThat(second.getCell(5).getStringCellValue()).startsWith("会议要求，全县各级各部门");
            assertThat(second.getCell(6).getStringCellValue()).contains("制定全县学习贯彻方案").contains("在中小学开展专题学习")
                    .containsPattern("督字〔\\d{4}〕\\d+号");
            assertThat(second.getCell(7).getStringCellValue()).contains("已登记，0%");
            Row pending = sheet.getRow(4);
            assertThat(pending.getCell(2).getStringCellValue()).isEqualTo("石门县人民政府常务会议" + run);
            assertThat(pending.getCell(4).getStringCellValue()).isEqualTo("尚未传达");
            assertThat(pending.getCell(7).getStringCellValue()).isEqualTo(receivedByGovernment + "收到，已12天");
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
        }
        // filtered as the page is
        Api.Answer one = office.get("/api/directives/" + directive + "/ledger.xlsx?bodyId=" + county).expect(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(one.body()))) {
            assertThat(book.getSheetAt(0).getRow(2).getCell(2).getStringCellValue()).isEqualTo("县委常委会" + run);
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(2);
        }
    }

    private static List<String> texts(Row row) {
        List<String> t = new ArrayList<>();
        row.forEach(c -> t.add(c.getStringCellValue()));
        return t;
    }

    @Test
    void aReaderWithoutTheRightToInternalItemsNeverSeesThemNorAnotherUnitsItems() {
        Viewer noInternal = new Viewer(0, "ledger-test-no-internal", Set.of(Permission.MEETING_READ_ALL), null, null);
        DirectiveLedgerView view = ledger.of(noInternal, directive, new Filter(null, null, null), Locale.SIMPLIFIED_CHINESE);
        // the CPPCC's conveying is internal: not shown, and its body not shown as not yet conveyed either
        assertThat(view.conveyings()).extracting(Conveying::agendaItemId).containsExactly(liveItem);
        assertThat(view.conveyings().getFirst().supervisedItems()).isEmpty();
        assertThat(view.notYetConveyed()).extracting(DirectiveLedgerView.NotYetConveyed::bodyId).containsExactly(government);

        Viewer liaison = new Viewer(0, "ledger-test-liaison", Set.of(Permission.MEETING_READ_ALL,
                Permission.SUPERVISION_REPORT), null, education);
        assertThat(ledger.of(liaison, directive, new Filter(null, null, null), Locale.SIMPLIFIED_CHINESE).conveyings()
                .getFirst().supervisedItems()).extracting(DirectiveLedgerView.Supervised::content)
                .containsExactly("在中小学开展专题学习");
    }
}
