package org.yishi.sessions.motion;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yishi.accounts.Viewers;

/** Motions (议案) of a congress session. */
@RestController
@RequestMapping("/api/sessions")
@Tag(name = "sessions")
class MotionApi {

    private final Motions motions;

    MotionApi(Motions motions) {
        this.motions = motions;
    }

    record Deadline(OffsetDateTime until) {
    }

    record Decision(Motion.State outcome) {
    }

    @GetMapping("/sessions/{id}/motions")
    @PreAuthorize("hasAuthority('congress:read')")
    List<Motion> motions(@PathVariable long id) {
        return motions.motions(id);
    }

    @PostMapping("/sessions/{id}/motions")
    @PreAuthorize("hasAuthority('congress:edit')")
    @Operation(summary = "Submit a motion", description = "By the presidium, a delegation, or deputies jointly: at "
            + "least 10 co-signing deputies of the term at county level, 5 at township level (configurable). Refused with "
            + "the rule it breaks, also after the presidium's deadline.")
    ResponseEntity<Motion> submit(@PathVariable long id, @RequestBody MotionDraft draft) {
        Motion m = motions.submit(Viewers.current(), id, draft);
        return ResponseEntity.created(URI.create("/api/sessions/motions/" + m.id())).body(m);
    }

    @PostMapping("/sessions/{id}/motions/deadline")
    @PreAuthorize("hasAuthority('congress:edit')")
    @Operation(summary = "Set the presidium's deadline for motions (null: none)")
    ResponseEntity<Void> deadline(@PathVariable long id, @RequestBody Deadline deadline) {
        motions.setDeadline(Viewers.current(), id, deadline.until());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/motions/{id}")
    @PreAuthorize("hasAuthority('congress:read')")
    Motion motion(@PathVariable long id) {
        return motions.motion(id);
    }

    @PostMapping("/motions/{id}/decide")
    @PreAuthorize("hasAuthority('congress:edit')")
    @Operation(summary = "The presidium's decision: ON_AGENDA, or AS_SUGGESTION")
    Motion decide(@PathVariable long id, @RequestBody Decision decision) {
        return motions.decide(Viewers.current(), id, decision.outcome());
    }
}
