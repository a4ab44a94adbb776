package org.yishi.audit;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "audit", description = "The audit log: search, export, verification of the hash chain")
class AuditApi {

    private final Audit audit;
    private final AuditEntries entries;
    private final AuditCsv csv;
    private final MessageSource messages;

    AuditApi(Audit audit, AuditEntries entries, AuditCsv csv, MessageSource messages) {
        this.audit = audit;
        this.entries = entries;
        this.csv = csv;
        this.messages = messages;
    }

    /** A verification with its finding in words. */
    record VerificationAnswer(boolean ok, long entriesChecked, Long firstBadId, String reason, String message) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('audit:read')")
    @Operation(summary = "Audit entries, newest first", description = "Filtered by actor, action, subjectType, subjectId "
            + "(exact) and the days from and to (yyyy-MM-dd, included); paged by page (from 0) and size (at most 500). "
            + "The total is in X-Total-Count.")
    ResponseEntity<List<AuditEntry>> search(@ModelAttribute AuditQuery bound, BindingResult binding,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        AuditQuery query = AuditQuery.orRefuse(bound, binding);
        int limit = Math.clamp(size, 1, 500);
        List<AuditEntry> found = entries.search(query, limit, Math.max(0, page) * limit);
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(entries.count(query))).body(found);
    }

    @GetMapping("/export.csv")
    @PreAuthorize("hasAuthority('audit:export')")
    @Operation(summary = "Audit entries as CSV", description = "The same filters as the search, every matching entry, "
            + "UTF-8 with a byte-order mark.")
    void export(@ModelAttribute AuditQuery query, BindingResult binding, Locale locale, HttpServletResponse response)
            throws IOException {
        csv.send(AuditQuery.orRefuse(query, binding), locale, response);
    }

    /** A checkpoint as written to the checkpoint file. */
    record CheckpointAnswer(java.time.Instant at, Long lastId, String lastHash, Long anchorId, String anchorHash,
            long keyedFrom) {
    }

    @PostMapping("/checkpoints")
    @PreAuthorize("hasAuthority('audit:verify')")
    @Operation(summary = "Write a checkpoint of the chain head now", description = "Appends the chain head, signed with "
            + "the audit key, to the checkpoint file outside the database (as is done every five minutes), unless the "
            + "newest checkpoint already names the same head. 503 when the chain head is missing.")
    ResponseEntity<?> checkpoint(Locale locale) {
        return audit.checkpointOnRequest()
                .<ResponseEntity<?>>map(c -> ResponseEntity.ok(new CheckpointAnswer(c.at(), c.lastId(), c.lastHash(),
                        c.anchorId(), c.anchorHash(), c.keyedFrom())))
                .orElseGet(() -> ResponseEntity.of(org.springframework.http.ProblemDetail.forStatusAndDetail(
                        org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                        messages.getMessage("audit.checkpoint.head-missing", null, locale))).build());
    }

    @PostMapping("/verify")
    @PreAuthorize("hasAuthority('audit:verify')")
    @Operation(summary = "Verify the hash chain", description = "Recomputes every entry's keyed hash and checks every "
            + "link, the anchor left by purges, the chain head and the signed checkpoints kept outside the database. "
            + "Always answers 200 with a verdict.")
    VerificationAnswer verify(Locale locale) {
        Verification v = audit.verifyOnRequest();
        return new VerificationAnswer(v.ok(), v.entriesChecked(), v.firstBadId(), v.reason(), v.describe(messages, locale));
    }
}
