package org.yishi.search.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.yishi.audit.Audit;
import org.yishi.search.ledger.DirectiveLedgerView.Conveying;
import org.yishi.search.ledger.DirectiveLedgerView.NotYetConveyed;
import org.yishi.search.ledger.DirectiveLedgerView.Supervised;

/**
 * The directive ledger as an Excel workbook in the layout offices keep (传达学习台账): a title row naming the directive,
 * a frozen header row with filters, one row per conveying — directive, body, date, meeting, measures, supervised items,
 * their state — then one row per body that has not conveyed it yet, saying since how many days it has been received.
 * Dates are Excel dates; text in the reader's language. A directive's ledger has at most a few hundred rows, so the
 * workbook is built in memory.
 */
@Component
class DirectiveLedgerXlsx {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The columns, by their message keys: directive-ledger.column.*. */
    static final List<String> COLUMNS = List.of("number", "directive", "body", "date", "meeting", "measures", "items",
            "state");
    private static final int[] WIDTHS = {6, 36, 20, 12, 28, 48, 42, 22};
    private static final int TEXT_MAX = 32_767;

    private final MessageSource messages;
    private final Audit audit;

    DirectiveLedgerXlsx(MessageSource messages, Audit audit) {
        this.messages = messages;
        this.audit = audit;
    }

    /** Answers the request with the ledger's workbook as a download, and records the export in the audit log. */
    void send(DirectiveLedgerView ledger, Locale locale, HttpServletResponse response) throws IOException {
        Map<String, Object> exported = new LinkedHashMap<>();
        exported.put("bodyId", ledger.filter().bodyId());
        exported.put("from", ledger.filter().from() == null ? null : ledger.filter().from().toString());
        exported.put("to", ledger.filter().to() == null ? null : ledger.filter().to().toString());
        exported.put("rows", ledger.conveyings().size() + ledger.notYetConveyed().size());
        audit.record("directive.ledger-export", "directive", String.valueOf(ledger.directive().id()), null, exported);
        response.setContentType(CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(messages.getMessage("directive-ledger.xlsx.file", new Object[] {ledger.directive().id()},
                        locale) + ".xlsx", StandardCharsets.UTF_8).build().toString());
        write(ledger, locale, response.getOutputStream());
    }

    void write(DirectiveLedgerView ledger, Locale locale, OutputStream out) throws IOException {
        try (Workbook book = new XSSFWorkbook()) {
            Styles styles = new Styles(book);
            Sheet sheet = book.createSheet(text("directive-ledger.xlsx.sheet", locale));
            for (int c = 0; c < WIDTHS.length; c++) {
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            Row title = sheet.createRow(0);
            title.setHeightInPoints(30);
            cell(title, 0, messages.getMessage("directive-ledger.xlsx.title", new Object[] {ledger.directive().title()},
                    locale), styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS.size() - 1));
            Row header = sheet.createRow(1);
            for (int c = 0; c < COLUMNS.size(); c++) {
                cell(header, c, text("directive-ledger.column." + COLUMNS.get(c), locale), styles.header);
            }
            sheet.createFreezePane(0, 2);
            sheet.setRepeatingRows(CellRangeAddress.valueOf("1:2"));
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            int r = 2;
            for (Conveying c : ledger.conveyings()) {
                Row row = sheet.createRow(r);
                number(row, r - 1, styles.center);
                cell(row, 1, ledger.directive().title(), styles.wrapped);
                cell(row, 2, c.body(), styles.wrapped);
                Cell date = row.createCell(3);
                date.setCellValue(c.date());
                date.setCellStyle(styles.date);
                cell(row, 4, c.meeting(), styles.wrapped);
                cell(row, 5, c.measures(), styles.wrapped);
                cell(row, 6, c.supervisedItems().stream().map(s -> s.serial() + " " + s.content())
                        .collect(Collectors.joining("\n")), styles.wrapped);
                cell(row, 7, c.supervisedItems().stream().map(s -> state(s, locale))
                        .collect(Collectors.joining("\n")), styles.wrapped);
                r++;
            }
            for (NotYetConveyed n : ledger.notYetConveyed()) {
                Row row = sheet.createRow(r);
                number(row, r - 1, styles.center);
                cell(row, 1, ledger.directive().title(), styles.wrapped);
                cell(row, 2, n.body(), styles.wrapped);
                row.createCell(3).setCellStyle(styles.date);
                cell(row, 4, text("directive-ledger.not-yet-conveyed", locale), styles.wrapped);
                cell(row, 5, "", styles.wrapped);
                cell(row, 6, "", styles.wrapped);
                cell(row, 7, messages.getMessage("directive-ledger.days-since-received",
                        new Object[] {n.daysSinceReceived(), n.receivedOn().toString()}, locale), styles.wrapped);
                r++;
            }
            sheet.setAutoFilter(new CellRangeAddress(1, Math.max(1, r - 1), 0, COLUMNS.size() - 1));
            book.write(out);
        }
    }

    private String state(Supervised s, Locale locale) {
        return messages.getMessage("directive-ledger.item-state", new Object[] {s.serial(), s.stateText(), s.progress()},
                locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static void number(Row row, int value, CellStyle style) {
        Cell cell = row.createCell(0);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        String v = value == null ? "" : value;
        cell.setCellValue(v.length() > TEXT_MAX ? v.substring(0, TEXT_MAX) : v);
        cell.setCellStyle(style);
    }

    /** The workbook's few styles, made once: a workbook holds a limited number of them. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle wrapped;
        final CellStyle center;
        final CellStyle date;

        Styles(Workbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            title = book.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            header = bordered(book);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            wrapped = bordered(book);
            wrapped.setWrapText(true);
            center = bordered(book);
            center.setAlignment(HorizontalAlignment.CENTER);
            date = bordered(book);
            date.setAlignment(HorizontalAlignment.CENTER);
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        }

        private static CellStyle bordered(Workbook book) {
            CellStyle s = book.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setVerticalAlignment(VerticalAlignment.TOP);
            return s;
        }
    }
}
