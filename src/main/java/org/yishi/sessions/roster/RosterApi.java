package org.yishi.sessions.roster;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yishi.accounts.Viewers;

/** Congress and CPPCC terms and their rosters. */
@RestController
@RequestMapping("/api/sessions")
@Tag(name = "sessions", description = "People's congress and CPPCC terms, rosters, sessions and roll calls")
class RosterApi {

    private final Rosters rosters;
    private final RosterImport imports;

    RosterApi(Rosters rosters, RosterImport imports) {
        this.rosters = rosters;
        this.imports = imports;
    }

    /** A term with its groups and the size of its roster. */
    record TermView(AssemblyTerm term, List<Group> groups, int rosterSize) {
    }

    @GetMapping("/terms")
    @PreAuthorize("hasAuthority('congress:read')")
    @Operation(summary = "Congress and CPPCC terms")
    List<AssemblyTerm> terms() {
        return rosters.terms();
    }

    @PostMapping("/terms")
    @PreAuthorize("hasAuthority('congress:edit')")
    @Operation(summary = "Open a term of a congress or CPPCC body", description = "Takes the directory's term of that "
            + "number, or makes one of five years from startsOn.")
    ResponseEntity<AssemblyTerm> openTerm(@RequestBody RosterDrafts.TermOpening opening) {
        AssemblyTerm t = rosters.openTerm(Viewers.current(), opening);
        return ResponseEntity.created(URI.create("/api/sessions/terms/" + t.termId())).body(t);
    }

    @GetMapping("/terms/{id}")
    @PreAuthorize("hasAuthority('congress:read')")
    TermView term(@PathVariable long id) {
        return new TermView(rosters.term(id), rosters.groups(id), rosters.count(id));
    }

    @PostMapping("/terms/{id}/groups")
    @PreAuthorize("hasAuthority('congress:edit')")
    @Operation(summary = "Add a delegation (congress), sector or special committee (CPPCC)")
    ResponseEntity<Group> addGroup(@PathVariable long id, @RequestBody RosterDrafts.GroupDraft draft) {
        Group g = rosters.addGroup(Viewers.current(), id, draft);
        return ResponseEntity.created(URI.create("/api/sessions/terms/" + id)).body(g);
    }

    @GetMapping("/terms/{id}/roster")
    @PreAuthorize("hasAuthority('congress:read')")
    @Operation(summary = "The term's deputies or members, by delegation or sector and card number")
    List<RosterEntry> roster(@PathVariable long id) {
        return rosters.entries(id);
    }

    @PostMapping("/terms/{id}/roster")
    @PreAuthorize("hasAuthority('congress:edit')")
    @Operation(summary = "Put a person on the roster", description = "An existing person by personId, or a new one by name.")
    ResponseEntity<RosterEntry> addEntry(@PathVariable long id, @RequestBody RosterDrafts.EntryDraft draft) {
        RosterEntry e = rosters.addEntry(Viewers.current(), id, draft);
        return ResponseEntity.created(URI.create("/api/sessions/roster/" + e.id())).body(e);
    }

    @PostMapping(path = "/terms/{id}/roster/import", consumes = MediaType.ALL_VALUE)
    @PreAuthorize("hasAuthority('congress:edit')")
    @Operation(summary = "Import the roster from an .xlsx workbook", description = "All or nothing: a file with a bad "
            + "row is refused with every bad row's number and reasons.")
    RosterImport.Result importRoster(@PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file) {
        return imports.importRoster(Viewers.current(), id, RosterPages.upload(file));
    }

    @GetMapping("/roster/{id}")
    @PreAuthorize("hasAuthority('congress:read')")
    RosterEntry entry(@PathVariable long id) {
        return rosters.entry(id);
    }

    @PutMapping("/roster/{id}")
    @PreAuthorize("hasAuthority('congress:edit')")
    @Operation(summary = "Change a deputy's or member's card number, delegation, sector or committee")
    RosterEntry updateEntry(@PathVariable long id, @RequestBody RosterDrafts.EntryDraft draft) {
        return rosters.updateEntry(Viewers.current(), id, draft);
    }

    @DeleteMapping("/roster/{id}")
    @PreAuthorize("hasAuthority('congress:edit')")
    ResponseEntity<Void> removeEntry(@PathVariable long id) {
        rosters.removeEntry(Viewers.current(), id);
        return ResponseEntity.noContent().build();
    }
}
