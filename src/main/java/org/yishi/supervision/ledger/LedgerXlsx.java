package org.yishi.supervision.ledger;

import org.yishi.supervision.Colour;
import org.yishi.supervision.ItemState;
import org.yishi.supervision.Source;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.yishi.accounts.Viewer;
import org.yishi.audit.Audit;
import org.yishi.platform.Refused;

/**
 * The filtered ledger as an Excel workbook in the layout offices keep (台账): a title row with the date, a header row
 * (frozen, with filters), one row per item, the warning colour as the fill of its cell. Headers, states and colours
 * are in the reader's language; dates are Excel dates. The rows are streamed: read from a database cursor and written
 * through a window of {@value #WINDOW} rows, so the memory used does not grow with the ledger.
 */
@Component
class LedgerXlsx {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Rows kept in memory while writing; the rest are on disk until the workbook is sent. */
    static final int WINDOW = 100;
    /** The columns, by their message keys: ledger.column.*. */
    static final List<String> COLUMNS = List.of("number", "serial", "source", "content", "lead-unit", "co-units",
            "leader", "received", "deadline", "state", "progress", "colour", "latest");
    private static final int[] WIDTHS = {6, 18, 11, 42, 18, 22, 11, 12, 12, 12, 11, 12, 42};
    private static final int TEXT_MAX = 32_767;
    private static final Map<Colour, String> FILLS = Map.of(Colour.GREEN, "92D050", Colour.YELLOW, "FFFF00",
            Colour.ORANGE, "FFC000", Colour.RED, "FF0000");

    private final Ledger ledger;
    private final MessageSource messages;
    private final Audit audit;
    private final Clock clock;
    private final int maxRows;

    LedgerXlsx(Ledger ledger, MessageSource messages, Audit audit, Optional<Clock> clock,
            @Value("${yishi.supervision.ledger.export-max-rows:200000}") int maxRows) {
        this.ledger = ledger;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.maxRows = maxRows;
    }

    /** Answers the request with the workbook as a download; refused when more than the maximum rows match. */
    void send(Viewer viewer, LedgerQuery query, Locale locale, HttpServletResponse response) throws IOException {
        LedgerCount count = ledger.count(viewer, query, maxRows);
        if (!count.exact()) {
            throw new Refused("ledger.export-too-large", String.valueOf(maxRows));
        }
        LocalDate today = LocalDate.now(clock);
        audit.record("supervision.ledger-export", null, null, null, parameters(query, count.count()));
        response.setContentType(CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(messages.getMessage("ledger.xlsx.file", new Object[] {today.toString()}, locale) + ".xlsx",
                        StandardCharsets.UTF_8).build().toString());
        write(viewer, query, locale, today, response.getOutputStream());
    }

