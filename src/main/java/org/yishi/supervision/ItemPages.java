package org.yishi.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.accounts.Viewers;
import org.yishi.platform.FormAction;
import org.yishi.platform.Forms.FormError;
import org.yishi.platform.Forms;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.Text;
import org.yishi.platform.Violation;
import org.yishi.supervision.reports.ReportsApi;

/**
 * An item's page (督办件) and the registration of items by hand. The page shows everything about the item — its
 * source, units, leader, dates, time left, progress with its children's weighted roll-up, reports with their
 * attachments, the pending extension and the log of its steps — and offers the steps the viewer may take in the
 * item's state, each as a form. With htmx a step answers the item redrawn (with the refusal and status 409 or 400
 * when refused); without it, it redirects back to the page.
 */
@Controller
@RequestMapping("/supervision")
public class ItemPages {

    /** The steps a page may announce as done, e.g. {@code ?done=accept}. */
    private static final Set<String> DONE = Set.of("register", "assign", "accept", "return", "progress", "completion",
            "close", "send-back", "suspend", "resume", "extension", "approve-extension", "refuse-extension",
            "confirmed", "merged");

    private final Supervision supervision;
    private final SupervisionStore store;
    private final SupervisedItems items;
    private final Attachments attachments;
    private final ItemViews views;
    private final Forms forms;
    private final MessageSource messages;
    private final TransactionTemplate tx;

    ItemPages(Supervision supervision, SupervisionStore store, SupervisedItems items, Attachments attachments,
            ItemViews views, Forms forms, MessageSource messages, TransactionTemplate tx) {
        this.supervision = supervision;
        this.store = store;
        this.items = items;
        this.attachments = attachments;
        this.views = views;
        this.forms = forms;
        this.messages = messages;
        this.tx = tx;
    }

    // ------------------------------------------------------------------------------------------- registration

    @GetMapping("/items/new")
    @PreAuthorize("hasAuthority('supervision:manage')")
    String newItem(@RequestParam(required = false) Long parent, Model model, Locale locale) {
        String serial = parent == null ? null : store.find(parent).map(SupervisionItem::serial).orElse(null);
        model.addAttribute("form", ItemForm.empty(views.today(), serial));
        forms.noErrorsYet(model);
        return registration(model, locale);
    }

    @PostMapping("/items/new")
    @PreAuthorize("hasAuthority('supervision:manage')")
    String register(@ModelAttribute("form") ItemForm form, BindingResult binding, Model model, Locale locale) {
        Viewer viewer = Viewers.current();
        Optional<SupervisionItem> created = forms.submit(() -> registered(viewer, form), binding, model, locale);
        if (created.isPresent()) {
            return "redirect:/supervision/items/" + created.get().id() + "?done=register";
        }
        markFields(model);
        return registration(model, locale);
    }

