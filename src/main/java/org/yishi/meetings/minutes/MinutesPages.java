package org.yishi.meetings.minutes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yishi.accounts.Accounts;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.accounts.Viewers;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingState;
import org.yishi.meetings.MeetingTitles;
import org.yishi.meetings.Meetings;
import org.yishi.meetings.Minutes;
import org.yishi.meetings.MinutesState;
import org.yishi.platform.Forms;

/**
 * The record and the minutes of a meeting on pages: each shown in the user's language with its downloads (PDF and
 * .docx, Chinese and English), and the minutes' way to issue — draft, check, sign off, issue, send back — with each
 * button shown only to whom it belongs when the minutes stand where it applies; a refusal comes back as a form error.
 */
@Controller
@RequestMapping("/meetings/{id}")
class MinutesPages {

    private final MeetingDocuments documents;
    private final DocumentExport export;
    private final Meetings meetings;
    private final MeetingTitles titles;
    private final Accounts accounts;
    private final Forms forms;

    MinutesPages(MeetingDocuments documents, DocumentExport export, Meetings meetings, MeetingTitles titles,
            Accounts accounts, Forms forms) {
        this.documents = documents;
        this.export = export;
        this.meetings = meetings;
        this.titles = titles;
        this.accounts = accounts;
        this.forms = forms;
    }

    /** One step on the minutes' way: what it is, who took it and when; both null while not taken. */
    record Step(String label, String by, Instant at) {
    }

    /** The buttons the viewer gets, where the minutes stand now. */
    record Actions(boolean draft, boolean check, boolean sign, boolean issue, boolean sendBack) {

        public boolean any() {
            return draft || check || sign || issue || sendBack;
        }
    }

    @GetMapping("/record")
    @PreAuthorize("hasAuthority('record:read')")
    String record(@PathVariable long id, Model model, Locale locale) {
        MeetingDocument record = documents.record(Viewers.current(), id, MinutesApi.locale(language(locale)));
        model.addAttribute("doc", record);
        model.addAttribute("meetingId", id);
        return "minutes/record";
    }

    @GetMapping("/record/export")
    @PreAuthorize("hasAuthority('record:read')")
    ResponseEntity<byte[]> recordFile(@PathVariable long id, @RequestParam String format,
            @RequestParam(required = false) String lang) {
        MinutesApi.Format f = file(format);
        return MinutesApi.file(documents.record(Viewers.current(), id, MinutesApi.locale(lang)), f, export);
    }

    @GetMapping("/minutes")
    @PreAuthorize("hasAuthority('minutes:read')")
    String minutes(@PathVariable long id, Model model, Locale locale) {
        forms.noErrorsYet(model);
        Viewer viewer = Viewers.current();
        Meeting meeting = meetings.meetingFor(viewer, id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("meetingId", id);
        model.addAttribute("heading", titles.heading(meeting, locale));
        Minutes minutes = documents.workflow(viewer, id).orElse(null);
        if (!MeetingDocuments.mayReadMinutes(viewer, meeting, Optional.ofNullable(minutes))
                && viewer.can(org.yishi.accounts.Permission.MINUTES_SIGN)) {
            MinutesReaders.requireMayRead(viewer, meeting, Optional.ofNullable(minutes)); // 404: not their meeting
        }
        model.addAttribute("doc", MeetingDocuments.mayReadMinutes(viewer, meeting, Optional.ofNullable(minutes))
                ? documents.minutes(viewer, id, MinutesApi.locale(language(locale))).document() : null);
        model.addAttribute("minutes", minutes);
        model.addAttribute("steps", minutes == null ? List.of() : steps(minutes));
        model.addAttribute("actions", actions(viewer, meeting, minutes));
        return "minutes/minutes";
    }

    @GetMapping("/minutes/export")
    @PreAuthorize("hasAuthority('minutes:read')")
    ResponseEntity<byte[]> minutesFile(@PathVariable long id, @RequestParam String format,
            @RequestParam(required = false) String lang) {
        MinutesApi.Format f = file(format);
        return MinutesApi.file(documents.minutes(Viewers.current(), id, MinutesApi.locale(lang)).document(), f, export);
    }

    @PostMapping("/minutes")
    @PreAuthorize("hasAuthority('minutes:draft')")
    String draft(@PathVariable long id, Model model, Locale locale) {
        return step(id, () -> documents.draft(Viewers.current(), id), model, locale);
    }

    @PostMapping("/minutes/check")
    @PreAuthorize("hasAuthority('minutes:check')")
    String check(@PathVariable long id, Model model, Locale locale) {
        return step(id, () -> documents.check(Viewers.current(), id), model, locale);
    }

    @PostMapping("/minutes/sign")
    @PreAuthorize("hasAuthority('minutes:sign')")
    String sign(@PathVariable long id, Model model, Locale locale) {
        return step(id, () -> documents.signOff(Viewers.current(), id), model, locale);
    }

    @PostMapping("/minutes/issue")
    @PreAuthorize("hasAuthority('minutes:issue')")
    String issue(@PathVariable long id, Model model, Locale locale) {
        return step(id, () -> documents.issue(Viewers.current(), id), model, locale);
    }

    @PostMapping("/minutes/send-back")
    @PreAuthorize("hasAnyAuthority('minutes:check', 'minutes:sign')")
    String sendBack(@PathVariable long id, @RequestParam(required = false) String reason, Model model, Locale locale) {
        model.addAttribute("reason", reason);
        return step(id, () -> documents.sendBack(Viewers.current(), id, reason), model, locale);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String step(long id, Supplier<Minutes> change, Model model, Locale locale) {
        return forms.submit(change, model, locale).map(m -> "redirect:/meetings/" + id + "/minutes?saved")
                .orElseGet(() -> minutes(id, model, locale));
    }

    private Actions actions(Viewer viewer, Meeting meeting, Minutes minutes) {
        MinutesState state = minutes == null ? null : minutes.state();
        return new Actions(
                viewer.can(Permission.MINUTES_DRAFT) && minutes == null && meeting.state() == MeetingState.CLOSED,
                viewer.can(Permission.MINUTES_CHECK) && state == MinutesState.DRAFT,
                viewer.can(Permission.MINUTES_SIGN) && state == MinutesState.CHECKED,
                viewer.can(Permission.MINUTES_ISSUE) && state == MinutesState.SIGNED_OFF,
                (viewer.can(Permission.MINUTES_CHECK) || viewer.can(Permission.MINUTES_SIGN))
                        && (state == MinutesState.CHECKED || state == MinutesState.SIGNED_OFF));
    }

    private List<Step> steps(Minutes m) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("minutes.page.drafted", username(m.draftedBy()), m.draftedAt()));
        steps.add(new Step("minutes.page.checked", username(m.checkedBy()), m.checkedAt()));
        steps.add(new Step("minutes.page.signed", username(m.signedBy()), m.signedAt()));
        steps.add(new Step("minutes.page.issued", username(m.issuedBy()), m.issuedAt()));
        return steps;
    }

    private String username(Long accountId) {
        return accountId == null ? null : accounts.account(accountId).username();
    }

    /** A file to download: pdf or docx. */
    private static MinutesApi.Format file(String format) {
        MinutesApi.Format f = MinutesApi.Format.of(format);
        if (f == MinutesApi.Format.JSON) {
            throw new org.yishi.platform.InvalidInput(org.yishi.platform.Violation.of("format", "documents.format", format));
        }
        return f;
    }

    private static String language(Locale locale) {
        return MeetingTitles.english(locale) ? "en" : "zh";
    }
}