    private static Map<String, Object> parameters(LedgerQuery q, long rows) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("query", LedgerParams.link("", q).build().getQuery());
        p.put("rows", rows);
        return p;
    }

    /** Writes the workbook of the query's rows, as of {@code today}. */
    void write(Viewer viewer, LedgerQuery query, Locale locale, LocalDate today, OutputStream out) throws IOException {
        // rows beyond the window go to a temporary file as plain XML: compressing it too would zip every row twice
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        try {
            Styles styles = new Styles(book);
            SXSSFSheet sheet = book.createSheet(messages.getMessage("ledger.xlsx.sheet", null, locale));
            for (int c = 0; c < WIDTHS.length; c++) {
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            Row title = sheet.createRow(0);
            title.setHeightInPoints(30);
            cell(title, 0, messages.getMessage("ledger.xlsx.title", new Object[] {asOf(today, locale)}, locale), styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS.size() - 1));
            Row header = sheet.createRow(1);
            header.setHeightInPoints(22);
            for (int c = 0; c < COLUMNS.size(); c++) {
                cell(header, c, messages.getMessage("ledger.column." + COLUMNS.get(c), null, locale), styles.header);
            }
            sheet.createFreezePane(0, 2);
            sheet.setRepeatingRows(CellRangeAddress.valueOf("1:2"));
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            Map<ItemState, String> states = words(ItemState.values(), "enum.ItemState.", locale);
            Map<Colour, String> colours = words(Colour.values(), "enum.Colour.", locale);
            Map<Source, String> sources = words(Source.values(), "enum.Source.", locale);
            String separator = messages.getMessage("ledger.separator", null, locale);
            int[] next = {2};
            ledger.each(viewer, query, locale, r -> {
                Row row = sheet.createRow(next[0]);
                cell(row, 0, next[0] - 1, styles.center);
                cell(row, 1, r.serial(), styles.text);
                cell(row, 2, sources.get(r.source()), styles.center);
                cell(row, 3, r.content(), styles.wrapped);
                cell(row, 4, r.leadUnit().name(), styles.wrapped);
                cell(row, 5, r.coUnits().stream().map(LedgerRow.Named::name).collect(Collectors.joining(separator)),
                        styles.wrapped);
                cell(row, 6, r.leader() == null ? "" : r.leader().name(), styles.center);
                date(row, 7, r.receivedOn(), styles.date);
                date(row, 8, r.deadline(), styles.date);
                cell(row, 9, states.get(r.state()), styles.center);
                cell(row, 10, r.progress(), styles.center);
                cell(row, 11, colours.get(r.colour()), styles.colours.get(r.colour()));
                cell(row, 12, r.latestProgress() == null ? "" : r.latestProgress(), styles.wrapped);
                next[0]++;
            });
            int last = Math.max(2, next[0] - 1);
            sheet.setAutoFilter(new CellRangeAddress(1, last, 0, COLUMNS.size() - 1));
            book.write(out);
            out.flush();
        } finally {
            book.dispose();
            book.close();
        }
    }

    private <E extends Enum<E>> Map<E, String> words(E[] values, String prefix, Locale locale) {
        Map<E, String> words = new LinkedHashMap<>();
        for (E e : values) {
            words.put(e, messages.getMessage(prefix + e.name(), null, locale));
        }
        return words;
    }

    /** The date in the title: 2024年5月31日, or 31 May 2024. */
    static String asOf(LocalDate day, Locale locale) {
        return "en".equals(locale.getLanguage())
                ? day.format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH))
                : day.format(DateTimeFormatter.ofPattern("uuuu年M月d日"));
    }

    private static void cell(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        String t = text == null ? "" : text;
        cell.setCellValue(t.length() > TEXT_MAX ? t.substring(0, TEXT_MAX) : t);
        cell.setCellStyle(style);
    }

    private static void cell(Row row, int column, int number, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(number);
        cell.setCellStyle(style);
    }

    private static void date(Row row, int column, LocalDate day, CellStyle style) {
        Cell cell = row.createCell(column);
        if (day != null) {
            cell.setCellValue(day);
        }
        cell.setCellStyle(style);
    }

    /** The workbook's cell styles, made once: a workbook holds few styles, shared by all its cells. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final CellStyle wrapped;
        final CellStyle center;
        final CellStyle date;
        final Map<Colour, CellStyle> colours = new java.util.EnumMap<>(Colour.class);

        Styles(SXSSFWorkbook book) {
            Font titleFont = book.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 16);
            titleFont.setFontName("宋体");
            title = book.createCellStyle();
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);

            Font bold = book.createFont();
            bold.setBold(true);
            header = bordered(book);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            ((XSSFCellStyle) header).setFillForegroundColor(rgb("D9E1F2"));
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            text = bordered(book);
            wrapped = bordered(book);
            wrapped.setWrapText(true);
            center = bordered(book);
            center.setAlignment(HorizontalAlignment.CENTER);
            date = bordered(book);
            date.setAlignment(HorizontalAlignment.CENTER);
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));

            XSSFFont white = (XSSFFont) book.createFont();
            white.setBold(true);
            white.setColor(rgb("FFFFFF"));
            for (Colour c : Colour.values()) {
                CellStyle s = bordered(book);
                s.setAlignment(HorizontalAlignment.CENTER);
                ((XSSFCellStyle) s).setFillForegroundColor(rgb(FILLS.get(c)));
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                if (c == Colour.RED) {
                    s.setFont(white);
                }
                colours.put(c, s);
            }
        }

        private static CellStyle bordered(SXSSFWorkbook book) {
            CellStyle s = book.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            return s;
        }

        private static XSSFColor rgb(String hex) {
            return new XSSFColor(java.util.HexFormat.of().parseHex(hex), null);
        }
    }
}
