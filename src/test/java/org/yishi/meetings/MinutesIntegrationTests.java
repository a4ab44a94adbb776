package org.yishi.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.directory.Directory;
import org.yishi.directory.PersonDraft;
import org.yishi.meetings.minutes.MeetingDocuments;
import org.yishi.meetings.minutes.MinutesApi;
import tools.jackson.databind.JsonNode;

/**
 * A standing committee meeting run through {@link Procedure} — notice, check-in, opening, a study item decided without
 * a vote, a named vote with a member's words and an absent member's written opinion, a confidential personnel item
 * with a recusal and a secret ballot, an internal item deferred — then its record and minutes through the API as
 * each role sees them, and the minutes taken to issue.
 */
@YishiIntegrationTest("yishi.demo-data=off")
class MinutesIntegrationTests {

    private static final String PLAN = MinutesStory.PLAN;
    private static final String PERSONNEL = MinutesStory.PERSONNEL;
    private static final String INTERNAL = MinutesStory.INTERNAL;

    @Autowired
    Directory directory;
    @Autowired
    Meetings meetings;
    @Autowired
    Procedure procedure;
    @Autowired
    MeetingDocuments documents;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RestTestClient http;

    private MinutesStory story;
    private Api office;
    private Api officeHead;
    private Api presiding;
    private Api member;
    private Api supervision;

    @BeforeEach
    void buildCommittee() {
        story = new MinutesStory(directory, meetings, procedure);
        office = signIn(TestAccounts.of(accounts, "office"));
        officeHead = signIn(MinutesStory.officeHead(accounts));
        presiding = signIn(TestAccounts.member(accounts, story.lin));
        member = signIn(TestAccounts.member(accounts, story.chen));
        supervision = signIn(TestAccounts.of(accounts, "supervision"));
    }

    private long holdMeeting(LocalDate date, boolean decideAll, boolean close) {
        return story.holdMeeting(date, decideAll, close);
    }

    private long heldAndClosed(int day) {
        return story.heldAndClosed(day);
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void theRecordKeepsEveryWordAndCountButNeverWhoChoseWhatInTheSecretBallot() throws Exception {
        long id = heldAndClosed(12);
        JsonNode record = office.in("zh-CN").get("/api/meetings/" + id + "/record").expect(200).json();
        assertThat(record.get("kind").asString()).isEqualTo("RECORD");
        String text = text(record);
        assertThat(text).contains("时间：2024年3月12日下午", "主持人：林海峰（区委书记）",
                "出席：8人：林海峰（区委书记）、陈志远（区委副书记、区长）", "请假：1人：黄振宇（赴省委党校学习）",
                "二、" + PLAN, "陈志远发言：同意方案，建议把老旧小区改造列为第一项。", "郑雅琴发言：资金来源尚不明确，不同意现在通过。",
                "黄振宇书面意见（未到会，记录在案，不计入表决）：同意方案。", "表决方式：记名投票",
                "表决情况：同意：林海峰、陈志远、刘晓岚、赵立新、孙明哲、周文静；不同意：郑雅琴；弃权：吴国栋",
                "计票结果：同意6票，不同意1票，弃权1票", "结果：应到会9人；赞成6票，超过4.5：通过。会议原则通过。",
                "三、" + PERSONNEL, "回避：赵立新（涉及本人亲属）", "表决方式：无记名投票",
                "表决情况：7人参加投票；无记名投票不记录个人的表决意见", "计票结果：同意5票，不同意1票，弃权1票",
                "结果：应到会9人，回避1人，以8人计；赞成5票，超过4：通过。", "四、" + INTERNAL, "结果：未经表决，决定：缓议。",
                "说明：意见分歧较大，待补充论证后再议。");
        JsonNode secret = section(record, 3);
        assertThat(text(secret)).doesNotContain("同意：", "不同意：", "弃权：", "林海峰", "郑雅琴");
        // the written opinion was recorded, not counted: 8 present, 8 ballots in the named vote
        assertThat(jdbc.sql("select count(*) from ballot b join agenda_item i on i.id = b.item_id where i.meeting_id = :m and i.position = 2")
                .param("m", id).query(Integer.class).single()).isEqualTo(8);
        // every reading of the record is audited
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'record.read' and subject_id = :m")
                .param("m", String.valueOf(id)).query(Integer.class).single()).isEqualTo(1);

        JsonNode en = office.get("/api/meetings/" + id + "/record?lang=en").expect(200).json();
        assertThat(text(en)).contains("Voting method: Secret ballot", "7 members voted; a secret ballot records no member’s choice",
                "Count: 6 yes, 1 no, 1 abstaining");
    }

