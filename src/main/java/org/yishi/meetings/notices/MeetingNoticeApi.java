package org.yishi.meetings.notices;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.accounts.Viewers;

/** The meeting notice, its read receipts and the agenda items' materials through the API. */
@RestController
@Tag(name = "meeting notice", description = "The meeting notice (会议通知), its invitation and read receipts; materials")
class MeetingNoticeApi {

    private final MeetingNotices notices;
    private final MeetingMaterials materials;

    MeetingNoticeApi(MeetingNotices notices, MeetingMaterials materials) {
        this.notices = notices;
        this.materials = materials;
    }

    /** The notice as sent; the receipts only for the office (meeting:run), otherwise null. */
    record NoticeView(long meetingId, String textZh, String textEn, int sends, Instant sentAt,
            List<MeetingNotices.Receipt> receipts) {
    }

    @GetMapping("/api/meetings/{id}/notice")
    @PreAuthorize("hasAnyAuthority('meeting:read', 'meeting:read-all')")
    @Operation(summary = "The meeting notice in both languages (a recipient's reading is recorded)")
    ResponseEntity<NoticeView> notice(@PathVariable long id) {
        Viewer viewer = Viewers.current();
        return notices.readBy(viewer, id).map(s -> ResponseEntity.ok(view(viewer, s)))
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/api/meetings/{id}/notice")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Write the notice from the plan and send it (a draft meeting is notified first)")
    NoticeView send(@PathVariable long id) {
        Viewer viewer = Viewers.current();
        return view(viewer, notices.send(viewer, id));
    }

    private NoticeView view(Viewer viewer, MeetingNotices.Sent s) {
        return new NoticeView(s.meetingId(), s.textZh(), s.textEn(), s.sends(), s.sentAt(),
                viewer.can(Permission.MEETING_RUN) ? notices.receipts(viewer, s.meetingId()) : null);
    }

    @GetMapping("/api/meetings/{id}/materials")
    @PreAuthorize("hasAnyAuthority('meeting:read', 'meeting:read-all')")
    @Operation(summary = "Every version of the materials of the meeting's items")
    List<MeetingMaterials.Material> materials(@PathVariable long id) {
        Viewer viewer = Viewers.current();
        if (!notices.readableBy(viewer, id)) {
            throw new org.yishi.platform.NotFound("kind.meeting", id);
        }
        return materials.of(id);
    }

    @GetMapping("/api/meetings/{id}/materials/readings")
    @PreAuthorize("hasAuthority('meeting:run')")
    @Operation(summary = "Who read which version of the materials, and when")
    List<MeetingMaterials.Reading> readings(@PathVariable long id) {
        return materials.readings(Viewers.current(), id);
    }

    @PostMapping(path = "/api/meetings/{id}/items/{itemId}/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('meeting:edit')")
    @Operation(summary = "Deliver a new version of an item's materials")
    MeetingMaterials.Material upload(@PathVariable long id, @PathVariable long itemId,
            @RequestParam(required = false) MultipartFile file) throws IOException {
        return materials.upload(Viewers.current(), id, itemId, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes());
    }
}
