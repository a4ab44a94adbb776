package org.yishi.search.ledger;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.yishi.accounts.Viewers;
import org.yishi.directory.Directory;
import org.yishi.meetings.Directives;
import org.yishi.platform.Forms;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.Messages;

/**
 * The directive ledger page: the filter (body, from, to) above the conveyings and the bodies that have not conveyed
 * the directive yet; htmx replaces only the results when the filter changes. A bad filter shows its problems in the
 * results' place. The .xlsx download takes the same filter.
 */
@Controller
@RequestMapping("/directives/{id}")
@PreAuthorize("hasAuthority('meeting:read-all')")
class DirectiveLedgerPages {

    private final DirectiveLedger ledger;
    private final DirectiveLedgerXlsx xlsx;
    private final Directives directives;
    private final Directory directory;
    private final MessageSource messages;
    private final Forms forms;

    DirectiveLedgerPages(DirectiveLedger ledger, DirectiveLedgerXlsx xlsx, Directives directives, Directory directory,
            MessageSource messages, Forms forms) {
        this.ledger = ledger;
        this.xlsx = xlsx;
        this.directives = directives;
        this.directory = directory;
        this.messages = messages;
        this.forms = forms;
    }

    @GetMapping("/ledger")
    String page(@PathVariable long id, @RequestParam(required = false) Long bodyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model,
            Locale locale, HttpServletResponse response,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore) {
        directives.get(id);
        var filter = new DirectiveLedgerView.Filter(bodyId, from, to);
        forms.noErrorsYet(model);
        try {
            model.addAttribute("ledger", ledger.of(Viewers.current(), id, filter, locale));
        } catch (InvalidInput e) {
            // htmx swaps in only a successful answer: the problems take the results' place
            response.setStatus(htmx != null && restore == null ? 200 : 400);
            model.addAttribute("errors", e.violations().stream()
                    .map(v -> new Forms.FormError(v.field(), Messages.resolve(messages, v, locale))).toList());
            model.addAttribute("ledger", ledger.of(Viewers.current(), id, new DirectiveLedgerView.Filter(null, null, null),
                    locale).withoutRows());
        }
        model.addAttribute("filter", filter);
        model.addAttribute("exportLink", UriComponentsBuilder.fromPath("/directives/{id}/ledger.xlsx")
                .queryParamIfPresent("bodyId", java.util.Optional.ofNullable(bodyId))
                .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                .queryParamIfPresent("to", java.util.Optional.ofNullable(to)).encode().buildAndExpand(id).toUriString());
        if (htmx != null && restore == null) {
            return "search/directive-ledger :: results";
        }
        model.addAttribute("bodies", directory.bodies());
        return "search/directive-ledger";
    }

    @GetMapping("/ledger.xlsx")
    void export(@PathVariable long id, @RequestParam(required = false) Long bodyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale,
            HttpServletResponse response) throws IOException {
        xlsx.send(ledger.of(Viewers.current(), id, new DirectiveLedgerView.Filter(bodyId, from, to), locale), locale,
                response);
    }
}
