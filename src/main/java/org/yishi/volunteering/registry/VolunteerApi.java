package org.yishi.volunteering.registry;

import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yishi.accounts.Viewers;

@RestController
@RequestMapping("/api/volunteering")
@Tag(name = "volunteering", description = "Volunteers and the stations that keep them")
class VolunteerApi {

    private final VolunteerRegistry registry;

    VolunteerApi(VolunteerRegistry registry) {
        this.registry = registry;
    }

    /** The full identity number, on its own. */
    record IdNumberAnswer(long volunteerId, String idNumber) {
    }

    @GetMapping("/me")
    @PreAuthorize("hasAuthority('volunteer:self')")
    @Operation(summary = "One's own volunteer record")
    Volunteer mine() {
        return registry.mine(Viewers.current());
    }

    @PostMapping("/me")
    @PreAuthorize("hasAuthority('volunteer:self')")
    @Operation(summary = "Register oneself as a volunteer", description = "Once per account; optionally at a station. "
            + "Sex and date of birth are taken from the identity number.")
    ResponseEntity<Volunteer> registerSelf(@RequestBody VolunteerDraft draft,
            @RequestParam(required = false) Long stationId) {
        Volunteer v = registry.registerSelf(Viewers.current(), draft, stationId);
        return ResponseEntity.created(URI.create("/api/volunteering/volunteers/" + v.id())).body(v);
    }

    @GetMapping("/volunteers/{id}")
    @PreAuthorize("hasAnyAuthority('volunteer:self', 'volunteer:station', 'volunteer:manage')")
    @Operation(summary = "A volunteer's record, the identity number masked", description = "Not found unless it is "
            + "one's own, of a station one manages, or the viewer keeps every station.")
    Volunteer volunteer(@PathVariable long id) {
        return registry.volunteer(Viewers.current(), id);
    }

    @GetMapping("/volunteers/{id}/id-number")
    @PreAuthorize("hasAnyAuthority('volunteer:self', 'volunteer:station', 'volunteer:manage')")
    @Operation(summary = "A volunteer's full identity number", description = "Every reading is audited.")
    IdNumberAnswer idNumber(@PathVariable long id) {
        return new IdNumberAnswer(id, registry.revealIdNumber(Viewers.current(), id));
    }

    @GetMapping("/stations")
    @PreAuthorize("hasAnyAuthority('volunteer:station', 'volunteer:manage')")
    @Operation(summary = "Stations: every one for the office, one's own for a manager")
    List<Station> stations() {
        return registry.stations(Viewers.current());
    }

    @PostMapping("/stations")
    @PreAuthorize("hasAuthority('volunteer:manage')")
    @Operation(summary = "Add a station with its managers")
    ResponseEntity<Station> addStation(@RequestBody StationDraft draft) {
        Station s = registry.addStation(Viewers.current(), draft);
        return ResponseEntity.created(URI.create("/api/volunteering/stations/" + s.id())).body(s);
    }

    @GetMapping("/stations/{id}")
    @PreAuthorize("hasAnyAuthority('volunteer:station', 'volunteer:manage')")
    Station station(@PathVariable long id) {
        return registry.station(Viewers.current(), id);
    }

    @GetMapping("/stations/{id}/volunteers")
    @PreAuthorize("hasAnyAuthority('volunteer:station', 'volunteer:manage')")
    @Operation(summary = "The volunteers of a station one keeps")
    List<Volunteer> volunteers(@PathVariable long id) {
        return registry.atStation(Viewers.current(), id);
    }

    @PostMapping("/stations/{id}/volunteers")
    @PreAuthorize("hasAnyAuthority('volunteer:station', 'volunteer:manage')")
    @Operation(summary = "Register a volunteer at a station one keeps")
    ResponseEntity<Volunteer> register(@PathVariable long id, @RequestBody VolunteerDraft draft) {
        Volunteer v = registry.registerAtStation(Viewers.current(), id, draft);
        return ResponseEntity.created(URI.create("/api/volunteering/volunteers/" + v.id())).body(v);
    }
}
