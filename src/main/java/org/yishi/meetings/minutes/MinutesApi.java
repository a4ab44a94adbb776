package org.yishi.meetings.minutes;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yishi.accounts.Viewers;
import org.yishi.meetings.MeetingTitles;
import org.yishi.meetings.Minutes;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.Violation;

/**
 * A meeting's record and minutes through the API: as JSON of the document, or as PDF or .docx, in Chinese or English;
 * and the minutes' way to issue. A meeting the caller may not see is not found; items hidden from them are left out.
 */
@RestController
@RequestMapping("/api/meetings/{id}")
@Tag(name = "record and minutes", description = "The meeting record (internal) and the minutes: documents, exports, and the way to issue")
public class MinutesApi {

    static final MediaType PDF = MediaType.APPLICATION_PDF;
    public static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final MeetingDocuments documents;
    private final DocumentExport export;

    MinutesApi(MeetingDocuments documents, DocumentExport export) {
        this.documents = documents;
        this.export = export;
    }

    /** The minutes with where they stand: {@code workflow} is null before they are drafted. */
    record MinutesAnswer(Minutes workflow, MeetingDocument document) {
    }

    record SendBack(String reason) {
    }

    @GetMapping("/record")
    @PreAuthorize("hasAuthority('record:read')")
    @Operation(summary = "The meeting record",
            description = "Everything: attendance, each member's stated opinion, written opinions (not counted), voting "
                    + "methods, counts and outcomes with their explanation; a secret ballot shows only counts and how "
                    + "many voted. Every reading is audited. format: json (default), pdf or docx; lang: zh or en "
                    + "(default: the caller's language).")
    ResponseEntity<?> record(@PathVariable long id,
            @Parameter(description = "json (default), pdf or docx") @RequestParam(required = false) String format,
            @Parameter(description = "zh or en; default: Accept-Language") @RequestParam(required = false) String lang) {
        Format f = Format.of(format);
        MeetingDocument record = documents.record(Viewers.current(), id, locale(lang));
        return f == Format.JSON ? ResponseEntity.ok(record) : file(record, f, export);
    }

    @GetMapping("/minutes")
    @PreAuthorize("hasAuthority('minutes:read')")
    @Operation(summary = "The minutes",
            description = "Issued minutes exactly as issued; before issue, as they stand now, only for those who draft, "
                    + "check or issue minutes (the office) and the meeting's presiding person (404 for other members, 409 for others). As JSON (the document with its workflow), "
                    + "pdf or docx; lang zh or en.")
    ResponseEntity<?> minutes(@PathVariable long id,
            @Parameter(description = "json (default), pdf or docx") @RequestParam(required = false) String format,
            @Parameter(description = "zh or en; default: Accept-Language") @RequestParam(required = false) String lang) {
        Format f = Format.of(format);
        MeetingDocuments.MinutesReading reading = documents.minutes(Viewers.current(), id, locale(lang));
        return f == Format.JSON ? ResponseEntity.ok(new MinutesAnswer(reading.workflow().orElse(null), reading.document()))
                : file(reading.document(), f, export);
    }

    @PostMapping("/minutes")
    @PreAuthorize("hasAuthority('minutes:draft')")
    @Operation(summary = "Draft the minutes", description = "Once the meeting is closed and every item decided; 409 otherwise.")
    ResponseEntity<Minutes> draft(@PathVariable long id) {
        return ResponseEntity.status(201).body(documents.draft(Viewers.current(), id));
    }

    @PostMapping("/minutes/check")
    @PreAuthorize("hasAuthority('minutes:check')")
    @Operation(summary = "Check drafted minutes", description = "By someone other than the drafter.")
    Minutes check(@PathVariable long id) {
        return documents.check(Viewers.current(), id);
    }

    @PostMapping("/minutes/sign")
    @PreAuthorize("hasAuthority('minutes:sign')")
    @Operation(summary = "Sign off checked minutes", description = "By the meeting's presiding person only.")
    Minutes sign(@PathVariable long id) {
        return documents.signOff(Viewers.current(), id);
    }

    @PostMapping("/minutes/issue")
    @PreAuthorize("hasAuthority('minutes:issue')")
    @Operation(summary = "Issue signed-off minutes",
            description = "Keeps the minutes in Chinese and English as issued: later changes to the data do not change them.")
    Minutes issue(@PathVariable long id) {
        return documents.issue(Viewers.current(), id);
    }

    @PostMapping("/minutes/send-back")
    @PreAuthorize("hasAnyAuthority('minutes:check', 'minutes:sign')")
    @Operation(summary = "Send checked or signed-off minutes back to draft", description = "With the reason (required).")
    Minutes sendBack(@PathVariable long id, @RequestBody(required = false) SendBack body) {
        return documents.sendBack(Viewers.current(), id, body == null ? null : body.reason());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** How a document is answered. */
    enum Format {
        JSON, PDF, DOCX;

        static Format of(String format) {
            if (format == null || format.isBlank()) {
                return JSON;
            }
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "pdf" -> PDF;
                case "docx" -> DOCX;
                default -> throw new InvalidInput(Violation.of("format", "documents.format", format));
            };
        }
    }

    /** zh or en as asked, or the caller's language. */
    static Locale locale(String lang) {
        if (lang == null || lang.isBlank()) {
            return MeetingTitles.english(LocaleContextHolder.getLocale()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }
        return switch (lang.strip().toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn" -> Locale.SIMPLIFIED_CHINESE;
            case "en" -> Locale.ENGLISH;
            default -> throw new InvalidInput(Violation.of("lang", "documents.lang", lang));
        };
    }

    /** The document as a file to download, named e.g. minutes-77-zh.pdf. */
    static ResponseEntity<byte[]> file(MeetingDocument d, Format format, DocumentExport export) {
        boolean pdf = format == Format.PDF;
        String name = (d.kind() == MeetingDocument.Kind.RECORD ? "record" : "minutes") + "-" + d.meetingId() + "-"
                + d.language() + (pdf ? ".pdf" : ".docx");
        return ResponseEntity.ok().contentType(pdf ? PDF : DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(pdf ? export.pdf(d) : export.docx(d));
    }
}