    /**
     * Registers the item when the form and the item are both good; otherwise every problem of both at once, and
     * nothing saved (the registration is tried, to learn the item's own problems, and rolled back).
     */
    private SupervisionItem registered(Viewer viewer, ItemForm form) {
        Optional<SupervisionItem> parent = Text.blank(form.parentSerial()) ? Optional.empty()
                : items.bySerial(form.parentSerial());
        List<Violation> problems = new ArrayList<>(form.problems(parent.isPresent()));
        SupervisionItem made = null;
        try {
            made = tx.execute(status -> {
                SupervisionItem item = supervision.register(viewer, form.toDraft(parent.map(SupervisionItem::id)
                        .orElse(null)), null);
                if (!problems.isEmpty()) {
                    status.setRollbackOnly();
                }
                return item;
            });
        } catch (InvalidInput e) {
            e.violations().stream().filter(v -> problems.stream().noneMatch(p -> p.field().equals(v.field())
                    && p.code().equals(v.code()))).forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return made;
    }

    /** The form's fields to mark, from the fields the refusal names (coUnitIds[2] marks the co-operating units). */
    static void markFields(Model model) {
        @SuppressWarnings("unchecked")
        List<FormError> errors = (List<FormError>) model.getAttribute("errors");
        if (errors == null) {
            return;
        }
        model.addAttribute("errorFields", errors.stream().map(e -> formField(e.field())).distinct().toList());
    }

    static String formField(String field) {
        String f = field.replaceAll("\\[\\d+\\]$", "");
        return switch (f) {
            case "parentId" -> "parentSerial";
            case "agendaItemId" -> "source";
            default -> f;
        };
    }

    private String registration(Model model, Locale locale) {
        model.addAttribute("units", views.units(locale));
        model.addAttribute("leaders", views.leaders(locale));
        model.addAttribute("sources", List.of(Source.INSTRUCTION, Source.HIGHER_TASK));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("recurrences", Recurrence.values());
        return "supervision/new";
    }

    // ------------------------------------------------------------------------------------------- the item's page

    @GetMapping("/items/{id}")
    @PreAuthorize("hasAnyAuthority('supervision:read-all', 'supervision:report')")
    String item(@PathVariable long id, @RequestParam(required = false) String done, Model model, Locale locale) {
        page(Viewers.current(), id, model.asMap(), locale);
        if (done != null && DONE.contains(done)) {
            model.addAttribute("notice", messages.getMessage("supervision.done." + done, null, locale));
        }
        forms.noErrorsYet(model);
        return "supervision/item";
    }

    /** A child's line under its parent: its share of the parent's progress is progress × weight. */
    record Child(SupervisionItem item, String leadUnit, int share) {
    }

    /** The weighted roll-up as the page explains it: Σ(progress × weight) ÷ Σ weight. */
    record RollUp(int shares, int weights, int result) {
    }

    /** A step of the log, with who took it; a progress report shows its percentage. */
    record StepLine(SupervisionStore.Step step, String actor, ItemViews.DecisionSource merged, Integer percent) {
    }

    private void page(Viewer viewer, long id, Map<String, Object> model, Locale locale) {
        SupervisionItem item = supervision.item(viewer, id);
        WorkingCalendar calendar = supervision.calendar();
        Map<Long, String> unitNames = views.unitNames(locale);
        model.put("item", item);
        model.put("unitNames", unitNames);
        model.put("units", views.units(locale));
        model.put("leader", item.leaderPersonId() == null ? null
                : views.personNames(List.of(item.leaderPersonId()), locale).get(item.leaderPersonId()));
        model.put("source", views.decision(viewer, item.meetingId(), item.agendaItemId(), locale).orElse(null));
        model.put("remaining", views.remaining(item, calendar));
        LocalDate returnBy = supervision.returnBy(item, calendar);
        model.put("returnBy", returnBy);
        model.put("parent", item.parentId() == null ? null
                : store.find(item.parentId()).filter(p -> Supervision.visible(viewer, p)).orElse(null));

        List<Child> children = items.children(id).stream()
                .map(c -> new Child(c, unitNames.get(c.leadUnitId()), c.progress() * c.weight())).toList();
        model.put("children", children);
        int weights = children.stream().mapToInt(c -> c.item().weight()).sum();
        int shares = children.stream().mapToInt(Child::share).sum();
        model.put("rollUp", children.isEmpty() ? null : new RollUp(shares, weights, item.progress()));

        List<SupervisionStore.Step> steps = store.steps(id);
        List<Attachments.Report> reports = attachments.reports(viewer, id);
        Set<Long> actors = new LinkedHashSet<>();
        steps.forEach(s -> actors.add(s.actor()));
        reports.forEach(r -> actors.add(r.actor()));
        Map<Long, String> actorNames = views.actorNames(actors, unitNames, locale);
        model.put("steps", ItemLog.lines(steps.stream()
                .map(s -> new StepLine(s, actorNames.get(s.actor()), merged(viewer, s, locale), null)).toList(),
                reports, actorNames));
        model.put("reports", reports);
        model.put("actorNames", actorNames);
        Optional<ExtensionRequest> extension = store.pendingExtension(id);
        model.put("extension", extension.orElse(null));
        model.put("actions", actions(viewer, item, extension.isPresent(), returnBy));
        model.put("lead", leads(viewer, item));
        model.put("maxSize", attachments.maxSize());
        model.put("maxBytes", attachments.maxBytes());
        model.put("maxFiles", Attachments.MAX_FILES);
        model.put("accept", AttachmentTypes.ACCEPT_ATTRIBUTE);
        model.put("acceptedTypes", AttachmentTypes.ACCEPTED);
        model.put("today", views.today());
    }

    /** The decision a merged proposal brought to the item, as its step recorded it. */
    private ItemViews.DecisionSource merged(Viewer viewer, SupervisionStore.Step step, Locale locale) {
        if (!"merge".equals(step.action()) || step.meetingId() == null) {
            return null;
        }
        return views.decision(viewer, step.meetingId(), step.agendaItemId(), locale).orElse(null);
    }

    private static boolean leads(Viewer viewer, SupervisionItem item) {
        return viewer.can(Permission.SUPERVISION_REPORT) && viewer.unitId() != null && viewer.unitId() == item.leadUnitId();
    }

    /** The steps the viewer may take now, as the workflow's table allows them in the item's state. */
    Set<String> actions(Viewer viewer, SupervisionItem item, boolean extensionPending, LocalDate returnBy) {
        return ItemStep.offered(ItemStep.Situation.of(item, viewer.can(Permission.SUPERVISION_MANAGE),
                leads(viewer, item), views.today(), returnBy, extensionPending));
    }

    // ------------------------------------------------------------------------------------------- the office's steps

    @PostMapping("/items/{id}/assign")
    @PreAuthorize("hasAuthority('supervision:manage')")
    ModelAndView assign(@PathVariable long id, @RequestParam(required = false) Long leadUnitId) {
        return act(id, "assign", v -> supervision.assign(v, id, leadUnitId));
    }

    @PostMapping("/items/{id}/close")
    @PreAuthorize("hasAuthority('supervision:manage')")
    ModelAndView close(@PathVariable long id) {
        return act(id, "close", v -> supervision.close(v, id));
    }

    @PostMapping("/items/{id}/send-back")
    @PreAuthorize("hasAuthority('supervision:manage')")
    ModelAndView sendBack(@PathVariable long id, @RequestParam(required = false) String reason) {
        return act(id, "send-back", v -> supervision.sendBack(v, id, reason));
    }

    @PostMapping("/items/{id}/suspend")
    @PreAuthorize("hasAuthority('supervision:manage')")
    ModelAndView suspend(@PathVariable long id, @RequestParam(required = false) String reason) {
        return act(id, "suspend", v -> supervision.suspend(v, id, reason));
    }

    @PostMapping("/items/{id}/resume")
    @PreAuthorize("hasAuthority('supervision:manage')")
    ModelAndView resume(@PathVariable long id) {
        return act(id, "resume", v -> supervision.resume(v, id));
    }

    @PostMapping("/items/{id}/extension/decision")
    @PreAuthorize("hasAuthority('supervision:manage')")
    ModelAndView decideExtension(@PathVariable long id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String note) {
        boolean approve = "approve".equals(decision);
        return act(id, approve ? "approve-extension" : "refuse-extension", v -> {
            if (!approve && !"refuse".equals(decision)) {
                throw new InvalidInput(Violation.of("decision", "supervision.extension.choose"));
            }
            supervision.decideExtension(v, id, approve, note);
        });
    }

    // ------------------------------------------------------------------------------------------- the lead unit's steps

    @PostMapping("/items/{id}/accept")
    @PreAuthorize("hasAuthority('supervision:report')")
    ModelAndView accept(@PathVariable long id, @RequestParam(required = false) String back) {
        ModelAndView answer = act(id, "accept", v -> supervision.accept(v, id));
        if ("unit".equals(back) && answer.getViewName() != null && answer.getViewName().startsWith("redirect:")) {
            return new ModelAndView("redirect:/supervision/unit?done=accept&item=" + id);
        }
        return answer;
    }

    @PostMapping("/items/{id}/return")
    @PreAuthorize("hasAuthority('supervision:report')")
    ModelAndView giveBack(@PathVariable long id, @RequestParam(required = false) String reason) {
        return act(id, "return", v -> supervision.returnOutsideRemit(v, id, reason));
    }

    @PostMapping("/items/{id}/progress")
    @PreAuthorize("hasAuthority('supervision:report')")
    ModelAndView progress(@PathVariable long id, @RequestParam(required = false) String text,
            @RequestParam(required = false) String percent,
            @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        return act(id, "progress", v -> attachments.report(v, id, text, percent(percent), false, uploads(files)));
    }

    @PostMapping("/items/{id}/completion")
    @PreAuthorize("hasAuthority('supervision:report')")
    ModelAndView completion(@PathVariable long id, @RequestParam(required = false) String text,
            @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        return act(id, "completion", v -> attachments.report(v, id, text, 100, true, uploads(files)));
    }

    @PostMapping("/items/{id}/extension")
    @PreAuthorize("hasAuthority('supervision:report')")
    ModelAndView extension(@PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String newDeadline) {
        return act(id, "extension", v -> supervision.requestExtension(v, id, reason, date(newDeadline, "newDeadline")));
    }

    /** More than Spring's own limit for a request: said as plainly as a file over Yishi's limit. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        Matcher m = Pattern.compile("/supervision/items/(\\d+)/(progress|completion)$").matcher(request.getRequestURI());
        if (!m.find()) {
            throw e;
        }
        return act(Long.parseLong(m.group(1)), m.group(2), v -> {
            throw new InvalidInput(Violation.of("files", "supervision.attachment.request-too-large", attachments.maxSize()));
        });
    }

    public static List<Attachments.Upload> uploads(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        List<Attachments.Upload> uploads = new ArrayList<>();
        for (MultipartFile f : files) {
            if (f == null || (f.isEmpty() && Text.blank(f.getOriginalFilename()))) {
                continue; // a file field left empty
            }
            try {
                uploads.add(new Attachments.Upload(f.getOriginalFilename(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }

    private static Integer percent(String value) {
        if (Text.blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip().replace("%", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInput(Violation.of("percent", "supervision.percent"));
        }
    }

    private static LocalDate date(String value, String field) {
        if (Text.blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(Violation.of(field, "problem.bad-value", InvalidInput.label("field." + field)));
        }
    }

    // ------------------------------------------------------------------------------------------- answering a step

    private interface Step {
        void take(Viewer viewer);
    }

    private ModelAndView act(long id, String action, Step step) {
        Viewer viewer = Viewers.current();
        Locale locale = LocaleContextHolder.getLocale();
        FormAction<Void> taken = FormAction.take(() -> {
            step.take(viewer);
            return null;
        }, messages, locale);
        return taken.answer(done -> "/supervision/items/" + id + "?done=" + action, "supervision/item",
                "supervision/item :: main", model -> {
                    page(viewer, id, model, locale);
                    model.put("errors", taken.errors());
                    model.put("errorFields", taken.errors().stream().map(e -> formField(e.field())).distinct().toList());
                    model.put("failed", taken.succeeded() ? null : action);
                    model.put("notice", taken.succeeded() ? messages.getMessage("supervision.done." + action, null, locale) : null);
                });
    }

    // ------------------------------------------------------------------------------------------- attachments

    @GetMapping("/attachments/{id}")
    @PreAuthorize("hasAnyAuthority('supervision:read-all', 'supervision:report')")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        return ReportsApi.file(attachments.download(Viewers.current(), id));
    }
}
