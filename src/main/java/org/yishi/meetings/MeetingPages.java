package org.yishi.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.access.prepost.PreAuthorize;
import org.yishi.directory.ProtocolOrder;
import org.yishi.accounts.Viewer;
import org.yishi.accounts.Viewers;
import org.yishi.directory.Body;
import org.yishi.directory.Directory;
import org.yishi.directory.Office;
import org.yishi.directory.PersonStanding;
import org.yishi.directory.Term;
import org.yishi.platform.ChineseNumerals;
import org.yishi.platform.Forms;

/** The meeting pages: list, meeting page, and the editor that picks people from the directory. */
@Controller
@RequestMapping("/meetings")
class MeetingPages {

    private static final int PAGE_SIZE = 20;

    private final Meetings meetings;
    private final Directory directory;
    private final MessageSource messages;
    private final Forms forms;
    private final MeetingTitles titles;
    private final Procedure procedure;
    private final Directives directives;

    MeetingPages(Meetings meetings, Directory directory, MessageSource messages, Forms forms, MeetingTitles titles,
            Procedure procedure, Directives directives) {
        this.titles = titles;
        this.procedure = procedure;
        this.directives = directives;
        this.meetings = meetings;
        this.directory = directory;
        this.messages = messages;
        this.forms = forms;
    }

    /** A person as a page shows them: name and title in the user's language. */
    record PersonLine(long id, String name, String title, String reason) {
    }

