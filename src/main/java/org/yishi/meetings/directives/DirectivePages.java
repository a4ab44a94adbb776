package org.yishi.meetings.directives;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yishi.directory.Body;
import org.yishi.directory.BodyKind;
import org.yishi.directory.Directory;
import org.yishi.meetings.DirectiveDraft;
import org.yishi.meetings.Directives;
import org.yishi.platform.Forms;

/**
 * The directives queue of a body: what the office has received, newest first, the pending ones marked and the newest
 * pending one named as the next meeting's first item, the conveyed ones with the meeting that conveyed them; and the
 * form to record a received directive. Read with {@code meeting:read-all}; recorded with {@code directive:edit}.
 */
@Controller
@RequestMapping("/directives")
@PreAuthorize("hasAuthority('meeting:read-all')")
class DirectivePages {

    private final Directives directives;
    private final DirectiveViews views;
    private final Directory directory;
    private final Forms forms;

    DirectivePages(Directives directives, DirectiveViews views, Directory directory, Forms forms) {
        this.directives = directives;
        this.views = views;
        this.directory = directory;
        this.forms = forms;
    }

    /** The form to record a received directive; dates as the browser's date inputs send them. */
    record DirectiveForm(Long bodyId, String titleZh, String titleEn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn, String source) {

        DirectiveDraft toDraft() {
            return new DirectiveDraft(bodyId, titleZh, titleEn, issuedOn, receivedOn, source);
        }
    }

    @GetMapping
    String queue(@RequestParam(required = false) Long bodyId, Model model, Locale locale) {
        Long body = bodyId != null ? directory.body(bodyId).id() : defaultBody();
        return page(body, new DirectiveForm(body, null, null, null, LocalDate.now(), null), model, locale);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('directive:edit')")
    String receive(@ModelAttribute("form") DirectiveForm form, BindingResult binding, Model model, Locale locale) {
        return forms.submit(() -> directives.receive(form.toDraft()), binding, model, locale)
                .map(d -> "redirect:/directives?bodyId=" + d.bodyId() + "&saved")
                .orElseGet(() -> page(form.bodyId() != null && directory.findBody(form.bodyId()).isPresent()
                        ? form.bodyId() : defaultBody(), form, model, locale));
    }

    private String page(Long bodyId, DirectiveForm form, Model model, Locale locale) {
        forms.noErrorsYet(model);
        List<Body> bodies = directory.bodies();
        model.addAttribute("bodies", bodies);
        model.addAttribute("bodyId", bodyId);
        model.addAttribute("body", bodyId == null ? null : directory.body(bodyId));
        model.addAttribute("queue", bodyId == null ? List.of() : views.queue(bodyId, locale));
        model.addAttribute("form", form);
        return "directives/list";
    }

    /**
     * The first standing committee that has received directives (the body whose office keeps a directives queue as a
     * rule), else the first standing committee: the page opens on a queue with something in it when there is one.
     */
    private Long defaultBody() {
        List<Body> bodies = directory.bodies();
        List<Long> committees = bodies.stream().filter(b -> b.kind() == BodyKind.STANDING_COMMITTEE).map(Body::id).toList();
        return committees.stream().filter(b -> !directives.of(b).isEmpty()).findFirst()
                .orElse(committees.isEmpty() ? (bodies.isEmpty() ? null : bodies.getFirst().id()) : committees.getFirst());
    }
}
