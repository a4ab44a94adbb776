package org.yishi.supervision.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.yishi.accounts.Viewers;
import org.yishi.platform.Messages;
import org.yishi.platform.Violation;
import org.yishi.supervision.Attachments;
import org.yishi.supervision.ItemPages;
import org.yishi.supervision.Supervision;
import org.yishi.supervision.SupervisionItem;

/**
 * Progress and completion reports with attachments through the API: a report is sent as multipart form data
 * ({@code text}, {@code percent}, {@code completion}, and any number of {@code files} up to ten); its attachments are
 * read back by those who may see the item. Too large a file or one of a kind not accepted answers 400 naming it,
 * and nothing is saved.
 */
@RestController
@RequestMapping("/api/supervision")
@Tag(name = "supervision", description = "Supervised items (督办件) and their workflow")
public class ReportsApi {

    private final Attachments attachments;
    private final Supervision supervision;
    private final MessageSource messages;

    ReportsApi(Attachments attachments, Supervision supervision, MessageSource messages) {
        this.attachments = attachments;
        this.supervision = supervision;
        this.messages = messages;
    }

    /** The report just made, and the item as it stands after it. */
    record Reported(SupervisionItem item, Attachments.Report report) {
    }

    @PostMapping(path = "/items/{id}/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('supervision:report')")
    @Operation(summary = "Report progress or completion with attachments", description = "Multipart: text, percent "
            + "(progress only), completion=true for the completion report (报送), files. Each file at most the configured "
            + "size (10 MB by default) and of an accepted kind, checked by its content: PDF, PNG, JPEG, GIF, WebP, "
            + ".docx, .xlsx, .doc, .xls, .txt.")
    Reported report(@PathVariable long id, @RequestParam(required = false) String text,
            @RequestParam(required = false) Integer percent, @RequestParam(defaultValue = "false") boolean completion,
            @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        var viewer = Viewers.current();
        Attachments.Report report = attachments.report(viewer, id, text, completion ? Integer.valueOf(100) : percent,
                completion, ItemPages.uploads(files));
        return new Reported(supervision.item(viewer, id), report);
    }

    @GetMapping("/items/{id}/reports")
    @PreAuthorize("hasAnyAuthority('supervision:read-all', 'supervision:report')")
    @Operation(summary = "The item's reports, newest first, with their attachments listed")
    List<Attachments.Report> reports(@PathVariable long id) {
        return attachments.reports(Viewers.current(), id);
    }

    @GetMapping("/attachments/{id}")
    @PreAuthorize("hasAnyAuthority('supervision:read-all', 'supervision:report')")
    @Operation(summary = "Download an attachment", description = "Only for those who may see the item; for anyone else it does not exist (404).")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        return file(attachments.download(Viewers.current(), id));
    }

    /** An attachment as a download, under its own name; never shown inline. */
    public static ResponseEntity<byte[]> file(Attachments.Download d) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(d.content());
    }

    /** A request over Spring's own size limit: 400 with the same clear message as a file over Yishi's. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        Locale locale = LocaleContextHolder.getLocale();
        String message = Messages.resolve(messages, Violation.of("files", "supervision.attachment.request-too-large",
                attachments.maxSize()), locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        problem.setTitle(messages.getMessage("problem.invalid.title", null, locale));
        problem.setProperty("errors", List.of(java.util.Map.of("field", "files", "message", message)));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
