package org.yishi.meetings.notices;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yishi.accounts.Viewers;
import org.yishi.directory.Body;
import org.yishi.directory.Directory;
import org.yishi.meetings.MeetingSummary;
import org.yishi.meetings.MeetingTitles;

/** The meeting calendar: a month (or a week) of the meetings the viewer may see, of all bodies or of one. */
@Controller
class MeetingCalendarPages {

    private final MeetingCalendar calendar;
    private final Directory directory;
    private final MeetingTitles titles;

    MeetingCalendarPages(MeetingCalendar calendar, Directory directory, MeetingTitles titles) {
        this.calendar = calendar;
        this.directory = directory;
        this.titles = titles;
    }

    /** A meeting in a day's cell. */
    record Entry(MeetingSummary meeting, String bodyName, String heading) {
    }

    record Cell(LocalDate date, boolean inPeriod, boolean today, List<Entry> entries) {
    }

    @GetMapping("/meetings/calendar")
    @PreAuthorize("hasAnyAuthority('meeting:read', 'meeting:read-all')")
    String calendar(@RequestParam(defaultValue = "month") String view,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) Long bodyId, Model model, Locale locale) {
        boolean english = MeetingTitles.english(locale);
        MeetingCalendar.View v = "week".equalsIgnoreCase(view) ? MeetingCalendar.View.WEEK : MeetingCalendar.View.MONTH;
        LocalDate today = LocalDate.now();
        LocalDate at = date == null ? today : date;
        Map<Long, Body> bodies = new HashMap<>();
        directory.bodies().forEach(b -> bodies.put(b.id(), b));
        Long body = bodyId != null && bodies.containsKey(bodyId) ? bodyId : null;
        List<Cell> cells = calendar.days(Viewers.current(), v, at, body).stream()
                .map(d -> new Cell(d.date(), d.inPeriod(), d.date().equals(today), d.meetings().stream()
                        .map(s -> new Entry(s, MeetingTitles.bodyName(bodies.get(s.bodyId()), english),
                                titles.heading(bodies.get(s.bodyId()), s.termNumber(), s.sequence(), locale)))
                        .toList()))
                .toList();
        model.addAttribute("cells", cells);
        model.addAttribute("view", v.name().toLowerCase(Locale.ROOT));
        model.addAttribute("date", at);
        model.addAttribute("bodyId", body);
        model.addAttribute("bodies", directory.bodies());
        model.addAttribute("previous", v == MeetingCalendar.View.MONTH ? at.minusMonths(1) : at.minusWeeks(1));
        model.addAttribute("next", v == MeetingCalendar.View.MONTH ? at.plusMonths(1) : at.plusWeeks(1));
        model.addAttribute("period", v == MeetingCalendar.View.MONTH
                ? at.format(DateTimeFormatter.ofPattern(english ? "MMMM yyyy" : "yyyy年M月", locale))
                : MeetingNoticeText.date(MeetingCalendar.start(v, at), locale) + " – "
                        + MeetingNoticeText.date(MeetingCalendar.end(v, at), locale));
        model.addAttribute("meetingCount", cells.stream().mapToInt(c -> c.entries().size()).sum());
        return "meetings/calendar";
    }
}
