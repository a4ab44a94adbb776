package org.yishi.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.springframework.core.io.InputStreamSource;
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
 * memory), for every import of a spreadsheet (the supervision ledger, a congress term's roster). {@link #receive}
 * takes an uploaded file in only when it is an .xlsx package within the size limits, its packed size and the size it
 * would inflate to both checked before a byte of it is inflated. Cells formatted as dates come as yyyy-MM-dd; other cells as Excel shows them ("40%", "12").
 */
public final class XlsxSheet {

    /** A row: its number as Excel shows it (from 1), and its non-empty cells by column (from 0). */
    public record SheetRow(int number, Map<Integer, String> cells) {

        public String cell(Integer column) {
            if (column == null) {
                return null;
            }
            String v = cells.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }

        public boolean blank() {
            return cells.values().stream().allMatch(String::isBlank);
        }
    }

    /** The workbook could not be read: not an .xlsx package, damaged, or without a sheet. */
    public static final class Unreadable extends Exception {
        Unreadable(Throwable cause) {
            super(cause);
        }
    }

    /** Thrown by a reader of the rows to stop reading; comes out of {@link #read} as it was thrown. */
    public static class Stop extends RuntimeException {
        protected Stop() {
            super(null, null, false, false);
        }
    }

    /** The media type of an .xlsx workbook. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** What browsers and clients send for an .xlsx file besides its own type. */
    private static final Set<String> ALSO_ACCEPTED = Set.of("application/octet-stream", "application/zip",
            "application/x-zip-compressed", "binary/octet-stream");

    /** The header row was not found among the first rows of the sheet. */
    public static final class NoHeader extends Stop {
    }

    /** The sheet has more rows than one import may take. */
    public static final class TooManyRows extends Stop {
    }

    /**
     * A sheet read as a table: the header row found among its first 30 rows by the titles each column is known by
     * (compared by {@link #key}), then each non-empty row below it handed to {@link #row} with the columns' places.
     * Stops with {@link NoHeader} or {@link TooManyRows}.
     */
    public abstract static class Table<C extends Enum<C>> implements Consumer<SheetRow> {
        private static final int HEADER_WITHIN = 30;

        private final Class<C> type;
        private final java.util.function.Function<C, Set<String>> titles;
        private final java.util.Collection<C> required;
        private final int maxRows;
        private Map<C, Integer> columns;
        private int before;
        private int rows;

        protected Table(Class<C> type, java.util.function.Function<C, Set<String>> titles, java.util.Collection<C> required,
                int maxRows) {
            this.type = type;
            this.titles = titles;
            this.required = required;
            this.maxRows = maxRows;
        }

        /** A row below the header, with the place of each column found. */
        protected abstract void row(SheetRow row, Map<C, Integer> columns);

        @Override
        public final void accept(SheetRow row) {
            if (columns == null) {
                Map<C, Integer> found = header(row);
                if (found.keySet().containsAll(required)) {
                    columns = found;
                } else if (++before >= HEADER_WITHIN) {
                    throw new NoHeader();
                }
                return;
            }
            if (row.blank()) {
                return;
            }
            if (++rows > maxRows) {
                throw new TooManyRows();
            }
            row(row, columns);
        }

        /** Whether the header row was found. */
        public boolean hasHeader() {
            return columns != null;
        }

        /** The rows read below the header. */
        public int rows() {
            return rows;
        }

        private Map<C, Integer> header(SheetRow row) {
            Map<C, Integer> found = new java.util.EnumMap<>(type);
            row.cells().forEach((index, title) -> {
                String k = key(title);
                for (C c : type.getEnumConstants()) {
                    if (titles.apply(c).contains(k) && !found.containsKey(c)) {
                        found.put(c, index);
                        return;
                    }
                }
            });
            return found;
        }
    }

    /** A title or word compared without spaces, punctuation and case: "办理进展（%）" is "办理进展". */
    public static String key(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * A problem of one row, as the import's page lists it by row: field {@code row N}, message {@code rowCode} ("Row
     * {0}: {1}") around the problem's own message.
     */
    public static Violation rowProblem(String rowCode, int row, String code, Object... args) {
        return Violation.of("row " + row, rowCode, String.valueOf(row),
                new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {code}, args, code));
    }

    /** One row's problems, as an import's page lists them. */
    public record RowProblems(String row, List<String> reasons) {
    }

    /** A refused import as its page shows it: the problems of the file, and those of each row. */
    public record Report(List<String> fileProblems, List<RowProblems> rowProblems) {

        public static Report of(InvalidInput refused, org.springframework.context.MessageSource messages, Locale locale) {
            List<String> fileProblems = new java.util.ArrayList<>();
            Map<String, List<String>> byRow = new java.util.LinkedHashMap<>();
            for (Violation v : refused.violations()) {
                if (v.field().startsWith("row ") && v.args().size() == 2
                        && v.args().get(1) instanceof org.springframework.context.MessageSourceResolvable r) {
                    byRow.computeIfAbsent(v.field().substring(4), k -> new java.util.ArrayList<>()).add(messages.getMessage(r, locale));
                } else {
                    fileProblems.add(Messages.resolve(messages, v, locale));
                }
            }
            return new Report(fileProblems, byRow.entrySet().stream().map(e -> new RowProblems(e.getKey(), e.getValue())).toList());
        }
    }

    /** An uploaded file as it came. */
    public record Upload(String fileName, String contentType, long size, InputStreamSource content) {
    }

    /** How large an uploaded file may be, packed and inflated. */
    public record Limits(long maxBytes, long maxInflated) {
    }

    private XlsxSheet() {
    }

    /**
     * Copies the upload into {@code file} once it is known to be an .xlsx package within the limits; refused
     * otherwise, with the codes {@code <codes>.no-file}, {@code .empty-file}, {@code .too-large}, {@code .xls},
     * {@code .not-xlsx}, {@code .unreadable} and {@code .inflates-too-much} (each import words them for its kind of
     * file). Answers the file's name as given.
     */
    public static String receive(Upload upload, Path file, Limits limits, String codes) throws IOException {
        String name = upload.fileName() == null || upload.fileName().isBlank() ? "" : upload.fileName().strip();
        if (upload.content() == null || name.isEmpty() && upload.size() <= 0) {
            throw problem(codes + ".no-file");
        }
        if (upload.size() == 0) {
            throw problem(codes + ".empty-file", name);
        }
        if (upload.size() > limits.maxBytes()) {
            throw problem(codes + ".too-large", size(upload.size()), size(limits.maxBytes()));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xls") || lower.endsWith(".et")) {
            throw problem(codes + ".xls", name);
        }
        String type = upload.contentType() == null ? "" : upload.contentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (!lower.endsWith(".xlsx") || !(type.isEmpty() || type.equals(XLSX) || ALSO_ACCEPTED.contains(type))) {
            throw problem(codes + ".not-xlsx", name);
        }
        long copied;
        try (InputStream in = upload.content().getInputStream()) {
            copied = Files.copy(limited(in, limits.maxBytes()), file, StandardCopyOption.REPLACE_EXISTING);
        }
        if (copied > limits.maxBytes()) {
            throw problem(codes + ".too-large", size(copied), size(limits.maxBytes()));
        }
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                    && (head[3] & 0xFF) == 0xE0) {
                throw problem(codes + ".xls", name);
            }
            if (n < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
                throw problem(codes + ".not-xlsx", name);
            }
        }
        // a packed bomb is refused from the package's directory, before a byte of it is inflated
        long inflated = inflatedSize(file);
        if (inflated < 0) {
            throw problem(codes + ".unreadable", name);
        }
        if (inflated > limits.maxInflated()) {
            throw problem(codes + ".inflates-too-much", name, size(inflated), size(limits.maxInflated()));
        }
        return name;
    }

    private static InvalidInput problem(String code, Object... args) {
        return new InvalidInput(Violation.of("file", code, args));
    }

    /** A size as a person reads it: 3.2 MB, 140 KB. */
    public static String size(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0)
                : String.format(Locale.ROOT, "%d KB", Math.max(1, bytes / 1024));
    }

    /** The stream, cut one byte after the limit: enough to know it was too long. */
    private static InputStream limited(InputStream in, long maxBytes) {
        return new FilterInputStream(in) {
            private long left = maxBytes + 1;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }

    /**
     * The size the package's parts would inflate to, as its central directory declares them, without inflating any;
     * -1 when the file is no ZIP package, holds more than 10,000 parts or leaves a part's size unstated.
     */
    public static long inflatedSize(Path file) {
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
    public static void read(Path file, Consumer<SheetRow> rows) throws Unreadable {
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
