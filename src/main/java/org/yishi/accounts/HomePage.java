package org.yishi.accounts;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where a user lands after signing in: the first page their permissions open. */
@Controller
class HomePage {

    /** The supervision office starts with supervision, and a unit's liaison with their unit's items. */
    private static final List<Map.Entry<String, String>> HOMES = List.of(
            Map.entry(Permission.SUPERVISION_MANAGE, "/supervision"),
            Map.entry(Permission.MEETING_READ_ALL, "/meetings"),
            Map.entry(Permission.MEETING_READ, "/meetings"),
            Map.entry(Permission.SUPERVISION_REPORT, "/supervision"),
            Map.entry(Permission.READOUT_READ, "/readouts"),
            Map.entry(Permission.SUPERVISION_READ_ALL, "/supervision"),
            Map.entry(Permission.ACCOUNT_MANAGE, "/admin/accounts"),
            Map.entry(Permission.ROLE_MANAGE, "/admin/roles"),
            Map.entry(Permission.ROLE_ASSIGN, "/admin/role-assignments"),
            Map.entry(Permission.AUDIT_READ, "/audit"),
            Map.entry(Permission.VOLUNTEER_SELF, "/volunteering"),
            Map.entry(Permission.VOLUNTEER_STATION, "/volunteering/station"));

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home() {
        Viewer viewer = Viewers.current();
        return "redirect:" + HOMES.stream().filter(h -> viewer.can(h.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse("/account");
    }
}
