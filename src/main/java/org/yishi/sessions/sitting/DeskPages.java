package org.yishi.sessions.sitting;

import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewers;
import org.yishi.platform.FormAction;
import org.yishi.platform.Forms;

/**
 * The check-in desk (报到台) of a session's meeting, run by a clerk at speed: type a deputy's card number or name (or
 * scan the card, whose code types the number) and press Enter; the answer names the deputy and the count updates at
 * once, on this page through htmx and on every other open desk within a second. Leave is given with its reason. The
 * meeting opens from here on its quorum.
 */
@Controller
@RequestMapping("/sessions/sittings/{id}")
@PreAuthorize("hasAuthority('congress:read')")
class DeskPages {

    private static final int CALLS_SHOWN = 30;

    private final Sessions sessions;
    private final RollCall rollCall;
    private final QuorumTexts texts;
    private final Forms forms;
    private final MessageSource messages;

    DeskPages(Sessions sessions, RollCall rollCall, QuorumTexts texts, Forms forms, MessageSource messages) {
        this.sessions = sessions;
        this.rollCall = rollCall;
        this.texts = texts;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/desk")
    String desk(@PathVariable long id, Model model, Locale locale) {
        fill(id, model.asMap(), locale);
        forms.noErrorsYet(model);
        return "sessions/desk";
    }

    @GetMapping("/desk/quorum")
    String quorum(@PathVariable long id, Model model, Locale locale) {
        Sitting sitting = sessions.sitting(id);
        Quorum q = rollCall.quorum(id);
        model.addAttribute("sitting", sitting);
        model.addAttribute("quorum", q);
        model.addAttribute("quorumText", texts.sentence(sitting, q, locale));
        return "sessions/desk :: quorum";
    }

    @PostMapping("/desk/check-in")
    @PreAuthorize("hasAuthority('congress:roll-call')")
    ModelAndView checkIn(@PathVariable long id, @RequestParam(required = false) String query,
            @RequestParam(required = false) Long entryId, Locale locale) {
        FormAction<RollCall.CheckIn> taken = FormAction.take(() -> rollCall.checkIn(Viewers.current(), id,
                new SittingDrafts.CheckInDraft(query, entryId)), messages, locale);
        return taken.answer(r -> "/sessions/sittings/" + id + "/desk", "sessions/desk", "sessions/desk :: checkInAnswer",
                model -> {
                    fill(id, model, locale);
                    model.put("errors", List.of());
                    model.put("checkInErrors", taken.errors());
                    model.put("answer", taken.htmx());
                    model.put("checkIn", taken.result());
                    model.put("query", taken.succeeded() ? "" : query);
                });
    }

    @PostMapping("/desk/leave")
    @PreAuthorize("hasAuthority('congress:roll-call')")
    ModelAndView leave(@PathVariable long id, @RequestParam(required = false) String query,
            @RequestParam(required = false) String reason, Locale locale) {
        FormAction<RollCall.Call> taken = FormAction.take(() -> rollCall.leave(Viewers.current(), id,
                new SittingDrafts.LeaveDraft(query, null, reason)), messages, locale);
        return taken.answer(r -> "/sessions/sittings/" + id + "/desk", "sessions/desk", "sessions/desk :: leaveAnswer",
                model -> {
                    fill(id, model, locale);
                    model.put("leaveErrors", taken.errors());
                    model.put("errors", List.of());
                    model.put("answer", taken.htmx());
                    model.put("onLeave", taken.result());
                    model.put("leaveQuery", taken.succeeded() ? "" : query);
                    model.put("leaveReason", taken.succeeded() ? "" : reason);
                });
    }

    @PostMapping("/desk/undo")
    @PreAuthorize("hasAuthority('congress:roll-call')")
    String undo(@PathVariable long id, @RequestParam long entryId, Model model, Locale locale) {
        return forms.submit(() -> {
            rollCall.undo(Viewers.current(), id, entryId);
            return id;
        }, model, locale).map(s -> "redirect:/sessions/sittings/" + id + "/desk").orElseGet(() -> desk(id, model, locale));
    }

    @PostMapping("/open")
    @PreAuthorize("hasAuthority('congress:roll-call')")
    String open(@PathVariable long id, Model model, Locale locale) {
        return forms.submit(() -> rollCall.open(Viewers.current(), id), model, locale)
                .map(s -> "redirect:/sessions/sittings/" + id + "/desk?opened").orElseGet(() -> desk(id, model, locale));
    }

    @PostMapping("/close")
    @PreAuthorize("hasAuthority('congress:roll-call')")
    String close(@PathVariable long id, Model model, Locale locale) {
        return forms.submit(() -> rollCall.close(Viewers.current(), id), model, locale)
                .map(s -> "redirect:/sessions/sittings/" + id + "/desk").orElseGet(() -> desk(id, model, locale));
    }

    private void fill(long id, Map<String, Object> model, Locale locale) {
        Sitting sitting = sessions.sitting(id);
        Session session = sessions.sessionOf(sitting);
        Quorum q = rollCall.quorum(id);
        model.put("sitting", sitting);
        model.put("assemblySession", session);
        model.put("sessionTitle", sessions.title(session, locale));
        model.put("sittingTitle", texts.sittingTitle(sitting, locale));
        model.put("quorum", q);
        model.put("quorumText", texts.sentence(sitting, q, locale));
        List<RollCall.Call> calls = rollCall.calls(id);
        model.put("calls", calls.size() > CALLS_SHOWN ? calls.subList(0, CALLS_SHOWN) : calls);
        model.put("leaves", calls.stream().filter(c -> c.status().equals("ON_LEAVE")).toList());
        model.put("canRun", Viewers.current().can(Permission.CONGRESS_ROLL_CALL));
        model.putIfAbsent("query", "");
        model.putIfAbsent("leaveQuery", "");
        model.putIfAbsent("leaveReason", "");
        model.putIfAbsent("leaveErrors", List.of());
        model.putIfAbsent("checkInErrors", List.of());
        model.putIfAbsent("answer", false);
        model.putIfAbsent("errorFields", List.of());
    }
}
