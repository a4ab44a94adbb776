package org.yishi.volunteering.activities;

import java.net.URI;
import java.util.List;

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
import org.yishi.platform.NotFound;

@RestController
@RequestMapping("/api/volunteering")
@Tag(name = "volunteering", description = "Programmes, activities and sign-ups")
class ActivityApi {

    private static final String KEEPERS = "hasAnyAuthority('volunteer:station', 'volunteer:manage')";
    private static final String ANY = "hasAnyAuthority('volunteer:self', 'volunteer:station', 'volunteer:manage')";

    private final ServiceProgrammes programmes;
    private final Enrolment enrolment;
    private final CheckIn checkIn;

    ActivityApi(ServiceProgrammes programmes, Enrolment enrolment, CheckIn checkIn) {
        this.programmes = programmes;
        this.enrolment = enrolment;
        this.checkIn = checkIn;
    }

    /** The code a volunteer read at the activity. */
    record EnteredCode(String code) {
    }

    @GetMapping("/stations/{id}/programmes")
    @PreAuthorize(KEEPERS)
    @Operation(summary = "The programmes of a station one keeps")
    List<Programme> programmes(@PathVariable long id) {
        return programmes.programmesOf(Viewers.current(), id);
    }

    @PostMapping("/stations/{id}/programmes")
    @PreAuthorize(KEEPERS)
    @Operation(summary = "Start a programme at a station one keeps", description = "STANDING with daysOfMonth, or "
            + "CAMPAIGN with campaignFrom and campaignTo; optionally linked to a supervised item or a decision by id.")
    ResponseEntity<Programme> createProgramme(@PathVariable long id, @RequestBody ProgrammeDraft draft) {
        Programme p = programmes.create(Viewers.current(), id, draft);
        return ResponseEntity.created(URI.create("/api/volunteering/programmes/" + p.id())).body(p);
    }

    @GetMapping("/programmes/{id}")
    @PreAuthorize(KEEPERS)
    Programme programme(@PathVariable long id) {
        return programmes.programme(Viewers.current(), id);
    }

    @GetMapping("/programmes/{id}/activities")
    @PreAuthorize(KEEPERS)
    @Operation(summary = "A programme's activities, earliest first")
    List<Activity> activitiesOf(@PathVariable long id) {
        return programmes.activitiesOf(Viewers.current(), id);
    }

    @PostMapping("/programmes/{id}/activities")
    @PreAuthorize(KEEPERS)
    @Operation(summary = "Add an activity to a programme", description = "On one of a standing programme's days, or "
            + "within a campaign's dates; times in the local time zone.")
    ResponseEntity<Activity> addActivity(@PathVariable long id, @RequestBody ActivityDraft draft) {
        Activity a = programmes.addActivity(Viewers.current(), id, draft);
        return ResponseEntity.created(URI.create("/api/volunteering/activities/" + a.id())).body(a);
    }

    @GetMapping("/activities")
    @PreAuthorize(KEEPERS)
    @Operation(summary = "The activities of the stations one keeps, newest first")
    List<Activity> kept() {
        return programmes.kept(Viewers.current());
    }

    @GetMapping("/activities/open")
    @PreAuthorize("hasAuthority('volunteer:self')")
    @Operation(summary = "Activities not yet started, to sign up for")
    List<Activity> open() {
        return programmes.open(Viewers.current());
    }

    @GetMapping("/activities/{id}")
    @PreAuthorize(ANY)
    Activity activity(@PathVariable long id) {
        return programmes.activity(Viewers.current(), id);
    }

    @GetMapping("/activities/{id}/sign-up")
    @PreAuthorize("hasAuthority('volunteer:self')")
    @Operation(summary = "One's own sign-up for the activity")
    SignUp mySignUp(@PathVariable long id) {
        return enrolment.mine(Viewers.current(), id).orElseThrow(() -> new NotFound("kind.sign-up", id));
    }

    @PostMapping("/activities/{id}/sign-up")
    @PreAuthorize("hasAuthority('volunteer:self')")
    @Operation(summary = "Sign up for an activity", description = "PLACED while places are left, else WAITING; "
            + "refused once the activity has started.")
    ResponseEntity<SignUp> signUp(@PathVariable long id) {
        SignUp s = enrolment.signUp(Viewers.current(), id);
        return ResponseEntity.created(URI.create("/api/volunteering/activities/" + id + "/sign-up")).body(s);
    }

    @DeleteMapping("/activities/{id}/sign-up")
    @PreAuthorize("hasAuthority('volunteer:self')")
    @Operation(summary = "Cancel one's sign-up", description = "A place given up goes to the first on the waiting list.")
    SignUp cancel(@PathVariable long id) {
        return enrolment.cancel(Viewers.current(), id);
    }

    @GetMapping("/me/sign-ups")
    @PreAuthorize("hasAuthority('volunteer:self')")
    List<SignUp> mySignUps() {
        return enrolment.mine(Viewers.current());
    }

    @GetMapping("/activities/{id}/sign-ups")
    @PreAuthorize(KEEPERS)
    @Operation(summary = "An activity's sign-ups: the placed, then the waiting list in order")
    List<SignUp> signUps(@PathVariable long id) {
        return enrolment.of(Viewers.current(), id);
    }

    @GetMapping("/activities/{id}/code")
    @PreAuthorize(KEEPERS)
    @Operation(summary = "The check-in code to show at the activity", description = "Changes every minute; accepted "
            + "in its minute and the next.")
    CheckIn.ShownCode code(@PathVariable long id) {
        return checkIn.code(Viewers.current(), id);
    }

    @PostMapping("/activities/{id}/check-in")
    @PreAuthorize("hasAuthority('volunteer:self')")
    @Operation(summary = "Check in with the code shown at the activity")
    Attendance checkIn(@PathVariable long id, @RequestBody EnteredCode code) {
        return checkIn.checkIn(Viewers.current(), id, code.code());
    }

    @PostMapping("/activities/{id}/check-out")
    @PreAuthorize("hasAuthority('volunteer:self')")
    @Operation(summary = "Check out with the code shown at the activity")
    Attendance checkOut(@PathVariable long id, @RequestBody EnteredCode code) {
        return checkIn.checkOut(Viewers.current(), id, code.code());
    }

    @GetMapping("/activities/{id}/roll")
    @PreAuthorize(KEEPERS)
    @Operation(summary = "The roll: who signed up, with their check-in and check-out")
    List<CheckIn.RollLine> roll(@PathVariable long id) {
        return checkIn.roll(Viewers.current(), id);
    }

    @PostMapping("/activities/{id}/roll")
    @PreAuthorize(KEEPERS)
    @Operation(summary = "Mark a volunteer present on the roll, or correct their times, before the record is made")
    Attendance markOnRoll(@PathVariable long id, @RequestBody CheckIn.RollEntry entry) {
        return checkIn.roll(Viewers.current(), id, entry);
    }
}
