package org.yishi.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log as a CSV file for Excel: UTF-8 with a byte-order mark, a header in the user's language, one row per
 * entry newest first, streamed from the database as it is read. Times are written with their offset and to the
 * microsecond, JSON and hashes as stored, so that an exported copy can be verified on its own.
 */
@Component
class AuditCsv {

    private static final List<String> COLUMNS = List.of("id", "at", "actor", "ip", "action", "subject-type", "subject-id",
            "before", "after", "prev-hash", "hash");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx")
            .withZone(AuditQuery.ZONE);

    private final Audit audit;
    private final AuditEntries entries;
    private final MessageSource messages;
    private final TransactionTemplate reading;

    AuditCsv(Audit audit, AuditEntries entries, MessageSource messages, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.entries = entries;
        this.messages = messages;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /** Answers the request with the entries matching the query, as a file to download; the export is recorded. */
    void send(AuditQuery query, Locale locale, HttpServletResponse response) throws IOException {
        audit.record("audit.export", null, null, null, query);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("audit-log-" + LocalDate.now(AuditQuery.ZONE) + ".csv").build().toString());
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write('\uFEFF');
        row(out, COLUMNS.stream().map(c -> messages.getMessage("audit.column." + c, null, locale)).toList());
        try {
            reading.executeWithoutResult(status -> entries.each(query, e -> row(out, List.of(String.valueOf(e.id()),
                    AT.format(e.at()), e.actor(), nullToEmpty(e.ip()), e.action(), nullToEmpty(e.subjectType()),
                    nullToEmpty(e.subjectId()), nullToEmpty(e.beforeJson()), nullToEmpty(e.afterJson()),
                    nullToEmpty(e.prevHash()), e.hash()))));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    private static void row(Writer out, List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A cell as RFC 4180 writes it. Text that a spreadsheet would take for a formula (a user name such as
     * {@code =HYPERLINK(...)} typed at the sign-in page) is prefixed with an apostrophe, so that it is shown, not run.
     */
    static String cell(String value) {
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
