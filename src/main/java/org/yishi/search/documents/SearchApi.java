package org.yishi.search.documents;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yishi.accounts.Viewers;

/** One search over everything the caller may see: meetings, agenda items with their conclusions, supervised items. */
@RestController
@RequestMapping("/api/search")
@Tag(name = "search", description = "Search over meetings, items and supervised items, in Chinese and English")
@PreAuthorize("isAuthenticated()")
class SearchApi {

    private final Search search;

    SearchApi(Search search) {
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "Search: ranked hits with highlighted words, facets and paging",
            description = "Chinese is cut into words (HanLP, with the directory's names as a user dictionary): a word "
                    + "is found as a word, never across two. Words typed together must follow one another; parts "
                    + "separated by spaces must all match. Only what the caller may see is searched, counted and "
                    + "faceted. A query of only punctuation or operators answers no hits; one longer than 200 "
                    + "characters, an unknown kind, body or year answers 400 naming the parameter.")
    SearchResults search(@Parameter(description = "the words to find") @RequestParam(required = false) String q,
            @Parameter(description = "MEETING, ITEM or SUPERVISED_ITEM") @RequestParam(required = false) String kind,
            @RequestParam(required = false) Long bodyId, @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Locale locale) {
        return search.search(Viewers.current(), new Search.Request(q, blankToNull(kind), bodyId, year, page, size), locale);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
