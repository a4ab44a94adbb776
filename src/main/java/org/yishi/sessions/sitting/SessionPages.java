package org.yishi.sessions.sitting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import org.yishi.accounts.Viewers;
import org.yishi.platform.Forms;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.Violation;
import org.yishi.sessions.roster.AssemblyTerm;
import org.yishi.sessions.roster.RosterEntry;
import org.yishi.sessions.roster.Rosters;

/**
 * The pages of a term's sessions: the list with a form to add one, and each session with its meetings, agenda and
 * presidium. The check-in desk of each meeting is {@link DeskPages}.
 */
@Controller
@RequestMapping("/sessions")
@PreAuthorize("hasAuthority('congress:read')")
class SessionPages {

    private final Sessions sessions;
    private final RollCall rollCall;
    private final Rosters rosters;
    private final QuorumTexts texts;
    private final Forms forms;

    SessionPages(Sessions sessions, RollCall rollCall, Rosters rosters, QuorumTexts texts, Forms forms) {
        this.sessions = sessions;
        this.rollCall = rollCall;
        this.rosters = rosters;
        this.texts = texts;
        this.forms = forms;
    }

    /** A session as the list shows it. */
    record SessionLine(Session session, String title) {
    }

    /** A meeting as the session's page shows it. */
    record SittingLine(Sitting sitting, String title, String quorum) {
    }

    @GetMapping("/terms/{id}/sessions")
    String sessions(@PathVariable long id, Model model, Locale locale) {
        AssemblyTerm term = rosters.term(id);
        model.addAttribute("term", term);
        model.addAttribute("sessions", sessions.sessions(id).stream()
                .map(s -> new SessionLine(s, sessions.title(s, locale))).toList());
        model.addAttribute("canEdit", Viewers.current().can(Permission.CONGRESS_EDIT));
        if (!model.containsAttribute("form")) {
            int next = sessions.sessions(id).stream().mapToInt(Session::number).max().orElse(0) + 1;
            model.addAttribute("form", new SittingDrafts.SessionDraft(next, "", "", null, null, null, null));
        }
        forms.noErrorsYet(model);
        return "sessions/sessions";
    }

    @PostMapping("/terms/{id}/sessions")
    @PreAuthorize("hasAuthority('congress:edit')")
    String create(@PathVariable long id, @ModelAttribute("form") SittingDrafts.SessionDraft form, BindingResult binding,
            Model model, Locale locale) {
        return forms.submit(() -> sessions.create(Viewers.current(), id, form), binding, model, locale)
                .map(s -> "redirect:/sessions/sessions/" + s.id() + "?saved").orElseGet(() -> sessions(id, model, locale));
    }

    @GetMapping("/sessions/{id}")
    String session(@PathVariable long id, Model model, Locale locale) {
        Session session = sessions.session(id);
        model.addAttribute("assemblySession", session);
        model.addAttribute("sessionTitle", sessions.title(session, locale));
        model.addAttribute("term", rosters.term(session.termId()));
        model.addAttribute("sittings", sessions.sittings(id).stream().map(s -> new SittingLine(s,
                texts.sittingTitle(s, locale), texts.sentence(s, rollCall.quorum(s.id()), locale))).toList());
        model.addAttribute("agenda", sessions.agenda(id));
        List<RosterEntry> presidium = sessions.presidium(id);
        model.addAttribute("presidium", presidium);
        model.addAttribute("presidiumNames", String.join("、", presidium.stream()
                .map(e -> e.name(locale.getLanguage().equals("en"))).toList()));
        model.addAttribute("sittingKinds", Sitting.Kind.values());
        model.addAttribute("agendaKinds", AgendaEntry.Kind.values());
        model.addAttribute("canEdit", Viewers.current().can(Permission.CONGRESS_EDIT));
        model.addAttribute("canRun", Viewers.current().can(Permission.CONGRESS_ROLL_CALL));
        if (!model.containsAttribute("sittingForm")) {
            model.addAttribute("sittingForm", new SittingDrafts.SittingDraft(Sitting.Kind.PLENARY, null, session.opensOn(), null));
        }
        if (!model.containsAttribute("agendaForm")) {
            model.addAttribute("agendaForm", new SittingDrafts.AgendaDraft(AgendaEntry.Kind.REPORT, "", ""));
        }
        forms.noErrorsYet(model);
        return "sessions/session";
    }

    @PostMapping("/sessions/{id}/sittings")
    @PreAuthorize("hasAuthority('congress:edit')")
    String addSitting(@PathVariable long id, @ModelAttribute("sittingForm") SittingDrafts.SittingDraft form,
            BindingResult binding, Model model, Locale locale) {
        return forms.submit(() -> sessions.addSitting(Viewers.current(), id, form), binding, model, locale)
                .map(s -> "redirect:/sessions/sessions/" + id + "?saved").orElseGet(() -> session(id, model, locale));
    }

    @PostMapping("/sessions/{id}/agenda")
    @PreAuthorize("hasAuthority('congress:edit')")
    String addAgendaEntry(@PathVariable long id, @ModelAttribute("agendaForm") SittingDrafts.AgendaDraft form,
            BindingResult binding, Model model, Locale locale) {
        return forms.submit(() -> sessions.addAgendaEntry(Viewers.current(), id, form), binding, model, locale)
                .map(s -> "redirect:/sessions/sessions/" + id + "?saved").orElseGet(() -> session(id, model, locale));
    }

    /** The presidium typed as card numbers, separated by spaces, commas or 、. */
    @PostMapping("/sessions/{id}/presidium")
    @PreAuthorize("hasAuthority('congress:edit')")
    String electPresidium(@PathVariable long id, @RequestParam(defaultValue = "") String cards, Model model,
            Locale locale) {
        Session session = sessions.session(id);
        return forms.submit(() -> {
            List<Long> ids = new ArrayList<>();
            List<Violation> unknown = new ArrayList<>();
            for (String card : cards.split("[\\s,，、;；]+")) {
                if (card.isBlank()) {
                    continue;
                }
                List<RosterEntry> found = rosters.find(session.termId(), card).stream()
                        .filter(e -> e.cardNumber().equalsIgnoreCase(card)).toList();
                if (found.isEmpty()) {
                    unknown.add(Violation.of("cards", "sessions.desk.not-found", card));
                } else {
                    ids.add(found.getFirst().id());
                }
            }
            if (!unknown.isEmpty()) {
                throw new InvalidInput(unknown);
            }
            return sessions.electPresidium(Viewers.current(), id, new SittingDrafts.PresidiumDraft(ids));
        }, model, locale).map(p -> "redirect:/sessions/sessions/" + id + "?saved").orElseGet(() -> session(id, model, locale));
    }

    @PostMapping("/sessions/{id}/agenda/adopt")
    @PreAuthorize("hasAuthority('congress:edit')")
    String adoptAgenda(@PathVariable long id, Model model, Locale locale) {
        return forms.submit(() -> sessions.adoptAgenda(Viewers.current(), id), model, locale)
                .map(s -> "redirect:/sessions/sessions/" + id + "?saved").orElseGet(() -> session(id, model, locale));
    }

    @PostMapping("/agenda/{id}/count")
    @PreAuthorize("hasAuthority('congress:roll-call')")
    String count(@PathVariable long id, @ModelAttribute SittingDrafts.CountDraft form, BindingResult binding,
            @RequestParam long session, Model model, Locale locale) {
        return forms.submit(() -> rollCall.count(Viewers.current(), id, form), binding, model, locale)
                .map(e -> "redirect:/sessions/sessions/" + e.sessionId() + "?saved")
                .orElseGet(() -> session(session, model, locale));
    }
}
