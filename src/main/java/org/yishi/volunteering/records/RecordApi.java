package org.yishi.volunteering.records;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yishi.accounts.Viewers;

@RestController
@RequestMapping("/api/volunteering")
@Tag(name = "volunteering", description = "Service records, hours and star levels")
class RecordApi {

    private static final String KEEPERS = "hasAnyAuthority('volunteer:station', 'volunteer:manage')";

    private final Recording recording;

    RecordApi(Recording recording) {
        this.recording = recording;
    }

    /** A correction of the minutes served, with its reason. */
    record Correction(Integer minutes, String reason) {
    }

    @PostMapping("/activities/{id}/records")
    @PreAuthorize(KEEPERS)
    @Operation(summary = "Record the service of an ended activity", description = "One record per closed attendance "
            + "not recorded yet; more than 10 working days after the activity, records are late and await approval.")
    ResponseEntity<List<ServiceRecord>> record(@PathVariable long id) {
        return ResponseEntity.created(URI.create("/api/volunteering/activities/" + id + "/records"))
                .body(recording.record(Viewers.current(), id));
    }

    @GetMapping("/activities/{id}/records")
    @PreAuthorize(KEEPERS)
    List<ServiceRecord> ofActivity(@PathVariable long id) {
        return recording.ofActivity(Viewers.current(), id);
    }

    @GetMapping("/records/awaiting")
    @PreAuthorize(KEEPERS)
    @Operation(summary = "Late records waiting for a second person's approval")
    List<ServiceRecord> awaiting() {
        return recording.awaiting(Viewers.current());
    }

    @GetMapping("/records/{id}")
    @PreAuthorize(KEEPERS)
    ServiceRecord one(@PathVariable long id) {
        return recording.kept(Viewers.current(), id);
    }

    @PostMapping("/records/{id}/approve")
    @PreAuthorize(KEEPERS)
    @Operation(summary = "Approve a late record (not by who recorded it)")
    ServiceRecord approve(@PathVariable long id) {
        return recording.approve(Viewers.current(), id);
    }

    @PutMapping("/records/{id}/minutes")
    @PreAuthorize(KEEPERS)
    @Operation(summary = "Correct the minutes served, with the reason")
    ServiceRecord correct(@PathVariable long id, @RequestBody Correction correction) {
        return recording.correct(Viewers.current(), id, correction.minutes(), correction.reason());
    }

    @GetMapping("/stations/{id}/records")
    @PreAuthorize(KEEPERS)
    List<ServiceRecord> ofStation(@PathVariable long id) {
        return recording.ofStation(Viewers.current(), id);
    }

    @GetMapping("/me/records")
    @PreAuthorize("hasAuthority('volunteer:self')")
    @Operation(summary = "One's own service records, hours and star level")
    MyService mine() {
        return recording.mine(Viewers.current());
    }
}
