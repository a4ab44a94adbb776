package org.yishi.supervision.proposals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.MessageSource;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yishi.accounts.Viewer;
import org.yishi.accounts.Viewers;
import org.yishi.platform.Forms.FormError;
import org.yishi.platform.Forms;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.Text;
import org.yishi.platform.Violation;
import org.yishi.supervision.ItemViews;
import org.yishi.supervision.Priority;
import org.yishi.supervision.Proposal;
import org.yishi.supervision.Proposals;
import org.yishi.supervision.Source;
import org.yishi.supervision.SupervisedItems;
import org.yishi.supervision.Supervision;
import org.yishi.supervision.SupervisionDraft;
import org.yishi.supervision.SupervisionItem;
import org.yishi.supervision.WorkingCalendar;

/**
 * The supervision office's inbox of adopted decisions (待确认): each with its meeting, outcome and conclusions, to
 * confirm as one item (a form filled in from the decision), split into several (more rows), merge into an item
 * already registered (found by serial number or words), or dismiss with a reason. A confidential decision's wording
 * is hidden from those who may not read it, as {@link Proposals} hides it.
 */
@Controller
@RequestMapping("/supervision/proposals")
@PreAuthorize("hasAuthority('supervision:manage')")
class ProposalPages {

    /** Working days given by default to a decision's item; the office changes it as the decision requires. */
    static final int DEFAULT_WORKING_DAYS = 20;

    /** One item to be made of the decision. */
    record Row(String content, Long leadUnitId, List<Long> coUnitIds, Long leaderPersonId,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, Priority priority,
            String replyRequirements) {

        Row {
            coUnitIds = coUnitIds == null ? List.of() : coUnitIds.stream().filter(Objects::nonNull).toList();
        }

        SupervisionDraft draft() {
            return new SupervisionDraft(Source.DECISION, null, null, null, content, leadUnitId, coUnitIds,
                    leaderPersonId, receivedOn, deadline, replyRequirements, priority, null, null, null, null);
        }
    }

    /** The confirmation form: one row confirms the decision as one item, several split it. */
    record ConfirmForm(List<Row> items) {

        ConfirmForm {
            items = items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
        }
    }

    /** A proposal as its card shows it. */
    record Card(Proposal proposal, String meeting, boolean meetingOpen, String title, String conclusions,
            boolean hidden, ConfirmForm form, boolean failed, String q, List<SupervisionItem> candidates) {
    }

    private final Proposals proposals;
    private final SupervisedItems items;
    private final Supervision supervision;
    private final ItemViews views;
    private final Forms forms;
    private final MessageSource messages;

