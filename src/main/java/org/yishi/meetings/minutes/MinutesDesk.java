package org.yishi.meetings.minutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.audit.Audit;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.ItemProceedings;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingState;
import org.yishi.meetings.MeetingStore;
import org.yishi.meetings.Meetings;
import org.yishi.meetings.Minutes;
import org.yishi.meetings.MinutesState;
import org.yishi.meetings.Procedure;
import org.yishi.platform.NotFound;
import org.yishi.platform.Refused;
import org.yishi.platform.Violation;

/**
 * The minutes' way to issue: drafted by the office once the meeting is closed and every item decided, checked by the
 * office head (not the one who drafted them), signed off by the presiding person, issued. Checking and signing off
 * may send them back to draft with a reason. Each step is audited. On issue the text is kept as issued, and the
 * meeting becomes MINUTES_ISSUED.
 */
@Service
@Transactional
class MinutesDesk {

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final Procedure procedure;
    private final Audit audit;
    private final MeetingStore store;

    MinutesDesk(JdbcClient jdbc, Meetings meetings, Procedure procedure, Audit audit, MeetingStore store) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.procedure = procedure;
        this.audit = audit;
        this.store = store;
    }

    @Transactional(readOnly = true)
    public Optional<Minutes> find(long meetingId) {
        return jdbc.sql("""
                select meeting_id, state, drafted_by, drafted_at, checked_by, checked_at, signed_by, signed_at,
                       issued_by, issued_at from minutes where meeting_id = :m""").param("m", meetingId)
                .query(Minutes.class).optional();
    }

    /** The minutes' text as issued, Chinese and English; empty before issue. */
    @Transactional(readOnly = true)
    public Optional<IssuedText> issuedText(long meetingId) {
        return jdbc.sql("select issued_zh as zh, issued_en as en from minutes where meeting_id = :m and state = 'ISSUED'")
                .param("m", meetingId).query(IssuedText.class).optional();
    }

    /** The text of issued minutes, as kept on issue (the format is the documents' own). */
    public record IssuedText(String zh, String en) {
    }

    public Minutes draft(Viewer viewer, long meetingId) {
        lock(meetingId);
        Meeting m = meetings.meeting(meetingId);
        if (m.state() != MeetingState.CLOSED) {
            throw new Refused("minutes.draft-state", org.yishi.platform.InvalidInput.label("enum.MeetingState." + m.state().name()));
        }
        if (find(meetingId).isPresent()) {
            throw new Refused("minutes.exist");
        }
        Map<Long, ItemProceedings> all = procedure.proceedings(meetingId);
        List<Violation> undecided = new ArrayList<>();
        for (AgendaItem item : m.items()) {
            if (all.get(item.id()).decision() == null) {
                undecided.add(Violation.of("", "minutes.item-undecided", item.position()));
            }
        }
        if (!undecided.isEmpty()) {
            throw new Refused(undecided);
        }
        jdbc.sql("insert into minutes (meeting_id, state, drafted_by) values (:m, 'DRAFT', :by)")
                .param("m", meetingId).param("by", viewer.accountId()).update();
        return logged("minutes.draft", meetingId, null);
    }

    public Minutes check(Viewer viewer, long meetingId) {
        Minutes before = expect(meetingId, MinutesState.DRAFT, "minutes.action.check");
        if (before.draftedBy() == viewer.accountId()) {
            throw new Refused("minutes.check-own");
        }
        jdbc.sql("update minutes set state = 'CHECKED', checked_by = :by, checked_at = now() where meeting_id = :m")
                .param("by", viewer.accountId()).param("m", meetingId).update();
        return logged("minutes.check", meetingId, before);
    }

    /** Signed off by the presiding person only: the signed-in account must be linked to that person. */
    public Minutes signOff(Viewer viewer, long meetingId) {
        Minutes before = expect(meetingId, MinutesState.CHECKED, "minutes.action.sign");
        Meeting m = meetings.meeting(meetingId);
        if (viewer.personId() == null || viewer.personId() != m.presidingPersonId()) {
            throw new Refused("minutes.sign-not-presiding");
        }
        jdbc.sql("update minutes set state = 'SIGNED_OFF', signed_by = :by, signed_at = now() where meeting_id = :m")
                .param("by", viewer.accountId()).param("m", meetingId).update();
        return logged("minutes.sign", meetingId, before);
    }

    /** Issues signed-off minutes, keeping their text as issued ({@code zh}, {@code en}). */
    public Minutes issue(Viewer viewer, long meetingId, String zh, String en) {
        Minutes before = expect(meetingId, MinutesState.SIGNED_OFF, "minutes.action.issue");
        jdbc.sql("""
                update minutes set state = 'ISSUED', issued_by = :by, issued_at = now(), issued_zh = :zh, issued_en = :en
                where meeting_id = :m""").param("by", viewer.accountId()).param("zh", zh).param("en", en)
                .param("m", meetingId).update();
        procedure.minutesIssued(meetingId);
        return logged("minutes.issue", meetingId, before);
    }

    /** Sends checked or signed-off minutes back to draft, with the reason. */
    public Minutes sendBack(Viewer viewer, long meetingId, String reason) {
        lock(meetingId);
        Minutes before = find(meetingId).orElseThrow(() -> new NotFound("kind.minutes", meetingId));
        if (before.state() != MinutesState.CHECKED && before.state() != MinutesState.SIGNED_OFF) {
            throw new Refused("minutes.send-back-state", org.yishi.platform.InvalidInput.label("enum.MinutesState." + before.state().name()));
        }
        if (org.yishi.platform.Text.blank(reason)) {
            throw new org.yishi.platform.InvalidInput(Violation.of("reason", "minutes.send-back-reason"));
        }
        jdbc.sql("""
                update minutes set state = 'DRAFT', checked_by = null, checked_at = null, signed_by = null,
                       signed_at = null where meeting_id = :m""").param("m", meetingId).update();
        Minutes after = find(meetingId).orElseThrow();
        audit.record("minutes.send-back", "minutes", String.valueOf(meetingId), before, Map.of("state", "DRAFT", "reason", reason.strip()));
        return after;
    }

    /** Whether the viewer may read the minutes of a meeting they can see. */
    public static boolean mayRead(Viewer viewer) {
        return viewer.can(Permission.MINUTES_READ);
    }

    private Minutes expect(long meetingId, MinutesState state, String action) {
        lock(meetingId);
        Minutes m = find(meetingId).orElseThrow(() -> new Refused("minutes.none"));
        if (m.state() != state) {
            throw new Refused("minutes.wrong-state", org.yishi.platform.InvalidInput.label(action),
                    org.yishi.platform.InvalidInput.label("enum.MinutesState." + m.state().name()),
                    org.yishi.platform.InvalidInput.label("enum.MinutesState." + state.name()));
        }
        return m;
    }

    private void lock(long meetingId) {
        if (!store.lock(meetingId)) {
            throw new NotFound("kind.meeting", meetingId);
        }
    }

    private Minutes logged(String action, long meetingId, Minutes before) {
        Minutes after = find(meetingId).orElseThrow();
        audit.record(action, "minutes", String.valueOf(meetingId), before, after);
        return after;
    }
}
