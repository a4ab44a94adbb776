package org.yishi.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.directory.Directory;
import org.yishi.directory.UnitDraft;
import org.yishi.meetings.Meetings;
import org.yishi.meetings.Procedure;
import org.yishi.meetings.Visibility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The supervision pages and the reports' attachments over HTTP, as the office and the units' liaisons use them: a
 * unit's inbox and what it lists, registering by hand with every refusal at once, the proposals inbox, and
 * attachments — too large, of the wrong kind, and read only by those who may see the item. Each test works with units
 * of its own, so the demo's items do not get in the way.
 */
@YishiIntegrationTest("yishi.demo-data=on")
@AutoConfigureMockMvc
class SupervisionPagesIntegrationTests {

    private static final AtomicInteger UNITS = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Directory directory;

    @Autowired
    Supervision supervision;

    @Autowired
    JdbcClient jdbc;

    private long unit;
    private long otherUnit;
    private Viewer office;
    private Viewer liaison;
    private Viewer otherLiaison;
    private TestAccounts.Login liaisonLogin;
    private TestAccounts.Login otherLogin;

    @BeforeEach
    void twoUnitsOfTheirOwn() {
        int n = UNITS.incrementAndGet();
        unit = directory.createUnit(new UnitDraft("测试督办单位" + n, "Test unit " + n, "测试" + n, 900 + n)).id();
        otherUnit = directory.createUnit(new UnitDraft("另一测试单位" + n, "Other test unit " + n, "另一" + n, 950 + n)).id();
        office = viewer(TestAccounts.of(accounts, "supervision"), null, Permission.SUPERVISION_READ_ALL,
                Permission.SUPERVISION_MANAGE);
        liaisonLogin = TestAccounts.liaison(accounts, unit);
        otherLogin = TestAccounts.liaison(accounts, otherUnit);
        liaison = viewer(liaisonLogin, unit, Permission.SUPERVISION_REPORT);
        otherLiaison = viewer(otherLogin, otherUnit, Permission.SUPERVISION_REPORT);
    }

    private Viewer viewer(TestAccounts.Login login, Long unitId, String... permissions) {
        var account = accounts.findByUsername(login.username()).orElseThrow();
        return new Viewer(account.id(), account.username(), Set.of(permissions), null, unitId);
    }

    // ------------------------------------------------------------------------------------------- helpers

    private SupervisionItem register(long lead, List<Long> co, LocalDate received, LocalDate deadline, String content) {
        return supervision.register(office, new SupervisionDraft(Source.INSTRUCTION, "区长批示", null, null, content, lead,
                co, null, received, deadline, null, null, null, null, null, null), null);
    }

    private SupervisionItem assigned(String content) {
        SupervisionItem item = register(unit, List.of(), LocalDate.now(), LocalDate.now().plusDays(40), content);
        return supervision.assign(office, item.id(), null);
    }

    private SupervisionItem inProgress(String content) {
        return supervision.accept(liaison, assigned(content).id());
    }

    /** Signs in through the login form, as a browser does, and sends the session cookie with each request. */
    private RequestPostProcessor as(TestAccounts.Login login) throws Exception {
        MockHttpServletResponse signedIn = mvc.perform(formLogin("/login").user(login.username()).password(login.password()))
                .andReturn().getResponse();
        Cookie session = signedIn.getCookie("SESSION");
        assertThat(session).as("the session cookie of %s", login.username()).isNotNull();
        return request -> {
            request.setCookies(session);
            return request;
        };
    }