    record Line(MeetingSummary meeting, String bodyName, String heading, String firstItem) {
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('meeting:read', 'meeting:read-all')")
    String list(@RequestParam(required = false) Long bodyId, @RequestParam(defaultValue = "0") int page, Model model,
            Locale locale) {
        boolean english = english(locale);
        int p = Math.max(0, page);
        List<Body> bodies = directory.bodies();
        Map<Long, Body> byId = new java.util.HashMap<>();
        bodies.forEach(b -> byId.put(b.id(), b));
        Viewer viewer = Viewers.current();
        List<Line> lines = meetings.list(viewer, bodyId, PAGE_SIZE, p * PAGE_SIZE).stream().map(s -> {
            Body b = byId.get(s.bodyId());
            String first = english && s.firstItemEn() != null ? s.firstItemEn() : s.firstItemZh() != null ? s.firstItemZh() : s.firstItemEn();
            return new Line(s, english && b.nameEn() != null ? b.nameEn() : b.nameZh(), heading(b, s.termNumber(), s.sequence(), locale), first);
        }).toList();
        long total = meetings.count(viewer, bodyId);
        model.addAttribute("lines", lines);
        model.addAttribute("bodies", bodies);
        model.addAttribute("bodyId", bodyId);
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("total", total);
        return "meetings/list";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('meeting:read', 'meeting:read-all')")
    String show(@PathVariable long id, Model model, Locale locale) {
        boolean english = english(locale);
        Meeting m = meetings.meetingFor(Viewers.current(), id);
        Body body = directory.body(m.bodyId());
        Term term = directory.term(m.termId());
        Map<Long, PersonStanding> standings = directory.standingsOn(m.date(), m.people());
        model.addAttribute("meeting", m);
        model.addAttribute("bodyName", bodyName(body, english));
        model.addAttribute("heading", heading(body, term.number(), m.sequence(), locale));
        model.addAttribute("presiding", line(standings.get(m.presidingPersonId()), null, english));
        model.addAttribute("entrustedBy", m.entrustedById() == null ? null : line(standings.get(m.entrustedById()), null, english));
        model.addAttribute("present", lines(m.present(), standings, english));
        model.addAttribute("onLeave", m.onLeave().stream().map(l -> line(standings.get(l.personId()), l.reason(), english)).toList());
        model.addAttribute("inAttendance", lines(m.inAttendance(), standings, english));
        model.addAttribute("warnings", MeetingWarnings.of(procedure, meetings.meeting(id), m).stream()
                .map(v -> org.yishi.platform.Messages.resolve(messages, v, locale)).toList());
        return "meetings/show";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('meeting:edit')")
    String create(@RequestParam(required = false) Long bodyId, Model model, Locale locale) {
        List<Body> bodies = directory.bodies();
        Long body = bodyId != null ? bodyId : bodies.stream().filter(b -> b.kind() == org.yishi.directory.BodyKind.STANDING_COMMITTEE)
                .map(Body::id).findFirst().orElse(bodies.isEmpty() ? null : bodies.getFirst().id());
        return editor(MeetingForm.empty(body, LocalDate.now()), null, model, locale);
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('meeting:edit')")
    String edit(@PathVariable long id, Model model, Locale locale) {
        return editor(MeetingForm.of(meetings.editableFor(Viewers.current(), id)), id, model, locale);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('meeting:edit')")
    String plan(@ModelAttribute("form") MeetingForm form, BindingResult binding, Model model, Locale locale) {
        return forms.submit(() -> meetings.plan(form.toDraft()), binding, model, locale)
                .map(m -> "redirect:/meetings/" + m.id() + "?saved").orElseGet(() -> editor(form, null, model, locale));
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('meeting:edit')")
    String revise(@PathVariable long id, @ModelAttribute("form") MeetingForm form, BindingResult binding, Model model,
            Locale locale) {
        Viewer viewer = Viewers.current();
        meetings.editableFor(viewer, id);
        return forms.submit(() -> meetings.reviseAs(viewer, id, form.toDraft()), binding, model, locale)
                .map(m -> "redirect:/meetings/" + id + "?saved").orElseGet(() -> editor(form, id, model, locale));
    }

    /** The attendance part of the editor, redrawn when the body or the date changes. */
    @GetMapping("/editor/attendance")
    @PreAuthorize("hasAuthority('meeting:edit')")
    String attendance(@ModelAttribute("form") MeetingForm form, BindingResult binding, Model model, Locale locale) {
        forms.noErrorsYet(model);
        attendanceModel(form, model, locale);
        return "meetings/edit :: attendance";
    }

    private String editor(MeetingForm form, Long meetingId, Model model, Locale locale) {
        boolean english = english(locale);
        forms.noErrorsYet(model);
        model.addAttribute("form", form);
        model.addAttribute("meetingId", meetingId);
        model.addAttribute("bodies", directory.bodies().stream().map(b -> new Option(b.id(), english && b.nameEn() != null ? b.nameEn() : b.nameZh())).toList());
        model.addAttribute("timesOfDay", TimeOfDay.values());
        model.addAttribute("kinds", MeetingKind.values());
        model.addAttribute("itemKinds", ItemKind.values());
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("directiveOptions", directiveOptions(form, locale));
        attendanceModel(form, model, locale);
        return "meetings/edit";
    }

    record Option(long id, String label) {
    }

    /** The body's directives for a 传达学习 item to name: pending ones first, each group newest first. */
    private List<Option> directiveOptions(MeetingForm form, Locale locale) {
        if (form.bodyId() == null || directory.findBody(form.bodyId()).isEmpty()) {
            return List.of();
        }
        boolean english = english(locale);
        List<Directive> all = new ArrayList<>(directives.of(form.bodyId()));
        all.sort(java.util.Comparator.comparing((Directive d) -> !d.pending()));
        return all.stream().map(d -> new Option(d.id(), messages.getMessage(
                d.pending() ? "meetings.edit.directive-pending" : "meetings.edit.directive-conveyed",
                new Object[] {english && d.titleEn() != null ? d.titleEn() : d.titleZh(), d.issuedOn().toString()},
                locale))).toList();
    }

    private void attendanceModel(MeetingForm form, Model model, Locale locale) {
        boolean english = english(locale);
        LocalDate date = form.date() == null ? LocalDate.now() : form.date();
        Term term = form.bodyId() == null ? null : directory.termOn(form.bodyId(), date).orElse(null);
        Set<Long> memberIds = form.bodyId() == null ? Set.of() : directory.membersOn(form.bodyId(), date);
        // keep anybody the form already names, so that nothing the user entered silently disappears
        Set<Long> shown = new java.util.LinkedHashSet<>(memberIds);
        form.members().stream().map(MeetingForm.MemberRow::personId).filter(java.util.Objects::nonNull).forEach(shown::add);
        List<Long> everyone = directory.people().stream().map(org.yishi.directory.Person::id).toList();
        List<PersonStanding> all = sorted(directory.standingsOn(date, everyone).values());
        List<PersonLine> members = all.stream().filter(s -> shown.contains(s.personId())).map(s -> line(s, null, english)).toList();
        List<PersonLine> others = all.stream().filter(s -> !shown.contains(s.personId())).map(s -> line(s, null, english)).toList();
        model.addAttribute("form", form);
        model.addAttribute("term", term);
        model.addAttribute("termMissing", form.bodyId() != null && term == null);
        model.addAttribute("members", members);
        model.addAttribute("others", others);
    }

    private static List<PersonStanding> sorted(Collection<PersonStanding> standings) {
        return ProtocolOrder.peopleById(standings);
    }

    private List<PersonLine> lines(List<Long> ids, Map<Long, PersonStanding> standings, boolean english) {
        return ids.stream().map(standings::get).sorted(ProtocolOrder.PEOPLE).map(s -> line(s, null, english)).toList();
    }

    private static PersonLine line(PersonStanding s, String reason, boolean english) {
        Office o = s.office();
        String title = o == null ? "" : english && o.titleEn() != null ? o.titleEn() : o.titleZh();
        return new PersonLine(s.personId(), s.person().name(english), title, reason);
    }

    private String heading(Body body, int term, Integer sequence, Locale locale) {
        return titles.heading(body, term, sequence, locale);
    }

    private static String bodyName(Body b, boolean english) {
        return english && b.nameEn() != null ? b.nameEn() : b.runningNameZh();
    }

    private static boolean english(Locale locale) {
        return locale.getLanguage().equals("en");
    }
}
