package org.yishi.meetings.directives;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yishi.meetings.Directive;
import org.yishi.meetings.DirectiveDraft;
import org.yishi.meetings.Directives;

/**
 * The queue of central directives each body's office keeps for the first agenda item (第一议题). Reading needs
 * {@code meeting:read-all}; recording a received directive needs {@code directive:edit}.
 */
@RestController
@RequestMapping("/api/directives")
@Tag(name = "directives", description = "Central directives queued for study as a meeting's first item")
@PreAuthorize("hasAuthority('meeting:read-all')")
class DirectiveApi {

    private final Directives directives;
    private final DirectiveViews views;

    DirectiveApi(Directives directives, DirectiveViews views) {
        this.directives = directives;
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "A body's directives, newest first", description = "Pending and conveyed; a conveyed one names the held meeting whose item conveyed it; the newest pending one has nextFirstItem.")
    List<DirectiveViews.DirectiveView> queue(@RequestParam long bodyId, Locale locale) {
        return views.queue(bodyId, locale);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One directive")
    DirectiveViews.DirectiveView one(@PathVariable long id, Locale locale) {
        return views.one(id, locale);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('directive:edit')")
    @Operation(summary = "Record a received directive", description = "receivedOn defaults to today and may not precede issuedOn; 400 lists every bad field and saves nothing.")
    ResponseEntity<DirectiveViews.DirectiveView> receive(@RequestBody DirectiveDraft draft, Locale locale) {
        Directive d = directives.receive(draft);
        return ResponseEntity.created(URI.create("/api/directives/" + d.id())).body(views.one(d.id(), locale));
    }
}
