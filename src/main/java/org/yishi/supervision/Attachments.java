package org.yishi.supervision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Viewer;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Text;

/**
 * Progress and completion reports with their attachments, kept by Yishi in PostgreSQL. Each file is limited in size
 * ({@code yishi.supervision.max-attachment-bytes}, 10 MB by default) and checked by its content: PDF, images, Word
 * and Excel documents, plain text (see {@link AttachmentTypes}). A report with any bad file is refused as a whole,
 * with the reason for each file, and nothing is saved. Attachments are read only by those who may see the item.
 */
@Service
@Transactional
public class Attachments {

    /** How many files one report may carry. */
    public static final int MAX_FILES = 10;

    /** A file as the user uploaded it. */
    public record Upload(String fileName, byte[] content) {

        public Upload {
            content = content == null ? new byte[0] : content;
        }
    }

    /** An attachment as listed with its report; the content is read by {@link #download}. */
    public record Attachment(long id, long reportId, String fileName, String contentType, int size) {

        /** The size as users read it, e.g. 120 KB. */
        public String readableSize() {
            return Attachments.size(size);
        }
    }

    /** A report as the item's page shows it, newest first; {@code actor} is the reporting account. */
    public record Report(long id, long itemId, Instant at, Long actor, String text, int percent, boolean completion,
            List<Attachment> attachments) {
    }

    /** An attachment's content, for downloading. */
    public record Download(long id, String fileName, String contentType, byte[] content) {
    }

    private final Supervision supervision;
    private final SupervisionStore store;
    private final JdbcClient jdbc;
    private final long maxBytes;

    Attachments(Supervision supervision, SupervisionStore store, JdbcClient jdbc,
            @Value("${yishi.supervision.max-attachment-bytes:10485760}") long maxBytes) {
        this.supervision = supervision;
        this.store = store;
        this.jdbc = jdbc;
        this.maxBytes = maxBytes;
    }

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The largest file accepted, as users read it, e.g. "10 MB". */
    public String maxSize() {
        return size(maxBytes);
    }

    /**
     * Reports progress ({@code completion} false, with a percentage) or completion (报送办结), by the lead unit, with
     * the files attached. The files are checked first; with any problem nothing is saved.
     */
    public Report report(Viewer viewer, long itemId, String text, Integer percent, boolean completion, List<Upload> files) {
        supervision.item(viewer, itemId); // another unit's item does not exist, whatever the files are
        List<Upload> given = files == null ? List.of()
                : files.stream().filter(f -> f != null && !(Text.blank(f.fileName()) && f.content().length == 0)).toList();
        List<String> types = check(given, text, completion ? Integer.valueOf(100) : percent);
        if (completion) {
            supervision.reportCompletion(viewer, itemId, text);
        } else {
            supervision.reportProgress(viewer, itemId, text, percent);
        }
        // the item's row is locked until the transaction ends: the newest report is the one just made
        long reportId = jdbc.sql("select max(id) from progress_report where item_id = :i").param("i", itemId)
                .query(Long.class).single();
        for (int i = 0; i < given.size(); i++) {
            Upload f = given.get(i);
            jdbc.sql("""
                    insert into report_attachment (report_id, file_name, content_type, size, content)
                    values (:r, :name, :type, :size, :content)""").param("r", reportId).param("name", name(f.fileName()))
                    .param("type", types.get(i)).param("size", f.content().length).param("content", f.content()).update();
        }
        return reports(itemId).stream().filter(r -> r.id() == reportId).findFirst().orElseThrow();
    }

    /** Every file's problems at once (with the text's and percentage's, so the user sees all); the files' types. */
    private List<String> check(List<Upload> files, String text, Integer percent) {
        var problems = new InvalidInput.Collector();
        List<String> types = new ArrayList<>();
        if (files.size() > MAX_FILES) {
            problems.add("files", "supervision.attachment.too-many", MAX_FILES);
        }
        for (int i = 0; i < files.size(); i++) {
            Upload f = files.get(i);
            String name = name(f.fileName());
            String field = "files[" + i + "]";
            if (f.content().length == 0) {
                problems.add(field, "supervision.attachment.empty", name);
            } else if (f.content().length > maxBytes) {
                problems.add(field, "supervision.attachment.too-large", name, size(f.content().length), size(maxBytes));
            } else {
                Optional<String> type = AttachmentTypes.contentType(name, f.content());
                type.ifPresentOrElse(types::add, () -> problems.add(field, "supervision.attachment.type", name,
                        AttachmentTypes.ACCEPTED));
            }
        }
        if (!problems.isEmpty()) {
            if (Text.blank(text)) {
                problems.add("text", "supervision.report-text");
            }
            if (percent == null || percent < 0 || percent > 100) {
                problems.add("percent", "supervision.percent");
            }
        }
        problems.throwIfAny();
        return types;
    }

    /** The item's reports, newest first, with their attachments listed; for those who may see the item. */
    @Transactional(readOnly = true)
    public List<Report> reports(Viewer viewer, long itemId) {
        supervision.item(viewer, itemId);
        return reports(itemId);
    }

    private List<Report> reports(long itemId) {
        Map<Long, List<Attachment>> files = new LinkedHashMap<>();
        jdbc.sql("""
                select a.id, a.report_id, a.file_name, a.content_type, a.size from report_attachment a
                join progress_report r on r.id = a.report_id where r.item_id = :i order by a.id""")
                .param("i", itemId).query(Attachment.class).list()
                .forEach(a -> files.computeIfAbsent(a.reportId(), k -> new ArrayList<>()).add(a));
        return jdbc.sql("""
                select id, item_id, at, actor, text, percent, completion from progress_report where item_id = :i
                order by id desc limit 500""").param("i", itemId)
                .query((rs, n) -> new Report(rs.getLong("id"), rs.getLong("item_id"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(), (Long) rs.getObject("actor"),
                        rs.getString("text"), rs.getInt("percent"), rs.getBoolean("completion"),
                        files.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    /** An attachment's content, for those who may see its item; for anyone else it does not exist. */
    @Transactional(readOnly = true)
    public Download download(Viewer viewer, long attachmentId) {
        record Found(long itemId, String fileName, String contentType, byte[] content) {
        }
        Found f = jdbc.sql("""
                select r.item_id, a.file_name, a.content_type, a.content from report_attachment a
                join progress_report r on r.id = a.report_id where a.id = :id""").param("id", attachmentId)
                .query(Found.class).optional().orElseThrow(() -> new NotFound("kind.attachment", attachmentId));
        SupervisionItem item = store.find(f.itemId()).orElseThrow(() -> new NotFound("kind.attachment", attachmentId));
        if (!Supervision.visible(viewer, item)) {
            throw new NotFound("kind.attachment", attachmentId);
        }
        return new Download(attachmentId, f.fileName(), f.contentType(), f.content());
    }

    /** The file's own name, without any folder a browser may send, and without control characters. */
    static String name(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > 200) {
            String extension = AttachmentTypes.extension(name);
            name = name.substring(0, 190) + (extension.isEmpty() ? "" : "." + extension);
        }
        return name.isEmpty() ? "file" : name;
    }

    /** A size as users read it: 850 KB, 10 MB, 12.4 MB. */
    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
        }
        double mb = bytes / (1024.0 * 1024.0);
        return (mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb)) + " MB";
    }
}
