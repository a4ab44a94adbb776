package org.yishi.volunteering.pages;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.yishi.accounts.Viewer;
import org.yishi.accounts.Viewers;
import org.yishi.platform.FormAction;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.Violation;
import org.yishi.volunteering.activities.Activity;
import org.yishi.volunteering.activities.ActivityZone;
import org.yishi.volunteering.activities.CheckIn;
import org.yishi.volunteering.activities.ServiceProgrammes;
import org.yishi.volunteering.records.Recording;
import org.yishi.volunteering.registry.StationReach;

/**
 * A station manager's pages: the activities of their stations and the late records waiting for approval; an
 * activity with its check-in code shown large (refreshed by htmx every few seconds, so it is never more than a few
 * seconds old), the roll, and its service records to make and correct.
 */
@Controller
@RequestMapping("/volunteering/station")
@PreAuthorize("hasAnyAuthority('volunteer:station', 'volunteer:manage')")
class StationPages {

    private final ServiceProgrammes programmes;
    private final CheckIn checkIn;
    private final Recording recording;
    private final StationReach reach;
    private final MessageSource messages;
    private final ActivityZone zone;

    StationPages(ServiceProgrammes programmes, CheckIn checkIn, Recording recording, StationReach reach,
            MessageSource messages, ActivityZone zone) {
        this.zone = zone;
        this.programmes = programmes;
        this.checkIn = checkIn;
        this.recording = recording;
        this.reach = reach;
        this.messages = messages;
    }

    @GetMapping
    String station(Model model) {
        Viewer viewer = Viewers.current();
        model.addAttribute("activities", programmes.kept(viewer));
        model.addAttribute("awaiting", recording.awaiting(viewer));
        model.addAttribute("stationNames", stationNames(viewer));
        return "volunteering/station";
    }

    private Map<Long, String> stationNames(Viewer viewer) {
        Map<Long, String> names = new java.util.HashMap<>();
        reach.keptStations(viewer).forEach(id -> reach.stationName(id).ifPresent(n -> names.put(id, n)));
        return names;
    }

    @GetMapping("/activities/{id}")
    ModelAndView activity(@PathVariable long id, @RequestParam(required = false) String done) {
        ModelAndView page = new ModelAndView("volunteering/activity");
        fill(page.getModel(), Viewers.current(), id);
        page.getModel().put("done", done);
        return page;
    }

    private void fill(Map<String, Object> model, Viewer viewer, long id) {
        Activity a = programmes.keptActivity(viewer, id);
        model.put("activity", a);
        model.put("stationName", reach.stationName(a.stationId()).orElse(""));
        model.put("zone", zone.zone());
        model.put("ended", !zone.now().isBefore(a.endsAt()));
        model.put("code", checkIn.code(viewer, id));
        model.put("roll", checkIn.roll(viewer, id));
        model.put("records", recording.ofActivity(viewer, id));
    }

    /** The code alone, for htmx to swap in. */
    @GetMapping("/activities/{id}/code")
    String code(@PathVariable long id, Model model) {
        model.addAttribute("code", checkIn.code(Viewers.current(), id));
        return "volunteering/activity :: code";
    }

    private ModelAndView act(long id, String done, Supplier<?> change, Locale locale) {
        Viewer viewer = Viewers.current();
        FormAction<?> action = FormAction.take(change::get, messages, locale);
        return action.answer(r -> "/volunteering/station/activities/" + id + "?done=" + done, "volunteering/activity",
                "volunteering/activity", model -> {
                    fill(model, viewer, id);
                    model.put("errors", action.errors());
                });
    }

    @PostMapping("/activities/{id}/roll")
    ModelAndView roll(@PathVariable long id, @RequestParam(required = false) Long volunteerId,
            @RequestParam(required = false) String checkIn, @RequestParam(required = false) String checkOut,
            Locale locale) {
        return act(id, "rolled", () -> this.checkIn.roll(Viewers.current(), id,
                new CheckIn.RollEntry(volunteerId, time("checkIn", checkIn), time("checkOut", checkOut))), locale);
    }

    private static LocalTime time(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(Violation.of(field, "volunteering.roll.time.unreadable", text.strip()));
        }
    }

    @PostMapping("/activities/{id}/records")
    ModelAndView record(@PathVariable long id, Locale locale) {
        return act(id, "recorded", () -> recording.record(Viewers.current(), id), locale);
    }

    @PostMapping("/activities/{id}/records/{record}/minutes")
    ModelAndView correct(@PathVariable long id, @PathVariable long record, @RequestParam(required = false) Integer minutes,
            @RequestParam(required = false) String reason, Locale locale) {
        return act(id, "corrected", () -> recording.correct(Viewers.current(), record, minutes, reason), locale);
    }

    @PostMapping("/records/{record}/approve")
    String approve(@PathVariable long record) {
        recording.approve(Viewers.current(), record);
        return "redirect:/volunteering/station?done=approved";
    }
}
