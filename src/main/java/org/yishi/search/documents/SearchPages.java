package org.yishi.search.documents;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.yishi.accounts.Viewers;
import org.yishi.platform.Forms;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.Messages;

/**
 * The search page: one box, the hits ranked with their matching words marked, the facets (kind, body, year) as links
 * that narrow the search, and paging; htmx replaces only the results. Bad input shows its problem where the results
 * would be, never an error page.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class SearchPages {

    private final Search search;
    private final MessageSource messages;
    private final Forms forms;

    SearchPages(Search search, MessageSource messages, Forms forms) {
        this.search = search;
        this.messages = messages;
        this.forms = forms;
    }

    @GetMapping("/search")
    String page(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
            @RequestParam(required = false) Long bodyId, @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale, HttpServletResponse response,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore) {
        var request = new Search.Request(q, SearchApi.blankToNull(kind), bodyId, year, page, 20);
        forms.noErrorsYet(model);
        SearchResults results;
        try {
            results = search.search(Viewers.current(), request, locale);
        } catch (InvalidInput e) {
            response.setStatus(htmx != null && restore == null ? 200 : 400);
            model.addAttribute("errors", e.violations().stream()
                    .map(v -> new Forms.FormError(v.field(), Messages.resolve(messages, v, locale))).toList());
            results = search.search(Viewers.current(), new Search.Request(null, null, null, null, 0, 20), locale);
        }
        model.addAttribute("results", results);
        model.addAttribute("request", request);
        model.addAttribute("typed", q == null ? "" : q.length() > Search.MAX_QUERY ? q.substring(0, Search.MAX_QUERY) : q);
        model.addAttribute("links", new Links(request));
        return htmx != null && restore == null ? "search/search :: results" : "search/search";
    }

    /** Links that keep the query and change one facet or the page. */
    record Links(Search.Request r) {

        public String kind(String value) {
            return link(value, r.bodyId(), r.year(), 0);
        }

        public String body(String value) {
            return link(r.kind(), value == null ? null : Long.valueOf(value), r.year(), 0);
        }

        public String year(String value) {
            return link(r.kind(), r.bodyId(), value == null ? null : Integer.valueOf(value), 0);
        }

        public String page(int page) {
            return link(r.kind(), r.bodyId(), r.year(), page);
        }

        private String link(String kind, Long body, Integer year, int page) {
            return UriComponentsBuilder.fromPath("/search").queryParam("q", r.q() == null ? "" : r.q())
                    .queryParamIfPresent("kind", java.util.Optional.ofNullable(kind))
                    .queryParamIfPresent("bodyId", java.util.Optional.ofNullable(body))
                    .queryParamIfPresent("year", java.util.Optional.ofNullable(year))
                    .queryParamIfPresent("page", page > 0 ? java.util.Optional.of(page) : java.util.Optional.empty())
                    .encode().build().toUriString();
        }
    }
}
