package org.yishi.supervision.warnings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.accounts.Viewers;
import org.yishi.directory.Directory;
import org.yishi.directory.Unit;
import org.yishi.platform.Forms;
import org.yishi.supervision.CalendarDay;
import org.yishi.supervision.HolidayCalendar;
import org.yishi.supervision.WorkingCalendar;

/**
 * The working-day calendar page (the year at a glance, its holidays and make-up working days, and the forms the
 * supervision office keeps them with), and the notices page with the bell that the navigation loads.
 */
@Controller
@RequestMapping("/supervision")
class WarningPages {

    private final HolidayCalendar calendar;
    private final Notices notices;
    private final Directory directory;
    private final Forms forms;

    WarningPages(HolidayCalendar calendar, Notices notices, Directory directory, Forms forms) {
        this.calendar = calendar;
        this.notices = notices;
        this.directory = directory;
        this.forms = forms;
    }

    // ------------------------------------------------------------------------------------------- calendar

    /** One day in a month's grid; {@code date} null for the blanks before the first and after the last day. */
    record Cell(LocalDate date, boolean working, boolean exception, String note) {

        public boolean weekend() {
            return date != null && (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY);
        }

        /** The class that paints it: a holiday, a make-up working day, a weekend, or an ordinary working day. */
        public String kind() {
            if (date == null) {
                return "blank";
            }
            if (exception && !working) {
                return weekend() ? "holiday weekend" : "holiday";
            }
            if (exception && working) {
                return weekend() ? "workday" : "ordinary";
            }
            return weekend() ? "weekend" : "ordinary";
        }
    }

    record Month(YearMonth month, List<List<Cell>> weeks, int workingDays) {
    }

