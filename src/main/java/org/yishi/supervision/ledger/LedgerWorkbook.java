package org.yishi.supervision.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an .xlsx workbook as rows of text, read as a stream of XML (never the whole workbook in
 * memory). Cells formatted as dates come as yyyy-MM-dd; other cells as Excel shows them ("40%", "12").
 */
final class LedgerWorkbook {

    /** A row: its number as Excel shows it (from 1), and its non-empty cells by column (from 0). */
    record SheetRow(int number, Map<Integer, String> cells) {

        String cell(Integer column) {
            if (column == null) {
                return null;
            }
            String v = cells.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }

        boolean blank() {
            return cells.values().stream().allMatch(String::isBlank);
        }
    }

    /** The workbook could not be read: not an .xlsx package, damaged, or without a sheet. */
    static final class Unreadable extends Exception {
        Unreadable(Throwable cause) {
            super(cause);
        }
    }

    /** Thrown by a reader of the rows to stop reading; comes out of {@link #read} as it was thrown. */
    static class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private LedgerWorkbook() {
    }

    /**
     * The size the package's parts would inflate to, as its central directory declares them, without inflating any;
     * -1 when the file is no ZIP package, holds more than 10,000 parts or leaves a part's size unstated.
     */
    static long inflatedSize(Path file) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            if (zip.size() > 10_000) {
                return -1;
            }
            long total = 0;
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                long size = entries.nextElement().getSize();
                if (size < 0) {
                    return -1;
                }
                total += size;
            }
            return total;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Hands each non-empty row of the first sheet to {@code rows}, in order, as it is read. */
    static void read(Path file, Consumer<SheetRow> rows) throws Unreadable {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new Unreadable(new IllegalStateException("no sheet"));
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Collector(rows),
                        new IsoDates(), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Stop stop) {
                    throw stop;
                }
            }
            throw new Unreadable(e);
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Consumer<SheetRow> rows;
        private Map<Integer, String> cells;

        Collector(Consumer<SheetRow> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new TreeMap<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (!cells.isEmpty()) {
                rows.accept(new SheetRow(rowNum + 1, cells));
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            if (reference != null && formattedValue != null && !formattedValue.isBlank()) {
                cells.put((int) new CellReference(reference).getCol(), formattedValue);
            }
        }
    }

    /** Formats cells as shown, except dates, which come as yyyy-MM-dd whatever their format in the workbook. */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }
}
