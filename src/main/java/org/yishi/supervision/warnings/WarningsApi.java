package org.yishi.supervision.warnings;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yishi.accounts.Viewers;
import org.yishi.supervision.CalendarDay;
import org.yishi.supervision.HolidayCalendar;
import org.yishi.supervision.Supervision;
import org.yishi.supervision.reports.ReportObligation;
import org.yishi.supervision.reports.ReportObligations;

/**
 * Warnings through the API: the working-day calendar (read by everyone in supervision, kept by the office), the
 * report obligations of a regular item, the caller's notices, and a sweep on demand.
 */
@RestController
@RequestMapping("/api/supervision")
@Tag(name = "supervision warnings", description = "Working-day calendar, warning sweep, report obligations, notices")
class WarningsApi {

    private final HolidayCalendar calendar;
    private final Supervision supervision;
    private final ReportObligations obligations;
    private final Notices notices;
    private final WarningSweep sweep;

    WarningsApi(HolidayCalendar calendar, Supervision supervision, ReportObligations obligations, Notices notices,
            WarningSweep sweep) {
        this.calendar = calendar;
        this.supervision = supervision;
        this.obligations = obligations;
        this.notices = notices;
        this.sweep = sweep;
    }

    record DayInput(Boolean working, String note) {
    }

    record Entry(Integer year, List<String> holidays, List<String> workdays, String note) {
    }

    record Marked(int marked) {
    }

    @GetMapping("/calendar")
    @PreAuthorize("hasAnyAuthority('supervision:read-all', 'supervision:manage', 'supervision:report')")
    @Operation(summary = "The holidays and make-up working days recorded for a year",
            description = "Exceptions to the Monday-to-Friday week; the year defaults to this year.")
    List<CalendarDay> year(@RequestParam(required = false) Integer year) {
        return calendar.year(year == null ? LocalDate.now().getYear() : year);
    }

    @GetMapping("/calendar/{date}")
    @PreAuthorize("hasAnyAuthority('supervision:read-all', 'supervision:manage', 'supervision:report')")
    @Operation(summary = "One day: working or not, and whether that is a recorded exception")
    CalendarDay day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return calendar.day(date);
    }

    @PutMapping("/calendar/{date}")
    @PreAuthorize("hasAuthority('supervision:manage')")
    @Operation(summary = "Record a day as a holiday (working false) or a make-up working day (working true)",
            description = "The working days given to open items and report obligations spanning the day change with it.")
    CalendarDay setDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestBody DayInput input) {
        return calendar.set(Viewers.current(), date, input.working(), input.note());
    }

    @DeleteMapping("/calendar/{date}")
    @PreAuthorize("hasAuthority('supervision:manage')")
    @Operation(summary = "Make a recorded day ordinary again")
    ResponseEntity<Void> removeDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        calendar.remove(Viewers.current(), date);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/calendar")
    @PreAuthorize("hasAuthority('supervision:manage')")
    @Operation(summary = "Enter a year's official holidays and make-up working days at once",
            description = "Each entry a date (2026-10-01) or a range (2026-10-01~2026-10-08); without its year (10-01) "
                    + "in the given year. All or nothing: 400 names every entry that cannot be read.")
    List<CalendarDay> enter(@RequestBody Entry entry) {
        return calendar.enter(Viewers.current(), entry.year(), lines(entry.holidays()), lines(entry.workdays()),
                entry.note());
    }

    private static String lines(List<String> entries) {
        return entries == null ? null : String.join("\n", entries.stream().map(e -> e == null ? "" : e).toList());
    }

    @GetMapping("/items/{id}/obligations")
    @PreAuthorize("hasAnyAuthority('supervision:read-all', 'supervision:report')")
    @Operation(summary = "The report obligations of a regular item, one per cycle, oldest first")
    List<ReportObligation> obligations(@PathVariable long id) {
        supervision.item(Viewers.current(), id);
        return obligations.of(id);
    }

    @GetMapping("/notices")
    @PreAuthorize("hasAnyAuthority('supervision:manage', 'supervision:report')")
    @Operation(summary = "The caller's notices, newest first",
            description = "A liaison's are their unit's; the supervision office's are the office's. Pages of 50 from 0.")
    List<Notice> notices(@RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") int page) {
        return notices.of(Viewers.current(), unread, page);
    }

    @PostMapping("/notices/{id}/read")
    @PreAuthorize("hasAnyAuthority('supervision:manage', 'supervision:report')")
    @Operation(summary = "Mark one notice read")
    ResponseEntity<Void> read(@PathVariable long id) {
        notices.markRead(Viewers.current(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/notices/read-all")
    @PreAuthorize("hasAnyAuthority('supervision:manage', 'supervision:report')")
    @Operation(summary = "Mark all the caller's notices read")
    Marked readAll() {
        return new Marked(notices.markAllRead(Viewers.current()));
    }

    @PostMapping("/sweep")
    @PreAuthorize("hasAuthority('supervision:manage')")
    @Operation(summary = "Run the warning sweep now", description = "As it runs every few minutes; swept is false when another node was sweeping.")
    WarningSweep.Result sweepNow() {
        return sweep.sweep();
    }
}