    @Test
    void theMinutesStateTheDecisionsNotWhoSaidWhat() {
        long id = heldAndClosed(13);
        JsonNode answer = office.in("zh-CN").get("/api/meetings/" + id + "/minutes").expect(200).json();
        assertThat(answer.get("workflow").isNull()).isTrue();
        String text = text(answer.get("document"));
        assertThat(text).contains("八届区委常委会第1次会议纪要",
                "2024年3月13日下午，区委书记林海峰在区委第一会议室主持召开八届区委常委会第1次会议。会议应到9人，实到8人。现将会议议定事项纪要如下：",
                "一、传达学习习近平总书记近期重要讲话和重要指示精神", "会议传达学习了习近平总书记近期重要讲话和重要指示精神。",
                "二、" + PLAN, "会议经表决，原则同意《青川区2024年民生实事项目实施方案》。", "会议要求，各牵头单位要确保年内全部完成。",
                "三、" + PERSONNEL, "会议经表决，同意该事项。", "四、" + INTERNAL, "会议决定，该事项暂缓审议。意见分歧较大，待补充论证后再议。",
                "请假：黄振宇（赴省委党校学习）");
        assertThat(text).doesNotContain("发言", "资金来源尚不明确", "回避", "无记名投票");
    }

    @Test
    void theExportsCarryTheChineseTextInPdfAndDocx() throws Exception {
        long id = heldAndClosed(14);
        Api.Answer pdf = office.get("/api/meetings/" + id + "/record?format=pdf&lang=zh").expect(200);
        assertThat(pdf.headers().getContentType()).hasToString("application/pdf");
        assertThat(pdf.headers().getContentDisposition().getFilename()).isEqualTo("record-" + id + "-zh.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("黄振宇书面意见（未到会，记录在案，不计入表决）：同意方案。", "表决情况：7人参加投票");
        }
        Api.Answer docx = office.get("/api/meetings/" + id + "/minutes?format=docx&lang=zh").expect(200);
        assertThat(docx.headers().getContentType()).hasToString(MinutesApi.DOCX.toString());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            assertThat(doc.getParagraphs().stream().map(XWPFParagraph::getText).toList())
                    .contains("会议经表决，原则同意《青川区2024年民生实事项目实施方案》。");
        }
        assertThat(office.get("/api/meetings/" + id + "/minutes?format=odt").refusal())
                .containsExactly("format: The format must be json, pdf or docx, not \"odt\".");
    }

    @Test
    void itemsHiddenFromAViewerNeverAppearInTheirRecordOrMinutes() {
        long id = heldAndClosed(15);
        issue(id);
        // supervision may read internal items, not confidential ones
        JsonNode minutes = supervision.in("zh-CN").get("/api/meetings/" + id + "/minutes").expect(200).json();
        String text = text(minutes.get("document"));
        assertThat(text).contains("二、" + PLAN, "三、" + INTERNAL).doesNotContain(PERSONNEL, "四、");
        String pdf = office.get("/api/meetings/" + id + "/minutes?format=pdf&lang=zh").text();
        assertThat(pdf).startsWith("%PDF");

        // a record reader who may read neither internal nor confidential items
        Viewer narrow = new Viewer(999_001, "narrow", Set.of(Permission.MEETING_READ_ALL, Permission.RECORD_READ,
                Permission.MINUTES_READ), null, null);
        String record = documents.record(narrow, id, Locale.SIMPLIFIED_CHINESE).plainText();
        assertThat(record).contains("一、传达学习", "二、" + PLAN).doesNotContain(PERSONNEL, INTERNAL, "涉及本人亲属",
                "无记名投票", "三、");
        String issued = documents.minutes(narrow, id, Locale.SIMPLIFIED_CHINESE).document().plainText();
        assertThat(issued).contains("二、" + PLAN).doesNotContain(PERSONNEL, INTERNAL, "三、");
    }

    @Test
    void othersAreRefusedAndAMemberOfAnotherBodyFindsNoMeeting() {
        long id = heldAndClosed(16);
        Api liaison = signIn(TestAccounts.of(accounts, "liaison"));
        Api reader = signIn(TestAccounts.of(accounts, "reader"));
        liaison.get("/api/meetings/" + id + "/minutes").problem(403);
        reader.get("/api/meetings/" + id + "/minutes").problem(403);
        reader.get("/api/meetings/" + id + "/record").problem(403);
        member.get("/api/meetings/" + id + "/record").problem(403); // members do not read the record
        supervision.get("/api/meetings/" + id + "/record").problem(403);
        Api stranger = signIn(TestAccounts.member(accounts, story.outsider));
        stranger.get("/api/meetings/" + id + "/minutes").problem(404);
        stranger.post("/api/meetings/" + id + "/minutes/sign", Map.of()).problem(404);
        // before issue, minutes are for those who work on them only
        assertThat(supervision.get("/api/meetings/" + id + "/minutes").problem(409).get("detail").asString())
                .contains("have not been issued");
        // issue 11: a member reads minutes before issue only of the meetings they preside (they sign those off)
        member.get("/api/meetings/" + id + "/minutes").problem(404);
        presiding.get("/api/meetings/" + id + "/minutes").expect(200);
    }

    @Test
    void theWayToIssueRefusesEachStepOutOfTurn() {
        long open = holdMeeting(LocalDate.of(2024, 3, 17), true, false);
        assertThat(reasons(office.post("/api/meetings/" + open + "/minutes", Map.of()))).singleElement().asString()
                .startsWith("Minutes are drafted once the meeting is closed");
        long undecided = holdMeeting(LocalDate.of(2024, 3, 18), false, true);
        assertThat(reasons(office.post("/api/meetings/" + undecided + "/minutes", Map.of())))
                .containsExactly("Item 4 has not been decided; decide every item before drafting the minutes.");

        long id = heldAndClosed(19);
        office.post("/api/meetings/" + id + "/minutes/check", Map.of()).problem(409);
        JsonNode drafted = office.post("/api/meetings/" + id + "/minutes", Map.of()).expect(201).json();
        assertThat(drafted.get("state").asString()).isEqualTo("DRAFT");
        assertThat(reasons(office.post("/api/meetings/" + id + "/minutes", Map.of()))).hasSize(1);
        assertThat(reasons(office.post("/api/meetings/" + id + "/minutes/check", Map.of())))
                .containsExactly("The minutes are checked by someone other than who drafted them.");
        assertThat(reasons(office.post("/api/meetings/" + id + "/minutes/issue", Map.of()))).singleElement()
                .asString().contains("Signed off");
        officeHead.post("/api/meetings/" + id + "/minutes/check", Map.of()).expect(200);
        assertThat(reasons(member.post("/api/meetings/" + id + "/minutes/sign", Map.of())))
                .containsExactly("Only the person who presided over the meeting signs off its minutes.");
        assertThat(reasons(office.post("/api/meetings/" + id + "/minutes/issue", Map.of()))).hasSize(1);
        assertThat(officeHead.post("/api/meetings/" + id + "/minutes/send-back", Map.of()).refusal())
                .containsExactly("reason: Give the reason for sending the minutes back.");
        JsonNode back = officeHead.post("/api/meetings/" + id + "/minutes/send-back",
                Map.of("reason", "第二项表述需核实")).expect(200).json();
        assertThat(back.get("state").asString()).isEqualTo("DRAFT");
        assertThat(back.get("checkedBy").isNull()).isTrue();

        officeHead.post("/api/meetings/" + id + "/minutes/check", Map.of()).expect(200);
        presiding.post("/api/meetings/" + id + "/minutes/sign", Map.of()).expect(200);
        JsonNode issued = office.post("/api/meetings/" + id + "/minutes/issue", Map.of()).expect(200).json();
        assertThat(issued.get("state").asString()).isEqualTo("ISSUED");
        assertThat(meetings.meeting(id).state()).isEqualTo(MeetingState.MINUTES_ISSUED);
        assertThat(jdbc.sql("select action from audit_entry where subject_type = 'minutes' and subject_id = :m order by id")
                .param("m", String.valueOf(id)).query(String.class).list()).containsExactly("minutes.draft",
                "minutes.check", "minutes.send-back", "minutes.check", "minutes.sign", "minutes.issue");
        // issued minutes are read by all who may read minutes
        supervision.get("/api/meetings/" + id + "/minutes").expect(200);
    }

    @Test
    void issuedMinutesStayAsIssuedWhenTheDataChangesLater() {
        long id = heldAndClosed(20);
        issue(id);
        String before = text(office.in("zh-CN").get("/api/meetings/" + id + "/minutes").expect(200).json().get("document"));
        assertThat(before).contains("区委书记林海峰", "出席：林海峰、");

        directory.updatePerson(story.lin, new PersonDraft("林海锋", "Lin Haifeng"));
        jdbc.sql("update agenda_item set conclusions_zh = '会议要求，改写后的结论。' where meeting_id = :m and position = 2")
                .param("m", id).update();

        String after = text(office.in("zh-CN").get("/api/meetings/" + id + "/minutes").expect(200).json().get("document"));
        assertThat(after).isEqualTo(before);
        assertThat(office.get("/api/meetings/" + id + "/minutes?format=docx&lang=zh").expect(200).body()).isNotEmpty();
        // the record is written from the data as it stands, and shows the change
        assertThat(text(office.in("zh-CN").get("/api/meetings/" + id + "/record").expect(200).json()))
                .contains("主持人：林海锋（区委书记）", "会议结论：会议要求，改写后的结论。");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void issue(long id) {
        office.post("/api/meetings/" + id + "/minutes", Map.of()).expect(201);
        officeHead.post("/api/meetings/" + id + "/minutes/check", Map.of()).expect(200);
        presiding.post("/api/meetings/" + id + "/minutes/sign", Map.of()).expect(200);
        office.post("/api/meetings/" + id + "/minutes/issue", Map.of()).expect(200);
    }

    private Api signIn(TestAccounts.Login login) {
        return new Api(http).signedInAs(login);
    }

    private static List<String> reasons(Api.Answer answer) {
        List<String> reasons = new ArrayList<>();
        answer.problem(409).get("reasons").forEach(r -> reasons.add(r.asString()));
        return reasons;
    }

    private static JsonNode section(JsonNode document, int number) {
        for (JsonNode s : document.get("sections")) {
            if (!s.get("number").isNull() && s.get("number").asInt() == number) {
                return s;
            }
        }
        throw new AssertionError("no section " + number);
    }

    /**
     * The document's JSON read back as a reader reads it: "label：text" lines, headings numbered 一、/ 1., or a single
     * section's lines.
     */
    private static String text(JsonNode node) {
        StringBuilder out = new StringBuilder();
        if (!node.has("sections")) {
            fields(out, node.get("fields"), "：");
            return out.toString();
        }
        boolean english = node.get("language").asString().equals("en");
        String colon = english ? ": " : "：";
        out.append(node.get("title").asString()).append('\n');
        fields(out, node.get("header"), colon);
        for (JsonNode s : node.get("sections")) {
            if (!s.get("number").isNull()) {
                int n = s.get("number").asInt();
                out.append(english ? n + ". " : org.yishi.platform.ChineseNumerals.of(n) + "、")
                        .append(s.get("heading").asString()).append('\n');
            }
            fields(out, s.get("fields"), colon);
        }
        fields(out, node.get("footer"), colon);
        return out.toString();
    }

    private static void fields(StringBuilder out, JsonNode fields, String colon) {
        for (JsonNode f : fields) {
            if (!f.get("label").isNull()) {
                out.append(f.get("label").asString()).append(colon);
            }
            out.append(f.get("text").asString()).append('\n');
        }
    }
}
