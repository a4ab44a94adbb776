package org.yishi.meetings;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
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

@RestController
@RequestMapping("/api/meetings")
@Tag(name = "meetings", description = "Meetings as recorded")
class MeetingApi {

    private final Meetings meetings;
    private final Directory directory;

    MeetingApi(Meetings meetings, Directory directory) {
        this.meetings = meetings;
        this.directory = directory;
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
    @Operation(summary = "One meeting as recorded", description = "Internal and confidential items only for those entitled; a meeting the caller may not see is not found.")
    Meeting get(@PathVariable long id) {
        return meetings.meetingFor(Viewers.current(), id);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('meeting:edit')")
    @Operation(summary = "Record a meeting", description = "Checked as a whole; 400 lists every bad field and saves nothing.")
    ResponseEntity<Meeting> plan(@RequestBody MeetingDraft draft) {
        Meeting m = meetings.plan(draft);
        return ResponseEntity.created(URI.create("/api/meetings/" + m.id())).body(m);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('meeting:edit')")
    @Operation(summary = "Revise a meeting", description = "Replaces the record; items keep their id when it is sent back.")
    Meeting revise(@PathVariable long id, @RequestBody MeetingDraft draft) {
        return meetings.reviseAs(Viewers.current(), id, draft);
    }
}