    private RequestPostProcessor token(TestAccounts.Login login) {
        String token = accounts.issueToken(login.username(), login.password(), "test", 1).token();
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request, RequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who).with(csrf())).andReturn().getResponse();
    }

    private static String html(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsByteArray());
    }

    /** One part of a page: from the element with this id to the next card. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("the page has #%s", id).isNotNegative();
        int end = html.indexOf("class=\"card", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    private long reports(long itemId) {
        return jdbc.sql("select count(*) from progress_report where item_id = :i").param("i", itemId).query(Long.class).single();
    }

    private static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("files", name, "application/octet-stream", content);
    }

    // ------------------------------------------------------------------------------------------- attachments

    @Test
    void aReportCarriesItsFilesAndOnlyThoseWhoMaySeeTheItemReadThem() throws Exception {
        long id = inProgress("推进社区志愿服务站建设").id();
        byte[] notes = "已完成选址12处。\n".getBytes(StandardCharsets.UTF_8);
        MockHttpServletResponse reported = send(multipart("/api/supervision/items/" + id + "/reports")
                .file(file("现场照片.png", AttachmentTypesTests.PNG)).file(file("说明.txt", notes))
                .param("text", "已完成选址").param("percent", "30"), token(liaisonLogin));

        assertThat(reported.getStatus()).as(reported.getContentAsString()).isEqualTo(200);
        JsonNode body = json(reported);
        assertThat(body.get("item").get("progress").asInt()).isEqualTo(30);
        JsonNode files = body.get("report").get("attachments");
        assertThat(files.valueStream().map(f -> f.get("fileName").asString() + " " + f.get("contentType").asString()))
                .containsExactly("现场照片.png image/png", "说明.txt text/plain; charset=UTF-8");
        long text = files.get(1).get("id").asLong();

        MockHttpServletResponse download = send(get("/api/supervision/attachments/" + text), token(liaisonLogin));
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsByteArray()).isEqualTo(notes);
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''%E8%AF%B4%E6%98%8E.txt");
        assertThat(send(get("/api/supervision/attachments/" + text), token(TestAccounts.of(accounts, "office")))
                .getStatus()).isEqualTo(200);
        // another unit's liaison: neither the file nor the item's reports exist for them
        assertThat(send(get("/api/supervision/attachments/" + text), token(otherLogin)).getStatus()).isEqualTo(404);
        assertThat(send(get("/api/supervision/items/" + id + "/reports"), token(otherLogin)).getStatus()).isEqualTo(404);
        assertThat(send(get("/api/supervision/attachments/" + text), token(TestAccounts.of(accounts, "reader")))
                .getStatus()).isEqualTo(403);
        // the same through the pages
        assertThat(send(get("/supervision/attachments/" + text), as(liaisonLogin)).getContentAsByteArray()).isEqualTo(notes);
        assertThat(send(get("/supervision/attachments/" + text), as(otherLogin)).getStatus()).isEqualTo(404);
        String page = html(send(get("/supervision/items/" + id), as(liaisonLogin)));
        assertThat(section(page, "reports")).contains("现场照片.png").contains("说明.txt").contains("已完成选址");
    }

    @Test
    void aFileOverTheLimitIsRefusedByNameAndNothingIsKept() throws Exception {
        long id = inProgress("推进养老服务驿站建设").id();
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(AttachmentTypesTests.PDF, 0, big, 0, AttachmentTypesTests.PDF.length);

        MockHttpServletResponse refused = send(multipart("/api/supervision/items/" + id + "/reports")
                .file(file("验收材料.pdf", big)).file(file("照片.png", AttachmentTypesTests.PNG))
                .param("text", "已建成7处").param("percent", "60").header("Accept-Language", "en"), token(liaisonLogin));

        assertThat(refused.getStatus()).isEqualTo(400);
        JsonNode error = json(refused).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("files[0]");
        assertThat(error.get("message").asString())
                .isEqualTo("The attachment \"验收材料.pdf\" is 11 MB, more than the limit of 10 MB per file.");
        assertThat(reports(id)).isZero();
        assertThat(supervision.item(office, id).progress()).isZero();
    }

    @Test
    void aFileWhoseContentIsNotOfItsKindIsRefusedOnTheApiAndOnThePage() throws Exception {
        long id = inProgress("开展殡葬领域专项整治").id();
        MockHttpServletResponse refused = send(multipart("/api/supervision/items/" + id + "/reports")
                .file(file("整改报告.pdf", AttachmentTypesTests.EXE)).param("text", "已整改").param("percent", "50")
                .header("Accept-Language", "zh-CN"), token(liaisonLogin));
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(json(refused).get("errors").get(0).get("message").asString()).isEqualTo(
                "附件“整改报告.pdf”的类型不被接受，或内容与扩展名不符；可上传 PDF, PNG, JPG, GIF, WebP, DOCX, XLSX, DOC, XLS, TXT。");

        // the page answers the item redrawn with the reason at the top, and the text the user wrote is not lost
        MockHttpServletResponse page = send(multipart("/supervision/items/" + id + "/progress")
                .file(file("setup.exe", AttachmentTypesTests.EXE)).param("text", "").param("percent", "50")
                .header("HX-Request", "true"), as(liaisonLogin));
        assertThat(page.getStatus()).isEqualTo(400);
        String errors = section(html(page), "item-errors");
        assertThat(errors).contains("未能报送进展：").contains("附件“setup.exe”的类型不被接受").contains("请填写办理情况。");
        assertThat(reports(id)).isZero();

        // a good report through the page, without htmx, goes back to the item
        MockHttpServletResponse done = send(multipart("/supervision/items/" + id + "/completion")
                .file(file("整改台账.xlsx", AttachmentTypesTests.xlsx())).param("text", "整改完成"), as(liaisonLogin));
        assertThat(done.getRedirectedUrl()).isEqualTo("/supervision/items/" + id + "?done=completion");
        assertThat(supervision.item(office, id).state()).isEqualTo(ItemState.REPORTED);
        assertThat(reports(id)).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------- the unit's inbox

    @Test
    void aUnitsInboxListsWhatItHasToDoAndNothingOfOtherUnits() throws Exception {
        SupervisionItem toAccept = assigned("开展困难群众冬季走访慰问");
        SupervisionItem dueSoon = inProgress("城乡低保对象动态核查");
        // the warning sweep has found it running short of time
        jdbc.sql("update supervision_item set colour = 'YELLOW' where id = :i").param("i", dueSoon.id()).update();
        SupervisionItem overdue = register(unit, List.of(), LocalDate.now().minusDays(30), LocalDate.now().minusDays(1),
                "殡葬领域突出问题专项整治");
        supervision.assign(office, overdue.id(), null);
        supervision.accept(liaison, overdue.id());
        SupervisionItem sentBack = inProgress("规范社会组织登记管理");
        supervision.reportCompletion(liaison, sentBack.id(), "已完成");
        supervision.sendBack(office, sentBack.id(), "缺少整改台账和验收材料");
        SupervisionItem coOperated = register(otherUnit, List.of(unit), LocalDate.now(), LocalDate.now().plusDays(20),
                "开展青年志愿服务月活动");
        SupervisionItem others = register(otherUnit, List.of(), LocalDate.now(), LocalDate.now().plusDays(20), "另一单位的事项");

        RequestPostProcessor session = as(liaisonLogin);
        String page = html(send(get("/supervision/unit"), session));
        assertThat(page).contains("测试督办单位" + UNITS.get() + "督办事项");
        assertThat(section(page, "to-accept")).contains(toAccept.serial()).contains("id=\"accept-" + toAccept.id() + "\"")
                .doesNotContain(dueSoon.serial());
        assertThat(section(page, "due-soon")).contains(dueSoon.serial()).doesNotContain(overdue.serial());
        assertThat(section(page, "overdue")).contains(overdue.serial()).contains("已逾期1个工作日")
                .doesNotContain(dueSoon.serial());
        assertThat(section(page, "sent-back")).contains(sentBack.serial()).contains("退办理由：缺少整改台账和验收材料")
                .contains("重新报送");
        assertThat(section(page, "open")).contains(toAccept.serial(), dueSoon.serial(), overdue.serial(),
                sentBack.serial(), coOperated.serial()).contains("协办").doesNotContain(others.serial());

        // one click accepts it, and the inbox says so
        MockHttpServletResponse accepted = send(post("/supervision/items/" + toAccept.id() + "/accept").param("back", "unit"),
                session);
        assertThat(accepted.getRedirectedUrl()).isEqualTo("/supervision/unit?done=accept&item=" + toAccept.id());
        page = html(send(get(accepted.getRedirectedUrl()), session));
        assertThat(page).contains("已签收" + toAccept.serial() + "，进入办理。");
        assertThat(section(page, "to-accept")).doesNotContain(toAccept.serial());
        // from a page left open: accepting again is refused with what the item's state allows, and the item redrawn
        MockHttpServletResponse again = send(post("/supervision/items/" + toAccept.id() + "/accept")
                .header("HX-Request", "true"), session);
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(section(html(again), "item-errors")).contains("未能签收：")
                .contains("不能签收：督办件须为“已交办”，当前为“办理中”。");

        // another unit's inbox does not exist for a liaison; the office may look at any unit's
        assertThat(send(get("/supervision/unit?unit=" + otherUnit), session).getStatus()).isEqualTo(404);
        String officeView = html(send(get("/supervision/unit?unit=" + unit), as(TestAccounts.of(accounts, "office"))));
        assertThat(section(officeView, "open")).contains(toAccept.serial());
        assertThat(officeView).contains("id=\"unit-choice\"").doesNotContain("id=\"accept-");
    }

    // ------------------------------------------------------------------------------------------- registration

    @Test
    void registrationShowsEveryProblemAtOnceAndSavesNothing() throws Exception {
        long before = jdbc.sql("select count(*) from supervision_item").query(Long.class).single();
        RequestPostProcessor session = as(TestAccounts.of(accounts, "supervision"));

        MockHttpServletResponse refused = send(post("/supervision/items/new").param("source", "INSTRUCTION")
                .param("sourceNote", "区委书记批示（鹤委批〔2026〕5号）").param("content", " ").param("leadUnitId", "")
                .param("coUnitIds", String.valueOf(unit)).param("receivedOn", "2026-03-02").param("deadline", "2026-02-27")
                .param("priority", "HIGH").param("parentSerial", "督字〔1999〕1号").param("weight", "1")
                .param("recurrence", "FIXED_DAYS").param("recurrenceDays", "5, 40"), session);

        assertThat(refused.getStatus()).isEqualTo(200);
        String errors = section(html(refused), "form-errors");
        assertThat(errors).contains("督办内容不能为空。", "主办单位不能为空。", "办结时限不能早于收文日期。",
                "找不到编号为“督字〔1999〕1号”的督办件。", "请填写每月报送的日期，每个在1至28之间。");
        assertThat(html(refused)).contains("value=\"区委书记批示（鹤委批〔2026〕5号）\""); // what was typed stays
        assertThat(jdbc.sql("select count(*) from supervision_item").query(Long.class).single()).isEqualTo(before);

        // a decision is confirmed in the inbox, not registered by hand
        String decision = html(send(post("/supervision/items/new").param("source", "DECISION").param("content", "落实决定")
                .param("leadUnitId", String.valueOf(unit)).param("deadline", "2026-12-31"), session));
        assertThat(section(decision, "form-errors")).contains("会议决定形成的督办件请在“待确认”中确认。");

        SupervisionItem parent = register(unit, List.of(), LocalDate.now(), LocalDate.now().plusDays(60), "为民办实事项目");
        MockHttpServletResponse registered = send(post("/supervision/items/new").param("source", "HIGHER_TASK")
                .param("content", "新建社区老年助餐点8个").param("leadUnitId", String.valueOf(unit))
                .param("coUnitIds", String.valueOf(otherUnit)).param("receivedOn", LocalDate.now().toString())
                .param("deadline", LocalDate.now().plusDays(30).toString()).param("priority", "URGENT")
                .param("parentSerial", parent.serial()).param("weight", "3").param("recurrence", "FIXED_DAYS")
                .param("recurrenceDays", "5、20"), session);
        assertThat(registered.getRedirectedUrl()).startsWith("/supervision/items/").endsWith("?done=register");
        long id = Long.parseLong(registered.getRedirectedUrl().replaceAll("\\D+(\\d+)\\?.*", "$1"));
        SupervisionItem item = supervision.item(office, id);
        assertThat(item.parentId()).isEqualTo(parent.id());
        assertThat(item.weight()).isEqualTo(3);
        assertThat(item.recurrenceDays()).containsExactly(5, 20);
        assertThat(item.coUnitIds()).containsExactly(otherUnit);
        String page = html(send(get(registered.getRedirectedUrl()), session));
        assertThat(page).contains(item.serial()).contains("已登记。下一步：交办给主办单位。").contains(parent.serial());
        String coUnits = page.substring(page.indexOf("id=\"item-co-units\""));
        coUnits = coUnits.substring(0, coUnits.indexOf("</dd>"));
        assertThat(coUnits).as("the co-operating unit is named on the item page").contains("另一测试单位")
                .doesNotContain("null");
    }

    // ------------------------------------------------------------------------------------------- the proposals inbox

    @Test
    void adoptedDecisionsAreConfirmedSplitMergedOrDismissedFromTheInbox(@Autowired Meetings meetings,
            @Autowired Procedure procedure) throws Exception {
        String unitName = "测试督办单位" + UNITS.get();
        AdoptedDecisions held = AdoptedDecisions.plan(meetings, directory,
                new AdoptedDecisions.Item("研究部署冬季供暖保障工作", Visibility.PUBLIC, "会议要求，" + unitName + "牵头做好供暖保障。"),
                new AdoptedDecisions.Item("研究供暖设施改造事项", Visibility.PUBLIC, null),
                new AdoptedDecisions.Item("研究重大安全隐患处置事项", Visibility.CONFIDENTIAL, "涉密的结论"),
                new AdoptedDecisions.Item("研究春节慰问安排", Visibility.PUBLIC, null)).adopt(procedure);
        Map<Long, Long> proposals = held.awaitProposals(jdbc);
        long heating = proposals.get(held.items().get(0));
        long facilities = proposals.get(held.items().get(1));
        long confidential = proposals.get(held.items().get(2));
        long visits = proposals.get(held.items().get(3));
        RequestPostProcessor session = as(TestAccounts.of(accounts, "supervision"));

        String inbox = html(send(get("/supervision/proposals"), session));
        String card = section(inbox, "proposal-" + heating);
        assertThat(card).contains("研究部署冬季供暖保障工作").contains("牵头做好供暖保障");
        // the unit the decision names is proposed as the lead unit
        assertThat(card).containsPattern("<option value=\"" + unit + "\" selected=\"selected\">" + unitName);
        assertThat(section(inbox, "proposal-" + confidential)).contains("（涉密议题，内容不予显示）")
                .doesNotContain("研究重大安全隐患处置事项").doesNotContain("涉密的结论");

        // split in two; the second row lacks its deadline: nothing is kept, and the row is named
        String due = LocalDate.now().plusDays(30).toString();
        MockHttpServletResponse refused = send(post("/supervision/proposals/" + heating + "/confirm")
                .param("items[0].content", "做好供暖保障").param("items[0].leadUnitId", String.valueOf(unit))
                .param("items[0].deadline", due).param("items[0].priority", "HIGH")
                .param("items[1].content", "排查供热管网").param("items[1].leadUnitId", String.valueOf(otherUnit))
                .param("items[1].priority", "NORMAL"), session);
        assertThat(section(html(refused), "errors-" + heating)).contains("办结时限不能为空。");
        assertThat(html(refused)).contains("排查供热管网"); // the rows as typed
        assertThat(jdbc.sql("select count(*) from supervision_item where agenda_item_id = :a")
                .param("a", held.items().get(0)).query(Long.class).single()).isZero();

        var split = mvc.perform(post("/supervision/proposals/" + heating + "/confirm").with(session).with(csrf())
                .param("items[0].content", "做好供暖保障").param("items[0].leadUnitId", String.valueOf(unit))
                .param("items[0].deadline", due).param("items[0].priority", "HIGH")
                .param("items[1].content", "排查供热管网").param("items[1].leadUnitId", String.valueOf(otherUnit))
                .param("items[1].deadline", due).param("items[1].priority", "NORMAL")).andReturn();
        assertThat(split.getResponse().getRedirectedUrl()).isEqualTo("/supervision/proposals");
        assertThat((String) split.getFlashMap().get("notice")).startsWith("已拆分为2项督办件：督字〔");
        List<String> made = jdbc.sql("""
                select source || ' ' || meeting_id || ' ' || lead_unit_id from supervision_item
                where agenda_item_id = :a order by id""").param("a", held.items().get(0)).query(String.class).list();
        assertThat(made).containsExactly("DECISION " + held.meetingId() + " " + unit,
                "DECISION " + held.meetingId() + " " + otherUnit);

        // the facilities decision is carried out by the same item: found by its serial, and merged into it
        SupervisionItem first = supervision.item(office, jdbc.sql("select min(id) from supervision_item where agenda_item_id = :a")
                .param("a", held.items().get(0)).query(Long.class).single());
        String candidates = html(send(get("/supervision/proposals/" + facilities + "/candidates").param("q", first.serial()),
                session));
        assertThat(candidates).contains("id=\"merge-" + facilities + "-" + first.id() + "\"");
        MockHttpServletResponse merged = send(post("/supervision/proposals/" + facilities + "/merge")
                .param("itemId", String.valueOf(first.id())), session);
        assertThat(merged.getRedirectedUrl()).isEqualTo("/supervision/items/" + first.id() + "?done=merged");
        assertThat(section(html(send(get(merged.getRedirectedUrl()), session)), "log")).contains("并入会议决定")
                .contains("研究供暖设施改造事项");
        // the merged decision's ids are columns of the step: the page shows the decision even if the line's text goes
        assertThat(jdbc.sql("select meeting_id || ' ' || agenda_item_id from supervision_step where item_id = :i"
                + " and action = 'merge'").param("i", first.id()).query(String.class).single())
                .isEqualTo(held.meetingId() + " " + held.items().get(1));
        jdbc.sql("update supervision_step set reason = 'edited' where item_id = :i and action = 'merge'")
                .param("i", first.id()).update();
        assertThat(section(html(send(get(merged.getRedirectedUrl()), session)), "log")).contains("研究供暖设施改造事项");

        // dismissed only with a reason
        String noReason = html(send(post("/supervision/proposals/" + visits + "/dismiss").param("reason", " "), session));
        assertThat(section(noReason, "errors-" + visits)).contains("请填写理由。");
        assertThat(send(post("/supervision/proposals/" + visits + "/dismiss").param("reason", "属常规工作，不列入督办"), session)
                .getRedirectedUrl()).isEqualTo("/supervision/proposals");
        assertThat(html(send(get("/supervision/proposals"), session))).doesNotContain("id=\"proposal-" + heating + "\"")
                .doesNotContain("id=\"proposal-" + facilities + "\"").doesNotContain("id=\"proposal-" + visits + "\"")
                .contains("id=\"proposal-" + confidential + "\"");
    }
}