    record DayForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, String kind, String note) {
    }

    record EntryForm(Integer year, String holidays, String workdays, String note) {
    }

    @GetMapping("/calendar")
    @PreAuthorize("hasAnyAuthority('supervision:read-all', 'supervision:manage', 'supervision:report')")
    String calendar(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null || year < HolidayCalendar.FIRST_YEAR || year > HolidayCalendar.LAST_YEAR
                ? LocalDate.now().getYear() : year;
        return calendarPage(y, new DayForm(null, "holiday", null), new EntryForm(y, null, null, null), model);
    }

    @PostMapping("/calendar/day")
    @PreAuthorize("hasAuthority('supervision:manage')")
    String setDay(@ModelAttribute("dayForm") DayForm form, BindingResult binding, Model model, Locale locale) {
        Boolean working = "workday".equals(form.kind()) ? Boolean.TRUE : "holiday".equals(form.kind()) ? Boolean.FALSE : null;
        return forms.submit(() -> {
            if (form.day() == null) {
                throw new org.yishi.platform.InvalidInput(org.yishi.platform.Violation.of("day", "input.required",
                        org.yishi.platform.InvalidInput.label("calendar.day")));
            }
            return calendar.set(Viewers.current(), form.day(), working, form.note());
        }, binding, model, locale).map(d -> "redirect:/supervision/calendar?year=" + d.day().getYear() + "&saved")
                .orElseGet(() -> {
                    int y = form.day() != null ? form.day().getYear() : LocalDate.now().getYear();
                    return calendarPage(y, form, new EntryForm(y, null, null, null), model);
                });
    }

    @PostMapping("/calendar/{date}/remove")
    @PreAuthorize("hasAuthority('supervision:manage')")
    String removeDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        calendar.remove(Viewers.current(), date);
        return "redirect:/supervision/calendar?year=" + date.getYear() + "&saved";
    }

    @PostMapping("/calendar/entry")
    @PreAuthorize("hasAuthority('supervision:manage')")
    String enter(@ModelAttribute("entryForm") EntryForm form, BindingResult binding, Model model, Locale locale) {
        return forms.submit(() -> calendar.enter(Viewers.current(), form.year(), form.holidays(), form.workdays(),
                form.note()), binding, model, locale)
                .map(days -> "redirect:/supervision/calendar?year=" + days.getFirst().day().getYear() + "&saved")
                .orElseGet(() -> calendarPage(form.year() != null && form.year() >= HolidayCalendar.FIRST_YEAR
                        && form.year() <= HolidayCalendar.LAST_YEAR ? form.year() : LocalDate.now().getYear(),
                        new DayForm(null, "holiday", null), form, model));
    }

    private String calendarPage(int year, DayForm dayForm, EntryForm entryForm, Model model) {
        forms.noErrorsYet(model);
        WorkingCalendar days = calendar.calendar();
        List<CalendarDay> recorded = calendar.year(year);
        Map<LocalDate, String> notes = recorded.stream().filter(d -> d.note() != null)
                .collect(Collectors.toMap(CalendarDay::day, CalendarDay::note));
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            List<List<Cell>> weeks = new ArrayList<>();
            List<Cell> week = new ArrayList<>();
            for (int blank = 1; blank < month.atDay(1).getDayOfWeek().getValue(); blank++) {
                week.add(new Cell(null, false, false, null));
            }
            int working = 0;
            for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
                boolean w = days.working(d);
                working += w ? 1 : 0;
                week.add(new Cell(d, w, days.exceptions().containsKey(d), notes.get(d)));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(new Cell(null, false, false, null));
                }
                weeks.add(week);
            }
            months.add(new Month(month, weeks, working));
        }
        model.addAttribute("year", year);
        model.addAttribute("months", months);
        model.addAttribute("recorded", recorded);
        model.addAttribute("workingDays", months.stream().mapToInt(Month::workingDays).sum());
        model.addAttribute("weekdays", Arrays.asList(DayOfWeek.values()));
        model.addAttribute("dayForm", dayForm);
        model.addAttribute("entryForm", entryForm);
        model.addAttribute("canEdit", Viewers.current().can(Permission.SUPERVISION_MANAGE));
        return "supervision/calendar";
    }

    // ------------------------------------------------------------------------------------------- notices

    @GetMapping("/notices")
    @PreAuthorize("hasAnyAuthority('supervision:manage', 'supervision:report')")
    String notices(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
            Model model) {
        Viewer viewer = Viewers.current();
        int p = Math.max(0, page);
        Notices.Count count = notices.count(viewer);
        long shown = unread ? count.unread() : count.all();
        int pages = (int) Math.max(1, (shown + Notices.PAGE_SIZE - 1) / Notices.PAGE_SIZE);
        model.addAttribute("notices", notices.of(viewer, unread, p));
        model.addAttribute("count", count);
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("previous", p > 0 ? "/supervision/notices?unread=" + unread + "&page=" + (p - 1) : null);
        model.addAttribute("next", p + 1 < pages ? "/supervision/notices?unread=" + unread + "&page=" + (p + 1) : null);
        model.addAttribute("units", directory.units().stream().collect(Collectors.toMap(Unit::id, Function.identity())));
        model.addAttribute("unitId", viewer.can(Permission.SUPERVISION_REPORT) ? viewer.unitId() : null);
        model.addAttribute("office", viewer.can(Permission.SUPERVISION_MANAGE));
        return "supervision/notices";
    }

    @PostMapping("/notices/{id}/read")
    @PreAuthorize("hasAnyAuthority('supervision:manage', 'supervision:report')")
    String read(@PathVariable long id, @RequestParam(defaultValue = "false") boolean unread) {
        notices.markRead(Viewers.current(), id);
        return "redirect:/supervision/notices?unread=" + unread;
    }

    @PostMapping("/notices/read-all")
    @PreAuthorize("hasAnyAuthority('supervision:manage', 'supervision:report')")
    String readAll() {
        notices.markAllRead(Viewers.current());
        return "redirect:/supervision/notices?saved";
    }

    /** The bell in the navigation, loaded by each page: the number of unread notices. */
    @GetMapping("/notices/bell")
    @PreAuthorize("hasAnyAuthority('supervision:manage', 'supervision:report')")
    String bell(Model model) {
        model.addAttribute("unread", notices.unread(Viewers.current()));
        return "supervision/notices :: bell";
    }
}
