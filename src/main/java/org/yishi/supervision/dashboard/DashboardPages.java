package org.yishi.supervision.dashboard;

import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The supervision dashboard page: each figure as a chart (ECharts, drawn by static/js/dashboard.js from the data
 * attributes of the table beside it) and as a table; a click on a bar or slice, like a link in the table, opens the
 * ledger filtered to what it counts.
 */
@Controller
class DashboardPages {

    private final DashboardViews views;

    DashboardPages(DashboardViews views) {
        this.views = views;
    }

    @GetMapping("/supervision/dashboard")
    @PreAuthorize("hasAuthority('supervision:read-all')")
    String page(Model model, Locale locale) {
        model.addAttribute("d", views.now(locale));
        return "supervision/dashboard";
    }
}
