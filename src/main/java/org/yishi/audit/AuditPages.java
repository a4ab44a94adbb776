package org.yishi.audit;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.yishi.platform.Forms;

/**
 * The audit log for the audit administrator: search by actor, action, subject and dates, newest first, 50 a page;
 * export what was found as CSV; verify the hash chain.
 */
@Controller
@RequestMapping("/audit")
class AuditPages {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(AuditQuery.ZONE);

    private final Audit audit;
    private final AuditEntries entries;
    private final AuditCsv csv;
    private final MessageSource messages;
    private final Forms forms;

    AuditPages(Audit audit, AuditEntries entries, AuditCsv csv, MessageSource messages, Forms forms) {
        this.audit = audit;
        this.entries = entries;
        this.csv = csv;
        this.messages = messages;
        this.forms = forms;
    }

    /**
     * An entry as the page shows it: the time in the server's zone, the action and subject named in words, the
     * address as people write it.
     */
    record Line(AuditEntry entry, String at, String action, String subjectType) {

        public String ip() {
            return Origin.readable(entry.ip());
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('audit:read')")
    String log(@ModelAttribute("query") AuditQuery bound, BindingResult binding,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        int p = Math.max(0, page);
        // a date that is not one is listed as a problem, nothing is searched, and the form starts again
        AuditQuery query = bound != null ? bound : AuditQuery.all();
        model.addAttribute("query", query);
        List<Line> lines = forms.submit(() -> entries.search(query, PAGE_SIZE, p * PAGE_SIZE), binding, model, locale)
                .orElse(List.of()).stream().map(e -> line(e, locale)).toList();
        long total = binding.hasErrors() ? 0 : entries.count(query);
        long pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("lines", lines);
        model.addAttribute("total", total);
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("previous", p > 0 ? link("/audit", query, p - 1) : null);
        model.addAttribute("next", p + 1 < pages ? link("/audit", query, p + 1) : null);
        model.addAttribute("export", link("/audit/export.csv", query, null));
        return "audit/log";
    }

    @PostMapping("/verify")
    @PreAuthorize("hasAuthority('audit:verify')")
    String verify(@ModelAttribute("query") AuditQuery query, BindingResult binding, Model model, Locale locale) {
        Verification verification = audit.verifyOnRequest();
        model.addAttribute("verification", verification);
        model.addAttribute("verificationMessage", verification.describe(messages, locale));
        return log(query, binding, 0, model, locale);
    }

    /** Writes a checkpoint of the chain head outside the database now (issue 11). */
    @PostMapping("/checkpoint")
    @PreAuthorize("hasAuthority('audit:verify')")
    String checkpoint(@ModelAttribute("query") AuditQuery query, BindingResult binding, Model model, Locale locale) {
        var checkpoint = audit.checkpointOnRequest();
        model.addAttribute("checkpointOk", checkpoint.isPresent());
        model.addAttribute("checkpointMessage", checkpoint
                .map(c -> messages.getMessage("audit.checkpoint.written", new Object[] {
                        c.lastId() == null ? "—" : String.valueOf(c.lastId()), AT.format(c.at())}, locale))
                .orElseGet(() -> messages.getMessage("audit.checkpoint.head-missing", null, locale)));
        return log(query, binding, 0, model, locale);
    }

    @GetMapping("/export.csv")
    @PreAuthorize("hasAuthority('audit:export')")
    void export(@ModelAttribute AuditQuery query, BindingResult binding, Locale locale, HttpServletResponse response)
            throws IOException {
        csv.send(AuditQuery.orRefuse(query, binding), locale, response);
    }

    private Line line(AuditEntry e, Locale locale) {
        return new Line(e, AT.format(e.at()), messages.getMessage("audit.action." + e.action(), null, e.action(), locale),
                e.subjectType() == null ? null
                        : messages.getMessage("audit.subject." + e.subjectType(), null, e.subjectType(), locale));
    }

    /** A link to the path with the query's filters, and the page when given. */
    static String link(String path, AuditQuery query, Integer page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        param(link, "actor", query.actor());
        param(link, "action", query.action());
        param(link, "subjectType", query.subjectType());
        param(link, "subjectId", query.subjectId());
        param(link, "from", query.from());
        param(link, "to", query.to());
        param(link, "page", page);
        return link.encode().build().toUriString();
    }

    private static void param(UriComponentsBuilder link, String name, Object value) {
        if (value != null) {
            link.queryParam(name, value);
        }
    }
}
