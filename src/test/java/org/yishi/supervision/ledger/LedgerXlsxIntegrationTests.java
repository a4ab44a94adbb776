package org.yishi.supervision.ledger;

import static org.yishi.supervision.ledger.LedgerFixture.spec;

import org.yishi.supervision.Colour;
import org.yishi.supervision.ItemState;
import org.yishi.supervision.Source;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import tools.jackson.databind.JsonNode;

/**
 * The ledger as an Excel workbook: exported in the conventional layout, imported back unchanged (in either language),
 * a file with bad rows refused whole with each row named, files that are not ledgers refused with the reason, and a
 * liaison's export holding only their unit's items.
 */
@YishiIntegrationTest("yishi.demo-data=on")
class LedgerXlsxIntegrationTests {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
    List<Long> items;
    String units;

    @BeforeEach
    void items() {
        f = new LedgerFixture(http, accounts, directory, jdbc);
        a = f.unit("导出甲局", "甲局", 901);
        b = f.unit("导出乙局", "乙局", 902);
        c = f.unit("导出丙局", "丙局", 903);
        p = f.person("潘");
        items = f.items(List.of(
                spec("推进社区养老服务中心建设，年底前覆盖全部街道", a, List.of(b, c), p, "2024-01-10", "2024-03-01", Source.INSTRUCTION, ItemState.IN_PROGRESS, Colour.YELLOW, 40),
                spec("编制年度重点工作计划", b, List.of(), null, "2024-02-01", "2024-02-20", Source.HIGHER_TASK, ItemState.REGISTERED, Colour.GREEN, null),
                spec("整治背街小巷环境卫生", c, List.of(a), p, "2023-12-01", "2024-06-30", Source.INSTRUCTION, ItemState.CLOSED, Colour.RED, 70),
                spec("完善防汛应急预案", a, List.of(), p, "2024-03-05", "2024-04-01", Source.DECISION, ItemState.ASSIGNED, Colour.ORANGE, null),
                spec("落实区委常委会议定事项", c, List.of(b), null, "2024-03-05", "2024-04-01", Source.DECISION, ItemState.SUSPENDED, Colour.GREEN, 10),
                spec("建设新时代文明实践站", b, List.of(), p, "2024-04-01", "2024-05-01", Source.INSTRUCTION, ItemState.REPORTED, Colour.RED, 60)));
        units = "unit=" + a + "&unit=" + b + "&unit=" + c;
    }

    private byte[] export(Api api, String query) {
        Api.Answer answer = api.get("/api/supervision/items/export.xlsx?" + query).expect(200);
        assertThat(answer.headers().getContentType()).hasToString(XLSX);
        assertThat(answer.headers().getContentDisposition().getType()).isEqualTo("attachment");
        return answer.body();
    }

