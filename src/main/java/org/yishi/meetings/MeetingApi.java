package org.yishi.meetings;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.context.MessageSource;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.yishi.accounts.Viewer;
import org.yishi.accounts.Viewers;
import org.yishi.directory.Body;
import org.yishi.directory.Directory;
import org.yishi.platform.Messages;

@RestController
@RequestMapping("/api/meetings")
@Tag(name = "meetings", description = "Meetings as recorded")
class MeetingApi {

    private final Meetings meetings;
    private final Directory directory;
    private final Procedure procedure;
    private final MessageSource messages;

    MeetingApi(Meetings meetings, Directory directory, Procedure procedure, MessageSource messages) {
        this.meetings = meetings;
        this.directory = directory;
        this.procedure = procedure;
        this.messages = messages;
    }

    /**
     * A meeting as recorded, its fields at the top level as before, with what the agenda rules warn of (first item,
     * materials deadline, ad-hoc consent) in the caller's language.
     */
    record MeetingView(@JsonUnwrapped Meeting meeting, List<String> warnings) {
    }

    private MeetingView view(Meeting shown, Locale locale) {
        return new MeetingView(shown, MeetingWarnings.of(procedure, meetings.meeting(shown.id()), shown).stream()
                .map(v -> Messages.resolve(messages, v, locale)).toList());
    }

    /** A line of the meeting list. */
    record MeetingLine(long id, LocalDate date, TimeOfDay timeOfDay, BodyRef body, int term, Integer sequence,
            MeetingKind kind, MeetingState state, int items) {
    }

    record BodyRef(long id, String nameZh, String nameEn) {
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('meeting:read', 'meeting:read-all')")
    @Operation(summary = "Meetings, newest first", description = "Optionally of one body; paged by page (from 0) and size (at most 500). The total is in X-Total-Count.")
    ResponseEntity<List<MeetingLine>> list(@RequestParam(required = false) Long bodyId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        int limit = Math.clamp(size, 1, 500);
        Viewer viewer = Viewers.current();
        Map<Long, Body> bodies = directory.bodies().stream().collect(Collectors.toMap(Body::id, Function.identity()));
        List<MeetingLine> lines = meetings.list(viewer, bodyId, limit, Math.max(0, page) * limit).stream().map(s -> {
            Body b = bodies.get(s.bodyId());
            return new MeetingLine(s.id(), s.date(), s.timeOfDay(), new BodyRef(b.id(), b.runningNameZh(), b.nameEn()),
                    s.termNumber(), s.sequence(), s.kind(), s.state(), s.itemCount());
        }).toList();
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(meetings.count(viewer, bodyId))).body(lines);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('meeting:read', 'meeting:read-all')")
    @Operation(summary = "One meeting as recorded", description = "Internal and confidential items only for those entitled; a meeting the caller may not see is not found. warnings: what the agenda rules warn of, in the caller's language.")
    MeetingView get(@PathVariable long id, Locale locale) {
        return view(meetings.meetingFor(Viewers.current(), id), locale);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('meeting:edit')")
    @Operation(summary = "Record a meeting", description = "Checked as a whole; 400 lists every bad field and saves nothing.")
    ResponseEntity<MeetingView> plan(@RequestBody MeetingDraft draft, Locale locale) {
        Meeting m = meetings.plan(draft);
        return ResponseEntity.created(URI.create("/api/meetings/" + m.id()))
                .body(view(meetings.meetingFor(Viewers.current(), m.id()), locale));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('meeting:edit')")
    @Operation(summary = "Revise a meeting", description = "Replaces the record; items keep their id when it is sent back.")
    MeetingView revise(@PathVariable long id, @RequestBody MeetingDraft draft, Locale locale) {
        meetings.reviseAs(Viewers.current(), id, draft);
        return view(meetings.meetingFor(Viewers.current(), id), locale);
    }
}
