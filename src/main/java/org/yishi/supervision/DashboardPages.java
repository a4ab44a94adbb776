package org.yishi.supervision;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.yishi.directory.Directory;

/**
 * The supervision dashboard, as a page and as JSON. On the page each figure is a chart (ECharts, drawn by
 * static/js/dashboard.js from the data attributes of the table beside it) and a table; a click on a bar or slice,
 * like a link in the table, opens the ledger filtered to what it counts. The API gives the same figures, named in the
 * caller's language, each with its ledger link.
 */
@Controller
@Tag(name = "supervision")
class DashboardPages {

    private final SupervisionDashboard dashboard;
    private final Directory directory;
    private final MessageSource messages;

    DashboardPages(SupervisionDashboard dashboard, Directory directory, MessageSource messages) {
        this.dashboard = dashboard;
        this.directory = directory;
        this.messages = messages;
    }

    private DashboardView view(Locale locale) {
        return DashboardView.of(dashboard.figures(), directory.units(), messages, locale);
    }

    @GetMapping("/supervision/dashboard")
    @PreAuthorize("hasAuthority('supervision:read-all')")
    String page(Model model, Locale locale) {
        model.addAttribute("d", view(locale));
        return "supervision/dashboard";
    }

    @GetMapping("/api/supervision/dashboard")
    @ResponseBody
    @PreAuthorize("hasAuthority('supervision:read-all')")
    @Operation(summary = "The dashboard: counts by state and colour, on-time rate by unit, closed per month, oldest overdue",
            description = "Colours count open items; the on-time rate is closed on or before the deadline ÷ closed, per "
                    + "lead unit; months are the last 12; overdue items are registered, assigned, returned or in "
                    + "progress with their deadline before today. Each figure links to the ledger filtered to it.")
    DashboardView api(Locale locale) {
        return view(locale);
    }
}
