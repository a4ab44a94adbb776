package org.yishi.meetings.minutes;

import java.util.List;
import java.util.Optional;

import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.Minutes;
import org.yishi.meetings.MinutesState;
import org.yishi.platform.NotFound;
import org.yishi.platform.Refused;

/**
 * Who reads a meeting's minutes (issue 11, failure 4). Issued minutes: whoever holds {@code minutes:read} and may see
 * the meeting. Before issue only those working on them: the office, whose job it is to draft, check and issue them,
 * and the meeting's presiding person, who signs them off. A member holding {@code minutes:sign} reads the draft of
 * the meetings they preside, no other: JSON, PDF and page alike.
 */
final class MinutesReaders {

    /** The office's part in the minutes' way to issue. */
    private static final List<String> OFFICE_WORK = List.of(Permission.MINUTES_DRAFT, Permission.MINUTES_CHECK,
            Permission.MINUTES_ISSUE);

    private MinutesReaders() {
    }

    static boolean issued(Optional<Minutes> workflow) {
        return workflow.map(w -> w.state() == MinutesState.ISSUED).orElse(false);
    }

    /** Whether the viewer may read the meeting's minutes now. */
    static boolean mayRead(Viewer viewer, Meeting meeting, Optional<Minutes> workflow) {
        return viewer.can(Permission.MINUTES_READ) && (issued(workflow) || worksOn(viewer, meeting));
    }

    /** Whether the viewer works on the meeting's minutes before issue. */
    static boolean worksOn(Viewer viewer, Meeting meeting) {
        return OFFICE_WORK.stream().anyMatch(viewer::can) || presides(viewer, meeting);
    }

    private static boolean presides(Viewer viewer, Meeting meeting) {
        return viewer.can(Permission.MINUTES_SIGN) && viewer.personId() != null
                && viewer.personId() == meeting.presidingPersonId();
    }

    /**
     * Refuses a viewer who may not read the minutes now. A member who signs off other meetings' minutes finds none
     * (404): for them a meeting's minutes exist once issued, and the role's powers stay as the authorization matrix
     * says. Anyone else (e.g. the supervision office) is told the minutes are not issued yet (409).
     */
    static void requireMayRead(Viewer viewer, Meeting meeting, Optional<Minutes> workflow) {
        if (mayRead(viewer, meeting, workflow)) {
            return;
        }
        if (viewer.can(Permission.MINUTES_SIGN)) {
            throw new NotFound("kind.minutes", meeting.id());
        }
        throw new Refused("minutes.not-issued");
    }
}
