package org.yishi.supervision.dashboard;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yishi.directory.Directory;

/** The dashboard as of today, named in the reader's language: what the page and the API show. */
@Component
class DashboardViews {

    private final SupervisionDashboard dashboard;
    private final Directory directory;
    private final MessageSource messages;

    DashboardViews(SupervisionDashboard dashboard, Directory directory, MessageSource messages) {
        this.dashboard = dashboard;
        this.directory = directory;
        this.messages = messages;
    }

    DashboardView now(Locale locale) {
        return DashboardView.of(dashboard.figures(), directory.units(), messages, locale);
    }
}