    ProposalPages(Proposals proposals, SupervisedItems items, Supervision supervision, ItemViews views, Forms forms,
            MessageSource messages) {
        this.proposals = proposals;
        this.items = items;
        this.supervision = supervision;
        this.views = views;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping
    String inbox(@RequestParam(required = false) Long merge, @RequestParam(required = false) String q, Model model,
            Locale locale) {
        forms.noErrorsYet(model);
        return show(model, locale, null, null, merge, q);
    }

    /** Items to merge the proposal into: by serial number, its number alone, or words of the content. */
    @GetMapping("/{id}/candidates")
    String candidates(@PathVariable long id, @RequestParam(required = false) String q, Model model, Locale locale) {
        Proposal p = proposals.proposal(Viewers.current(), id);
        model.addAttribute("card", new Card(p, null, false, null, null, false, null, false, q, items.search(q, 10)));
        model.addAttribute("unitNames", views.unitNames(locale));
        return "supervision/proposals :: candidates";
    }

    @PostMapping("/{id}/confirm")
    String confirm(@PathVariable long id, @ModelAttribute("form") ConfirmForm form, BindingResult binding, Model model,
            Locale locale, RedirectAttributes redirect) {
        Viewer viewer = Viewers.current();
        Optional<List<SupervisionItem>> made = forms.submit(() -> proposals.confirm(viewer, id,
                form.items().stream().map(Row::draft).toList()), binding, model, locale);
        if (made.isPresent()) {
            List<SupervisionItem> created = made.get();
            if (created.size() == 1) {
                return "redirect:/supervision/items/" + created.get(0).id() + "?done=confirmed";
            }
            redirect.addFlashAttribute("notice", messages.getMessage("supervision.proposals.split-done",
                    new Object[] {created.size(), String.join("、", created.stream().map(SupervisionItem::serial).toList())},
                    locale));
            java.util.LinkedHashMap<Long, String> serials = new java.util.LinkedHashMap<>();
            created.forEach(i -> serials.put(i.id(), i.serial()));
            redirect.addFlashAttribute("created", serials); // kept in the session until shown: plain values only
            return "redirect:/supervision/proposals";
        }
        rowFields(model);
        model.addAttribute("failedForm", "confirm");
        return show(model, locale, id, form, null, null);
    }

    @PostMapping("/{id}/merge")
    String merge(@PathVariable long id, @RequestParam(required = false) Long itemId, Model model, Locale locale) {
        Viewer viewer = Viewers.current();
        Optional<SupervisionItem> merged = forms.submit(() -> {
            if (itemId == null) {
                throw new InvalidInput(Violation.of("itemId", "supervision.proposals.merge-choose"));
            }
            return proposals.merge(viewer, id, itemId);
        }, model, locale);
        if (merged.isPresent()) {
            return "redirect:/supervision/items/" + merged.get().id() + "?done=merged";
        }
        model.addAttribute("failedForm", "merge");
        return show(model, locale, id, null, id, null);
    }

    @PostMapping("/{id}/dismiss")
    String dismiss(@PathVariable long id, @RequestParam(required = false) String reason, Model model, Locale locale,
            RedirectAttributes redirect) {
        Viewer viewer = Viewers.current();
        Optional<Boolean> dismissed = forms.submit(() -> {
            proposals.dismiss(viewer, id, reason);
            return true;
        }, model, locale);
        if (dismissed.isPresent()) {
            redirect.addFlashAttribute("notice", messages.getMessage("supervision.proposals.dismissed", null, locale));
            return "redirect:/supervision/proposals";
        }
        model.addAttribute("failedForm", "dismiss");
        return show(model, locale, id, null, null, null);
    }

    /** Rows' problems ("[1].deadline") name the form's fields ("items[1].deadline"). */
    private static void rowFields(Model model) {
        @SuppressWarnings("unchecked")
        List<FormError> errors = (List<FormError>) model.getAttribute("errors");
        if (errors != null) {
            model.addAttribute("errorFields", errors.stream().map(e -> e.field().startsWith("[")
                    ? "items" + e.field().replaceAll("(\\.coUnitIds)\\[\\d+\\]$", "$1") : e.field()).distinct().toList());
        }
    }

    private String show(Model model, Locale locale, Long failed, ConfirmForm failedForm, Long merge, String q) {
        Viewer viewer = Viewers.current();
        WorkingCalendar calendar = supervision.calendar();
        List<Card> cards = new ArrayList<>();
        for (Proposal p : proposals.pending(viewer)) {
            boolean english = ItemViews.english(locale);
            String title = english && p.titleEn() != null ? p.titleEn() : p.titleZh() != null ? p.titleZh() : p.titleEn();
            String conclusions = english && p.conclusionsEn() != null ? p.conclusionsEn()
                    : p.conclusionsZh() != null ? p.conclusionsZh() : p.conclusionsEn();
            boolean hidden = p.titleZh() == null && p.titleEn() == null;
            boolean isFailed = failed != null && failed == p.id();
            ConfirmForm form = isFailed && failedForm != null ? failedForm : new ConfirmForm(List.of(defaults(p, calendar, locale)));
            boolean searching = merge != null && merge == p.id();
            cards.add(new Card(p, views.meetingHeading(p.meetingId(), locale), views.meetingVisible(viewer, p.meetingId()),
                    title, conclusions, hidden, form, isFailed, searching ? q : null,
                    searching ? items.search(q, 10) : List.of()));
        }
        model.addAttribute("cards", cards);
        model.addAttribute("failed", failed);
        model.addAttribute("units", views.units(locale));
        model.addAttribute("unitNames", views.unitNames(locale));
        model.addAttribute("leaders", views.leaders(locale));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("blankRow", new Row(null, null, List.of(), null, views.today(),
                calendar.plus(views.today(), DEFAULT_WORKING_DAYS), Priority.NORMAL,
                messages.getMessage("supervision.proposals.default-reply", null, locale)));
        return "supervision/proposals";
    }

    /**
     * The decision as an item: its wording as the content (when the reader may read it), the units it names as lead
     * and co-operating units, received today, due in {@value #DEFAULT_WORKING_DAYS} working days.
     */
    private Row defaults(Proposal p, WorkingCalendar calendar, Locale locale) {
        boolean hidden = p.titleZh() == null && p.titleEn() == null;
        String title = p.titleZh() != null ? p.titleZh() : p.titleEn();
        String conclusions = p.conclusionsZh() != null ? p.conclusionsZh() : p.conclusionsEn();
        String content = hidden ? null : Text.blank(conclusions) ? title : title + "：" + conclusions.strip();
        List<Long> named = hidden ? List.of() : views.unitsNamedIn(title, conclusions);
        LocalDate today = views.today();
        return new Row(content, named.isEmpty() ? null : named.get(0), named.size() > 1 ? named.subList(1, named.size())
                : List.of(), null, today, calendar.plus(today, DEFAULT_WORKING_DAYS), Priority.NORMAL,
                messages.getMessage("supervision.proposals.default-reply", null, locale));
    }
}
