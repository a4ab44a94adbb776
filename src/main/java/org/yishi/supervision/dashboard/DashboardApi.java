package org.yishi.supervision.dashboard;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The supervision dashboard's figures as JSON, named in the caller's language, each with its ledger link. */
@RestController
@Tag(name = "supervision")
class DashboardApi {

    private final DashboardViews views;

    DashboardApi(DashboardViews views) {
        this.views = views;
    }

    @GetMapping("/api/supervision/dashboard")
    @PreAuthorize("hasAuthority('supervision:read-all')")
    @Operation(summary = "The dashboard: counts by state and colour, on-time rate by unit, closed per month, oldest overdue",
            description = "Colours count open items; the on-time rate is closed on or before the deadline ÷ closed, per "
                    + "lead unit; months are the last 12; overdue items are registered, assigned, returned or in "
                    + "progress with their deadline before today. Each figure links to the ledger filtered to it.")
    DashboardView dashboard(Locale locale) {
        return views.now(locale);
    }
}
