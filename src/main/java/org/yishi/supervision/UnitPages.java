package org.yishi.supervision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.accounts.Viewers;
import org.yishi.platform.NotFound;

/**
 * Where supervision starts for each user, and a unit's inbox (本单位督办): what the unit has to accept, what is due
 * soon, what is overdue, what the office sent back, and all its open items, each with the next thing to do. A
 * liaison sees their own unit's; the office may look at any unit's with {@code ?unit=}.
 */
@Controller
@RequestMapping("/supervision")
class UnitPages {

    static final int LIST_LIMIT = 50;
    static final int PAGE_SIZE = 20;

    private final SupervisedItems items;
    private final SupervisionStore store;
    private final ItemViews views;
    private final MessageSource messages;

    UnitPages(SupervisedItems items, SupervisionStore store, ItemViews views, MessageSource messages) {
        this.items = items;
        this.store = store;
        this.views = views;
        this.messages = messages;
    }

    /** The office starts with decisions waiting to be confirmed, or else the ledger; a liaison with their unit. */
    @GetMapping
    @PreAuthorize("hasAnyAuthority('supervision:read-all', 'supervision:manage', 'supervision:report')")
    String start() {
        Viewer viewer = Viewers.current();
        if (viewer.can(Permission.SUPERVISION_MANAGE) && items.pendingProposals() > 0) {
            return "redirect:/supervision/proposals";
        }
        if (viewer.can(Permission.SUPERVISION_READ_ALL) || viewer.can(Permission.SUPERVISION_MANAGE)) {
            return "redirect:/supervision/ledger";
        }
        return "redirect:/supervision/unit";
    }

    @GetMapping("/unit")
    @PreAuthorize("hasAnyAuthority('supervision:read-all', 'supervision:report')")
    String unit(@RequestParam(required = false) Long unit, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String done, @RequestParam(required = false) Long item, Model model,
            Locale locale) {
        Viewer viewer = Viewers.current();
        boolean office = viewer.can(Permission.SUPERVISION_READ_ALL);
        if (!office && unit != null && !unit.equals(viewer.unitId())) {
            throw new NotFound("kind.unit", unit); // another unit's inbox does not exist for a liaison
        }
        Long shown = unit != null ? unit : viewer.unitId();
        Map<Long, String> unitNames = views.unitNames(locale);
        if (shown != null && !unitNames.containsKey(shown)) {
            throw new NotFound("kind.unit", shown);
        }
        model.addAttribute("office", office);
        model.addAttribute("units", views.units(locale));
        model.addAttribute("unitId", shown);
        model.addAttribute("unitNames", unitNames);
        if (shown == null) {
            return "supervision/unit";
        }
        model.addAttribute("unitName", unitNames.get(shown));
        model.addAttribute("counts", items.counts(shown));
        List<SupervisionItem> toAccept = items.toAccept(shown, LIST_LIMIT);
        List<SupervisionItem> dueSoon = items.dueSoon(shown, LIST_LIMIT);
        List<SupervisionItem> overdue = items.overdue(shown, LIST_LIMIT);
        List<SupervisionItem> sentBack = items.sentBack(shown, LIST_LIMIT);
        int at = Math.max(0, page);
        List<SupervisionItem> open = items.open(shown, PAGE_SIZE, at * PAGE_SIZE);
        model.addAttribute("toAccept", toAccept);
        model.addAttribute("dueSoon", dueSoon);
        model.addAttribute("overdue", overdue);
        model.addAttribute("sentBack", sentBack);
        model.addAttribute("open", open);
        List<SupervisionItem> all = new ArrayList<>(toAccept);
        all.addAll(dueSoon);
        all.addAll(overdue);
        all.addAll(sentBack);
        all.addAll(open);
        model.addAttribute("remaining", views.remaining(all));
        model.addAttribute("sentBackReasons", lastReasons(sentBack));
        model.addAttribute("leads", viewer.can(Permission.SUPERVISION_REPORT) && shown.equals(viewer.unitId()));

        long total = items.countOpen(shown);
        int pages = (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("page", at);
        model.addAttribute("pages", pages);
        model.addAttribute("previous", at > 0 ? link(office ? shown : null, at - 1) : null);
        model.addAttribute("next", at + 1 < pages ? link(office ? shown : null, at + 1) : null);
        if ("accept".equals(done) && item != null) {
            store.find(item).filter(i -> Supervision.visible(viewer, i)).ifPresent(i -> model.addAttribute("notice",
                    messages.getMessage("supervision.unit.accepted", new Object[] {i.serial()}, locale)));
        }
        return "supervision/unit";
    }

    private static String link(Long unit, int page) {
        return UriComponentsBuilder.fromPath("/supervision/unit").queryParamIfPresent("unit", java.util.Optional.ofNullable(unit))
                .queryParam("page", page).toUriString() + "#open";
    }

    /** Why each item was sent back the last time: what the unit has to put right. */
    private Map<Long, String> lastReasons(List<SupervisionItem> sentBack) {
        Map<Long, String> reasons = new HashMap<>();
        for (SupervisionItem i : sentBack) {
            store.steps(i.id()).stream().filter(s -> "send-back".equals(s.action())).reduce((a, b) -> b)
                    .ifPresent(s -> reasons.put(i.id(), s.reason()));
        }
        return reasons;
    }
}
