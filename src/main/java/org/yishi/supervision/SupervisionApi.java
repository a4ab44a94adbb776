package org.yishi.supervision;

import java.net.URI;
import java.time.LocalDate;
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

/**
 * Supervised items through the API: register, and each step of the workflow. A liaison reaches only their unit's
 * items (others are not found); a step not allowed in the item's state answers 409 with the reason.
 */
@RestController
@RequestMapping("/api/supervision")
@Tag(name = "supervision", description = "Supervised items (督办件) and their workflow")
class SupervisionApi {

    private final Supervision supervision;
    private final Proposals proposals;
    private final SupervisionStore store;

    SupervisionApi(Supervision supervision, Proposals proposals, SupervisionStore store) {
        this.supervision = supervision;
        this.proposals = proposals;
        this.store = store;
    }

    record ItemWithSteps(SupervisionItem item, List<SupervisionStore.Step> steps) {
    }

    record Reason(String reason) {
    }

    record Assignment(Long leadUnitId) {
    }

    record ProgressInput(String text, Integer percent) {
    }

    record ExtensionInput(String reason, LocalDate newDeadline) {
    }

    record ExtensionDecision(Boolean approve, String note) {
    }

    record Merge(Long itemId) {
    }

    @GetMapping("/items/{id}")
    @PreAuthorize("hasAnyAuthority('supervision:read-all', 'supervision:report')")
    @Operation(summary = "One supervised item with the log of its steps")
    ItemWithSteps item(@PathVariable long id) {
        return new ItemWithSteps(supervision.item(Viewers.current(), id), store.steps(id));
    }

    @PostMapping("/items")
    @PreAuthorize("hasAuthority('supervision:manage')")
    @Operation(summary = "Register an item by hand", description = "From a leader's instruction or a task from a higher level; 400 lists every bad field and saves nothing.")
    ResponseEntity<SupervisionItem> register(@RequestBody SupervisionDraft draft) {
        SupervisionItem item = supervision.register(Viewers.current(), draft, null);
        return ResponseEntity.created(URI.create("/api/supervision/items/" + item.id())).body(item);
    }

    @PostMapping("/items/{id}/assign")
    @PreAuthorize("hasAuthority('supervision:manage')")
    @Operation(summary = "Assign (交办) to the lead unit", description = "From REGISTERED or RETURNED; a returned item may go to another unit.")
    SupervisionItem assign(@PathVariable long id, @RequestBody(required = false) Assignment a) {
        return supervision.assign(Viewers.current(), id, a == null ? null : a.leadUnitId());
    }

    @PostMapping("/items/{id}/accept")
    @PreAuthorize("hasAuthority('supervision:report')")
    @Operation(summary = "Accept (签收), by the lead unit")
    SupervisionItem accept(@PathVariable long id) {
        return supervision.accept(Viewers.current(), id);
    }

    @PostMapping("/items/{id}/return")
    @PreAuthorize("hasAuthority('supervision:report')")
    @Operation(summary = "Return as outside the unit's remit", description = "Within 5 working days of assignment, with a reason.")
    SupervisionItem giveBack(@PathVariable long id, @RequestBody Reason r) {
        return supervision.returnOutsideRemit(Viewers.current(), id, r.reason());
    }

    @PostMapping("/items/{id}/progress")
    @PreAuthorize("hasAuthority('supervision:report')")
    @Operation(summary = "Report progress", description = "Text and a percentage; a parent's progress follows as the weighted average of its children.")
    SupervisionItem progress(@PathVariable long id, @RequestBody ProgressInput p) {
        return supervision.reportProgress(Viewers.current(), id, p.text(), p.percent());
    }

    @PostMapping("/items/{id}/completion")
    @PreAuthorize("hasAuthority('supervision:report')")
    @Operation(summary = "Report completion (报送)")
    SupervisionItem completion(@PathVariable long id, @RequestBody ProgressInput p) {
        return supervision.reportCompletion(Viewers.current(), id, p.text());
    }

    @PostMapping("/items/{id}/close")
    @PreAuthorize("hasAuthority('supervision:manage')")
    @Operation(summary = "Accept the completion report and close (销号)")
    SupervisionItem close(@PathVariable long id) {
        return supervision.close(Viewers.current(), id);
    }

    @PostMapping("/items/{id}/send-back")
    @PreAuthorize("hasAuthority('supervision:manage')")
    @Operation(summary = "Send the completion report back (退办), with the reasons")
    SupervisionItem sendBack(@PathVariable long id, @RequestBody Reason r) {
        return supervision.sendBack(Viewers.current(), id, r.reason());
    }

    @PostMapping("/items/{id}/suspend")
    @PreAuthorize("hasAuthority('supervision:manage')")
    @Operation(summary = "Suspend, with a reason")
    SupervisionItem suspend(@PathVariable long id, @RequestBody Reason r) {
        return supervision.suspend(Viewers.current(), id, r.reason());
    }

    @PostMapping("/items/{id}/resume")
    @PreAuthorize("hasAuthority('supervision:manage')")
    @Operation(summary = "Resume where it was suspended")
    SupervisionItem resume(@PathVariable long id) {
        return supervision.resume(Viewers.current(), id);
    }

    @PostMapping("/items/{id}/extension")
    @PreAuthorize("hasAuthority('supervision:report')")
    @Operation(summary = "Ask for more time", description = "Before the deadline, with a reason and a later date; one request at a time.")
    ResponseEntity<Void> extension(@PathVariable long id, @RequestBody ExtensionInput e) {
        supervision.requestExtension(Viewers.current(), id, e.reason(), e.newDeadline());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/items/{id}/extension/decision")
    @PreAuthorize("hasAuthority('supervision:manage')")
    @Operation(summary = "Approve or refuse the pending request for more time")
    SupervisionItem decideExtension(@PathVariable long id, @RequestBody ExtensionDecision d) {
        return supervision.decideExtension(Viewers.current(), id, Boolean.TRUE.equals(d.approve()), d.note());
    }

    @GetMapping("/proposals")
    @PreAuthorize("hasAuthority('supervision:manage')")
    @Operation(summary = "Adopted decisions waiting to be confirmed as items")
    List<Proposal> proposals() {
        return proposals.pending(Viewers.current());
    }

    @PostMapping("/proposals/{id}/confirm")
    @PreAuthorize("hasAuthority('supervision:manage')")
    @Operation(summary = "Confirm a proposal as one item, or split it into several")
    List<SupervisionItem> confirm(@PathVariable long id, @RequestBody List<SupervisionDraft> drafts) {
        return proposals.confirm(Viewers.current(), id, drafts);
    }

    @PostMapping("/proposals/{id}/merge")
    @PreAuthorize("hasAuthority('supervision:manage')")
    @Operation(summary = "Merge a proposal into an item already registered")
    SupervisionItem merge(@PathVariable long id, @RequestBody Merge m) {
        if (m.itemId() == null) {
            throw new org.yishi.platform.InvalidInput(org.yishi.platform.Violation.of("itemId", "input.required",
                    org.yishi.platform.InvalidInput.label("kind.supervision-item")));
        }
        return proposals.merge(Viewers.current(), id, m.itemId());
    }

    @PostMapping("/proposals/{id}/dismiss")
    @PreAuthorize("hasAuthority('supervision:manage')")
    @Operation(summary = "Dismiss a proposal, with the reason")
    ResponseEntity<Void> dismiss(@PathVariable long id, @RequestBody Reason r) {
        proposals.dismiss(Viewers.current(), id, r.reason());
        return ResponseEntity.noContent().build();
    }
}
