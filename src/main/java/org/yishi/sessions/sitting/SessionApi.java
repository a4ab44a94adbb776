package org.yishi.sessions.sitting;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yishi.accounts.Viewers;
import org.yishi.sessions.roster.RosterEntry;

/** Sessions of congress and CPPCC terms: their meetings, agenda, presidium, roll calls and counts. */
@RestController
@RequestMapping("/api/sessions")
@Tag(name = "sessions")
class SessionApi {

    private final Sessions sessions;
    private final RollCall rollCall;
    private final QuorumTexts texts;

    SessionApi(Sessions sessions, RollCall rollCall, QuorumTexts texts) {
        this.sessions = sessions;
        this.rollCall = rollCall;
        this.texts = texts;
    }

    /** A session with its title in the caller's language, its meetings, agenda and presidium. */
    record SessionView(Session session, String title, List<Sitting> sittings, List<AgendaEntry> agenda,
            List<RosterEntry> presidium) {
    }

    /** A meeting with its roll call's standing, also as the sentence a readout states it in. */
    record SittingView(Sitting sitting, Quorum quorum, String quorumText) {
    }

    @GetMapping("/terms/{id}/sessions")
    @PreAuthorize("hasAuthority('congress:read')")
    @Operation(summary = "The sessions of a term")
    List<Session> sessions(@PathVariable long id) {
        return sessions.sessions(id);
    }

    @PostMapping("/terms/{id}/sessions")
    @PreAuthorize("hasAuthority('congress:edit')")
    @Operation(summary = "Add a session to a term", description = "Its number is entered (第N次会议), never derived from years.")
    ResponseEntity<Session> create(@PathVariable long id, @RequestBody SittingDrafts.SessionDraft draft) {
        Session s = sessions.create(Viewers.current(), id, draft);
        return ResponseEntity.created(URI.create("/api/sessions/sessions/" + s.id())).body(s);
    }

    @GetMapping("/sessions/{id}")
    @PreAuthorize("hasAuthority('congress:read')")
    SessionView session(@PathVariable long id, Locale locale) {
        Session s = sessions.session(id);
        return new SessionView(s, sessions.title(s, locale), sessions.sittings(id), sessions.agenda(id), sessions.presidium(id));
    }

    @PostMapping("/sessions/{id}/sittings")
    @PreAuthorize("hasAuthority('congress:edit')")
    @Operation(summary = "Add the preparatory meeting or a plenary meeting")
    ResponseEntity<Sitting> addSitting(@PathVariable long id, @RequestBody SittingDrafts.SittingDraft draft) {
        Sitting s = sessions.addSitting(Viewers.current(), id, draft);
        return ResponseEntity.created(URI.create("/api/sessions/sittings/" + s.id())).body(s);
    }

    @PostMapping("/sessions/{id}/agenda")
    @PreAuthorize("hasAuthority('congress:edit')")
    @Operation(summary = "Add an item to the agenda (refused once the agenda is adopted)")
    ResponseEntity<AgendaEntry> addAgendaEntry(@PathVariable long id, @RequestBody SittingDrafts.AgendaDraft draft) {
        AgendaEntry e = sessions.addAgendaEntry(Viewers.current(), id, draft);
        return ResponseEntity.created(URI.create("/api/sessions/sessions/" + id)).body(e);
    }

    @PostMapping("/sessions/{id}/presidium")
    @PreAuthorize("hasAuthority('congress:edit')")
    @Operation(summary = "Record the presidium the open preparatory meeting elected")
    List<RosterEntry> electPresidium(@PathVariable long id, @RequestBody SittingDrafts.PresidiumDraft draft) {
        return sessions.electPresidium(Viewers.current(), id, draft);
    }

    @PostMapping("/sessions/{id}/agenda/adopt")
    @PreAuthorize("hasAuthority('congress:edit')")
    @Operation(summary = "The open preparatory meeting adopts the agenda")
    Session adoptAgenda(@PathVariable long id) {
        return sessions.adoptAgenda(Viewers.current(), id);
    }

    @GetMapping("/sittings/{id}")
    @PreAuthorize("hasAuthority('congress:read')")
    @Operation(summary = "A meeting and its quorum: due, present, on leave, required")
    SittingView sitting(@PathVariable long id, Locale locale) {
        Sitting s = sessions.sitting(id);
        Quorum q = rollCall.quorum(id);
        return new SittingView(s, q, texts.sentence(s, q, locale));
    }

    @GetMapping("/sittings/{id}/calls")
    @PreAuthorize("hasAuthority('congress:read')")
    @Operation(summary = "Who has been checked in or given leave, latest first")
    List<RollCall.Call> calls(@PathVariable long id) {
        return rollCall.calls(id);
    }

    @PostMapping("/sittings/{id}/check-in")
    @PreAuthorize("hasAuthority('congress:roll-call')")
    @Operation(summary = "Check a deputy in by card number, full name or roster entry id", description = "Answers the "
            + "deputies the text could mean when it names several, and nothing changes then.")
    RollCall.CheckIn checkIn(@PathVariable long id, @RequestBody SittingDrafts.CheckInDraft draft) {
        return rollCall.checkIn(Viewers.current(), id, draft);
    }

    @PostMapping("/sittings/{id}/leave")
    @PreAuthorize("hasAuthority('congress:roll-call')")
    @Operation(summary = "Give a deputy leave from the meeting, with the reason")
    RollCall.Call leave(@PathVariable long id, @RequestBody SittingDrafts.LeaveDraft draft) {
        return rollCall.leave(Viewers.current(), id, draft);
    }

    @DeleteMapping("/sittings/{id}/calls/{entryId}")
    @PreAuthorize("hasAuthority('congress:roll-call')")
    @Operation(summary = "Take back a check-in or leave recorded by mistake")
    ResponseEntity<Void> undo(@PathVariable long id, @PathVariable long entryId) {
        rollCall.undo(Viewers.current(), id, entryId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/sittings/{id}/open")
    @PreAuthorize("hasAuthority('congress:roll-call')")
    @Operation(summary = "Open the meeting", description = "Refused below the quorum, with the numbers.")
    Sitting open(@PathVariable long id) {
        return rollCall.open(Viewers.current(), id);
    }

    @PostMapping("/sittings/{id}/close")
    @PreAuthorize("hasAuthority('congress:roll-call')")
    Sitting close(@PathVariable long id) {
        return rollCall.close(Viewers.current(), id);
    }

    @PostMapping("/agenda/{id}/count")
    @PreAuthorize("hasAuthority('congress:roll-call')")
    @Operation(summary = "Record the count of a resolution or election", description = "Adopted with a majority of all "
            + "deputies of the term, whoever is present.")
    AgendaEntry count(@PathVariable long id, @RequestBody SittingDrafts.CountDraft draft) {
        return rollCall.count(Viewers.current(), id, draft);
    }
}