    /** Every non-empty row of the first sheet, each cell as text (dates as yyyy-MM-dd). */
    private static List<List<String>> rows(byte[] workbook) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < 13; i++) {
                    cells.add(text(row.getCell(i)));
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : String.valueOf((long) cell.getNumericCellValue());
        }
        return cell.getStringCellValue();
    }

    private Api.Answer upload(TestAccounts.Login login, String name, String type, byte[] content, String language) {
        return f.upload(login, name, type, content, language);
    }

    private TestAccounts.Login supervisionOffice() {
        return TestAccounts.of(accounts, "supervision");
    }

    private void deleteItems() {
        jdbc.sql("delete from supervision_item where id in (:ids)").param("ids", items).update();
    }

    @Test
    void anExportedLedgerIsImportedBackUnchangedInEitherLanguage() throws IOException {
        byte[] chinese = export(f.office.in("zh-CN"), units);
        byte[] english = export(f.office, units);
        List<List<String>> before = rows(chinese);
        String today = LocalDate.now().format(DateTimeFormatter.ofPattern("uuuu年M月d日"));
        assertThat(before.get(0).get(0)).isEqualTo("督查督办事项台账（截至" + today + "）");
        assertThat(before.get(1)).containsExactly("序号", "督办编号", "来源", "督办事项", "主办单位", "协办单位", "责任领导",
                "收文日期", "办结时限", "办理状态", "办理进展(%)", "预警", "最新进展");
        assertThat(rows(english).get(1)).containsExactly("No.", "Serial", "Source", "Item", "Lead unit",
                "Co-operating units", "Responsible leader", "Received", "Deadline", "State", "Progress (%)", "Warning",
                "Latest progress");
        assertThat(before).hasSize(8);
        List<String> first = before.stream().filter(r -> r.get(3).startsWith("推进社区养老")).findFirst().orElseThrow();
        assertThat(first.subList(2, 13)).containsExactly("领导批示", "推进社区养老服务中心建设，年底前覆盖全部街道",
                "导出甲局" + f.tag, "导出乙局" + f.tag + "、导出丙局" + f.tag, "潘" + f.tag, "2024-01-10", "2024-03-01",
                "办理中", "40", "黄灯", "已完成40%：推进社区养老服务中心建设，年底前覆盖全部街道");

        deleteItems();
        assertThat(f.office.get("/api/supervision/items?" + units).expect(200).json().get("rows")).isEmpty();
        JsonNode imported = upload(supervisionOffice(), "台账.xlsx", XLSX, chinese, "zh-CN").expect(200).json();
        assertThat(imported.get("imported").asInt()).isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'supervision.ledger-import' and after_json like :f")
                .param("f", "%台账.xlsx%").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'supervision.ledger-export' and after_json like :u")
                .param("u", "%unit=" + a + "%").query(Long.class).single()).isEqualTo(2);
        assertThat(rows(export(f.office.in("zh-CN"), units))).isEqualTo(before);

        // the English export names units, states, colours and sources in English: read back as the same items
        items = new ArrayList<>();
        f.office.get("/api/supervision/items?" + units).expect(200).json().get("rows")
                .forEach(r -> items.add(r.get("id").asLong()));
        deleteItems();
        upload(supervisionOffice(), "ledger.xlsx", XLSX, english, "en").expect(200);
        assertThat(rows(export(f.office.in("zh-CN"), units))).isEqualTo(before);
    }

    @Test
    void theWorkbookKeepsTheConventionalLayout() throws IOException {
        byte[] exported = export(f.office.in("zh-CN"), units + "&sort=colour&dir=desc");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("台账");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 2);
            assertThat(sheet.getMergedRegion(0).formatAsString()).isEqualTo("A1:M1");
            assertThat(sheet.getColumnWidth(3)).isGreaterThan(sheet.getColumnWidth(0) * 5);
            // red first; each warning cell filled with its colour
            Row red = sheet.getRow(2);
            assertThat(red.getCell(11).getStringCellValue()).isEqualTo("红灯（逾期）");
            assertThat(fill(red.getCell(11))).isEqualTo("FF0000");
            Row orange = sheet.getRow(4);
            assertThat(orange.getCell(11).getStringCellValue()).isEqualTo("橙灯");
            assertThat(fill(orange.getCell(11))).isEqualTo("FFC000");
            assertThat(fill(sheet.getRow(5).getCell(11))).isEqualTo("FFFF00");
            assertThat(fill(sheet.getRow(7).getCell(11))).isEqualTo("92D050");
            assertThat(DateUtil.isCellDateFormatted(red.getCell(8))).as("deadline as an Excel date").isTrue();
            assertThat(book.getFontAt(sheet.getRow(1).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
        }
    }

    private static String fill(Cell cell) {
        return ((XSSFCellStyle) cell.getCellStyle()).getFillForegroundXSSFColor().getARGBHex().substring(2);
    }

    @Test
    void aLiaisonsExportHoldsOnlyTheirUnitsItems() throws IOException {
        Api liaisonOfA = new Api(http).signedInAs(TestAccounts.liaison(accounts, a)).in("zh-CN");
        List<List<String>> rows = rows(export(liaisonOfA, ""));
        assertThat(rows.subList(2, rows.size())).extracting(r -> r.get(3)).containsExactlyInAnyOrder(
                "推进社区养老服务中心建设，年底前覆盖全部街道", "整治背街小巷环境卫生", "完善防汛应急预案");
        // nor by asking for another unit
        List<List<String>> other = rows(export(liaisonOfA, "unit=" + b));
        assertThat(other.subList(2, other.size())).extracting(r -> r.get(3))
                .containsExactly("推进社区养老服务中心建设，年底前覆盖全部街道");
        assertThat(upload(TestAccounts.liaison(accounts, a), "台账.xlsx", XLSX, export(f.office, units), "en").status())
                .isEqualTo(403);
    }

    @Test
    void aFileWithBadRowsImportsNothingAndNamesEachRow() throws IOException {
        int n = 10_000 + ThreadLocalRandom.current().nextInt(80_000);
        String leader = "潘" + f.tag;
        List<Object> good = List.of(1, "督字[2031]" + n + "号", "批示", "推进老旧小区改造", "甲局" + f.tag,
                "乙局" + f.tag + "，导出丙局" + f.tag, leader, LocalDate.of(2031, 3, 2), "2031年6月30日", "在办", 0.4, "黄",
                "已召开推进会");
        List<Object> unknownUnit = List.of(2, "督字〔2031〕" + (n + 1) + "号", "上级交办", "完善排水设施", "区水务局", "",
                "", "2031-03-05", "2031-05-31", "", "", "");
        List<Object> reversed = List.of(3, "督字〔2031〕" + (n + 2) + "号", "会议决定", "清理违规占道", "丙局" + f.tag, "",
                "", "2031-05-01", "2031-04-01", "已交办", 0, "绿");
        List<Object> alsoGood = List.of(4, "督字〔2031〕" + (n + 3) + "号", "Task from a higher level", "普查公共设施",
                "Bureau 导出乙局 " + f.tag, "", "", "2031/3/8", "2031.9.30", "Closed", "100%", "Red (overdue)", "");
        Integer counterBefore = jdbc.sql("select last from item_serial where year = 2031").query(Integer.class)
                .optional().orElse(null);

        Api.Answer refused = upload(supervisionOffice(), "督办台账.xlsx", XLSX,
                LedgerFixture.workbook(List.of(good, unknownUnit, reversed, alsoGood)), "en");
        assertThat(refused.refusal()).containsExactly(
                "row 5: Row 5: There is no unit \"区水务局\" (looked up by full name, short name and English name).",
                "row 6: Row 6: The deadline 2031-04-01 is before the day received, 2031-05-01.");
        assertThat(jdbc.sql("select count(*) from supervision_item where serial_year = 2031 and serial_number between :a and :b")
                .param("a", n).param("b", n + 3).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select last from item_serial where year = 2031").query(Integer.class).optional().orElse(null))
                .as("the year's serial counter is left as it was").isEqualTo(counterBefore);
        assertThat(upload(supervisionOffice(), "督办台账.xlsx", XLSX, LedgerFixture.workbook(List.of(good, unknownUnit, reversed)), "zh-CN")
                .refusal()).containsExactly("row 5: 第 5 行：找不到单位“区水务局”（按全称、简称和英文名查找）。",
                "row 6: 第 6 行：办结时限 2031-04-01 早于收文日期 2031-05-01。");

        // corrected, the same rows are imported as written, whatever words and formats they use
        JsonNode imported = upload(supervisionOffice(), "督办台账.xlsx", XLSX, LedgerFixture.workbook(List.of(good, alsoGood)), "en")
                .expect(200).json();
        assertThat(imported.get("imported").asInt()).isEqualTo(2);
        JsonNode rows = f.office.get("/api/supervision/items?dateField=received&from=2031-03-01&to=2031-03-31&" + units)
                .expect(200).json().get("rows");
        assertThat(rows).hasSize(2);
        JsonNode first = rows.get(0);
        assertThat(first.get("serial").asString()).isEqualTo("督字〔2031〕" + n + "号");
        assertThat(first.get("source").asString()).isEqualTo("INSTRUCTION");
        assertThat(first.get("leadUnit").get("id").asLong()).isEqualTo(a);
        assertThat(first.get("coUnits").valueStream().map(u -> u.get("id").asLong()).toList()).containsExactly(b, c);
        assertThat(first.get("leader").get("id").asLong()).isEqualTo(p);
        assertThat(first.get("receivedOn").asString()).isEqualTo("2031-03-02");
        assertThat(first.get("deadline").asString()).isEqualTo("2031-06-30");
        assertThat(first.get("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(first.get("progress").asInt()).isEqualTo(40);
        assertThat(first.get("colour").asString()).isEqualTo("YELLOW");
        assertThat(first.get("latestProgress").asString()).isEqualTo("已召开推进会");
        JsonNode second = rows.get(1);
        assertThat(List.of(second.get("source").asString(), second.get("state").asString(), second.get("colour").asString(),
                second.get("receivedOn").asString(), second.get("deadline").asString(), String.valueOf(second.get("progress").asInt())))
                .containsExactly("HIGHER_TASK", "CLOSED", "RED", "2031-03-08", "2031-09-30", "100");
        assertThat(jdbc.sql("select last from item_serial where year = 2031").query(Integer.class).single())
                .as("registering goes on after the imported serials").isGreaterThanOrEqualTo(n + 3);

        // once imported, the serials are taken
        assertThat(upload(supervisionOffice(), "督办台账.xlsx", XLSX, LedgerFixture.workbook(List.of(good)), "en").refusal())
                .containsExactly("row 4: Row 4: The serial \"督字[2031]" + n + "号\" is already in use.");
    }

    /**
     * Issue 11: a small .xlsx whose sheet inflates to hundreds of megabytes cost 15 s of CPU before it was refused. Its
     * parts compress no better than POI's own guard allows (1:100), so only the declared sizes give it away.
     */
    @Test
    void aPackedBombIsRefusedBeforeItIsInflated() throws IOException {
        byte[] bomb = bomb(LedgerFixture.workbook(List.of()), 280);
        assertThat(bomb.length).as("small enough to upload").isLessThan(10 * 1024 * 1024);
        assertThat(bomb.length / (280.0 * 1024 * 1024)).as("past POI's inflate-ratio guard").isGreaterThan(0.01);
        long started = System.nanoTime();
        List<String> refusal = upload(supervisionOffice(), "台账.xlsx", XLSX, bomb, "en").refusal();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(refusal).singleElement().asString().startsWith("file: The file 台账.xlsx would unpack to 280.")
                .contains("more than the 256.0 MB");
        assertThat(millis).as("milliseconds until the refusal").isLessThan(3_000);
    }

    /** The workbook with its sheet padded, inside an XML comment, to {@code megabytes} of barely compressible text. */
    private static byte[] bomb(byte[] workbook, int megabytes) throws IOException {
        byte[] chunk = new byte[1024 * 1024];
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i % 97 == 0 ? 'a' + random.nextInt(26) : 'x');
        }
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(workbook));
                var out = new java.util.zip.ZipOutputStream(packed)) {
            out.setLevel(java.util.zip.Deflater.BEST_SPEED);
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] part = in.readAllBytes();
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                if (entry.getName().startsWith("xl/worksheets/")) {
                    String xml = new String(part, java.nio.charset.StandardCharsets.UTF_8);
                    int end = xml.lastIndexOf("</worksheet>");
                    out.write(xml.substring(0, end).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    out.write("<!--".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    for (int i = 0; i < megabytes; i++) {
                        out.write(chunk);
                    }
                    out.write("--></worksheet>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } else {
                    out.write(part);
                }
                out.closeEntry();
            }
        }
        return packed.toByteArray();
    }

    @Test
    void filesThatAreNotLedgersAreRefusedWithTheReason() throws IOException {
        TestAccounts.Login office = supervisionOffice();
        assertThat(upload(office, "台账.csv", "text/csv", "督办编号,督办事项\n".getBytes(), "en").refusal())
                .containsExactly("file: \"台账.csv\" is not an Excel workbook (.xlsx).");
        assertThat(upload(office, "台账.xls", "application/vnd.ms-excel",
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}, "en").refusal())
                .containsExactly("file: \"台账.xls\" is an old Excel file (.xls): save it in Excel as an \"Excel Workbook "
                        + "(.xlsx)\" and import that.");
        assertThat(upload(office, "台账.xlsx", XLSX, "这不是表格".getBytes(), "zh-CN").refusal())
                .containsExactly("file: “台账.xlsx”不是 Excel 工作簿（.xlsx）。");
        assertThat(upload(office, "台账.xlsx", XLSX, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0}, "en").refusal())
                .containsExactly("file: \"台账.xlsx\" cannot be read: it is damaged or not an Excel workbook.");
        assertThat(upload(office, "台账.xlsx", XLSX, new byte[11 * 1024 * 1024], "en").refusal())
                .containsExactly("file: The file is too large (11.0 MB); the limit is 10.0 MB.");
        assertThat(upload(office, "台账.xlsx", XLSX, LedgerFixture.workbook(List.of()), "en").refusal())
                .containsExactly("file: There are no items below the header row.");
        byte[] noHeader;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet().createRow(0).createCell(0).setCellValue("会议纪要");
            book.write(out);
            noHeader = out.toByteArray();
        }
        assertThat(upload(office, "纪要.xlsx", XLSX, noHeader, "zh-CN").refusal()).containsExactly(
                "file: 找不到表头：第一个工作表须有“督办编号”“来源”“督办事项”“主办单位”“收文日期”“办结时限”等列。");
        assertThat(new Api(http).signedInAs(office).post("/api/supervision/items/import", Map.of()).refusal())
                .containsExactly("file: Choose the ledger file (.xlsx) to import.");
    }
}
