package org.yishi.volunteering.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.accounts.Viewers;
import org.yishi.platform.FormAction;
import org.yishi.volunteering.activities.Activity;
import org.yishi.volunteering.activities.ActivityZone;
import org.yishi.volunteering.activities.Attendance;
import org.yishi.volunteering.activities.CheckIn;
import org.yishi.volunteering.activities.Enrolment;
import org.yishi.volunteering.activities.ServiceProgrammes;
import org.yishi.volunteering.activities.SignUp;
import org.yishi.volunteering.records.Recording;
import org.yishi.volunteering.registry.StationReach;

/**
 * A volunteer's pages, phone-first: the activities open for sign-up (sign up, cancel), their own activities with the
 * check-in and check-out by the code shown at the activity, and their records, hours and star level.
 */
@Controller
@RequestMapping("/volunteering")
class VolunteerPages {

    private final ServiceProgrammes programmes;
    private final Enrolment enrolment;
    private final CheckIn checkIn;
    private final Recording recording;
    private final StationReach reach;
    private final ActivityZone zone;
    private final MessageSource messages;

    VolunteerPages(ServiceProgrammes programmes, Enrolment enrolment, CheckIn checkIn, Recording recording,
            StationReach reach, ActivityZone zone, MessageSource messages) {
        this.programmes = programmes;
        this.enrolment = enrolment;
        this.checkIn = checkIn;
        this.recording = recording;
        this.reach = reach;
        this.zone = zone;
        this.messages = messages;
    }

    /** One of the volunteer's own activities: the sign-up, the attendance, and what can be done now. */
    record MyActivity(Activity activity, SignUp signUp, Attendance attendance, boolean checkInOpen,
            boolean checkOutOpen, boolean cancellable) {
    }

    /** Managers start at their station's page; volunteers at their own. */
    @GetMapping
    @PreAuthorize("hasAnyAuthority('volunteer:self', 'volunteer:station', 'volunteer:manage')")
    ModelAndView home(@RequestParam(required = false) String done) {
        Viewer viewer = Viewers.current();
        if (!viewer.can(Permission.VOLUNTEER_SELF)) {
            return new ModelAndView("redirect:/volunteering/station");
        }
        ModelAndView page = new ModelAndView("volunteering/home");
        fill(page.getModel(), viewer);
        page.getModel().put("done", done);
        return page;
    }

    private void fill(Map<String, Object> model, Viewer viewer) {
        Optional<Long> me = reach.volunteerOf(viewer);
        model.put("registered", me.isPresent());
        if (me.isEmpty()) {
            return;
        }
        Instant now = zone.now();
        List<SignUp> signUps = enrolment.mine(viewer);
        Map<Long, SignUp> byActivity = new java.util.HashMap<>();
        signUps.forEach(s -> byActivity.put(s.activityId(), s));
        List<MyActivity> mine = new ArrayList<>();
        for (SignUp s : signUps) {
            Activity a = programmes.activity(viewer, s.activityId());
            Attendance t = checkIn.mine(viewer, a.id()).orElse(null);
            boolean window = !now.isBefore(a.startsAt().minus(java.time.Duration.ofMinutes(30))) && now.isBefore(a.endsAt());
            boolean placed = s.state() == org.yishi.volunteering.activities.SignUpState.PLACED;
            mine.add(new MyActivity(a, s, t, window && placed && t == null, window && t != null && t.open(),
                    now.isBefore(a.startsAt())));
        }
        model.put("mine", mine);
        model.put("open", programmes.open(viewer).stream().filter(a -> !byActivity.containsKey(a.id())).toList());
        model.put("service", recording.mine(viewer));
    }

    private ModelAndView act(String done, Supplier<?> change, Locale locale) {
        Viewer viewer = Viewers.current();
        FormAction<?> action = FormAction.take(change::get, messages, locale);
        return action.answer(r -> "/volunteering?done=" + done, "volunteering/home", "volunteering/home", model -> {
            fill(model, viewer);
            model.put("errors", action.errors());
        });
    }

    @PostMapping("/activities/{id}/sign-up")
    @PreAuthorize("hasAuthority('volunteer:self')")
    ModelAndView signUp(@PathVariable long id, Locale locale) {
        return act("signed-up", () -> enrolment.signUp(Viewers.current(), id), locale);
    }

    @PostMapping("/activities/{id}/cancel")
    @PreAuthorize("hasAuthority('volunteer:self')")
    ModelAndView cancel(@PathVariable long id, Locale locale) {
        return act("cancelled", () -> enrolment.cancel(Viewers.current(), id), locale);
    }

    @PostMapping("/activities/{id}/check-in")
    @PreAuthorize("hasAuthority('volunteer:self')")
    ModelAndView checkIn(@PathVariable long id, @RequestParam(required = false) String code, Locale locale) {
        return act("checked-in", () -> checkIn.checkIn(Viewers.current(), id, code), locale);
    }

    @PostMapping("/activities/{id}/check-out")
    @PreAuthorize("hasAuthority('volunteer:self')")
    ModelAndView checkOut(@PathVariable long id, @RequestParam(required = false) String code, Locale locale) {
        return act("checked-out", () -> checkIn.checkOut(Viewers.current(), id, code), locale);
    }
}
