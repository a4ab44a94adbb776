package org.yishi.meetings.notices;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Accounts;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.audit.Audit;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingState;
import org.yishi.meetings.Meetings;
import org.yishi.meetings.Procedure;
import org.yishi.platform.NotFound;
import org.yishi.platform.Refused;

/**
 * The meeting notice (会议通知): written from the plan in both languages, sent by the office (meeting:run) to the
 * accounts of everyone the meeting names — presiding, attending, on leave, sitting in — in the app and, where the
 * account has an address and the server SMTP, by mail with an iCalendar invitation. Sending a draft meeting's notice
 * notifies the meeting (its number in the term is fixed); the notice may be sent again, changed, until the meeting
 * opens, and must then be read again. Each recipient's reading is recorded and shown to the office.
 */
@Service
@Transactional
class MeetingNotices {

    /** The notice as sent. */
    public record Sent(long meetingId, String textZh, String textEn, int sends, Instant sentAt) {

        public String text(boolean english) {
            return english ? textEn : textZh;
        }
    }

    /** Who received it, and when they read it (null while unread). */
    public record Receipt(long accountId, long personId, Instant deliveredAt, Instant readAt, Instant mailedAt) {
    }

    /** A notice in a recipient's inbox. */
    public record InboxLine(long meetingId, Instant deliveredAt, Instant readAt) {
    }

    /** Published once a notice has been sent, so that its mails go out after the commit. */
    record NoticeSent(long meetingId) {
    }

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final Procedure procedure;
    private final MeetingNoticeText texts;
    private final Accounts accounts;
    private final org.yishi.directory.Directory directory;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MeetingNotices(JdbcClient jdbc, Meetings meetings, Procedure procedure, MeetingNoticeText texts, Accounts accounts,
            org.yishi.directory.Directory directory, Audit audit, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.procedure = procedure;
        this.texts = texts;
        this.accounts = accounts;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Writes the notice from the plan as it stands and sends it; refused once the meeting has opened. */
    public Sent send(Viewer viewer, long meetingId) {
        viewer.require(Permission.MEETING_RUN);
        Meeting m = meetings.meeting(meetingId);
        if (m.state() != MeetingState.DRAFT && m.state() != MeetingState.NOTIFIED) {
            throw new Refused("meeting-notice.too-late", org.yishi.platform.InvalidInput.label("enum.MeetingState." + m.state()));
        }
        if (m.state() == MeetingState.DRAFT) {
            m = procedure.notify(meetingId);
        }
        MeetingNoticeText.Texts t = texts.of(m, LocalDate.now(clock));
        jdbc.sql("""
                insert into meeting_notice (meeting_id, text_zh, text_en, sent_by) values (:m, :zh, :en, :by)
                on conflict (meeting_id) do update set text_zh = excluded.text_zh, text_en = excluded.text_en,
                    sends = meeting_notice.sends + 1, sent_at = now(), sent_by = excluded.sent_by""")
                .param("m", meetingId).param("zh", t.zh()).param("en", t.en()).param("by", viewer.accountId()).update();
        Set<Long> people = addressees(m);
        List<Long> reached = new ArrayList<>();
        for (Accounts.PersonAccount a : accounts.ofPeople(people)) {
            jdbc.sql("""
                    insert into meeting_notice_receipt (meeting_id, account_id, person_id) values (:m, :a, :p)
                    on conflict (meeting_id, account_id) do update set delivered_at = now(), read_at = null,
                        mailed_at = null""").param("m", meetingId).param("a", a.accountId()).param("p", a.personId())
                    .update();
            reached.add(a.accountId());
        }
        jdbc.sql("delete from meeting_notice_receipt where meeting_id = :m and not (account_id = any(:a))")
                .param("m", meetingId).param("a", reached.toArray(Long[]::new)).update();
        Sent sent = sent(meetingId).orElseThrow();
        audit.record("meeting.notice-send", "meeting", String.valueOf(meetingId), null,
                Map.of("sends", sent.sends(), "recipients", reached.size()));
        events.publishEvent(new NoticeSent(meetingId));
        return sent;
    }

    /**
     * Who the notice is addressed to: the members who should attend (应到会, on the meeting's day), those on leave
     * among them, the presiding person and the people sitting in.
     */
    Set<Long> addressees(Meeting m) {
        Set<Long> people = new java.util.LinkedHashSet<>(directory.membersOn(m.bodyId(), m.date()));
        people.addAll(m.people());
        if (m.entrustedById() != null && !m.present().contains(m.entrustedById())
                && m.onLeave().stream().noneMatch(l -> m.entrustedById().equals(l.personId()))) {
            people.remove(m.entrustedById());
        }
        return people;
    }

    @Transactional(readOnly = true)
    public Optional<Sent> sent(long meetingId) {
        return jdbc.sql("select meeting_id, text_zh, text_en, sends, sent_at from meeting_notice where meeting_id = :m")
                .param("m", meetingId)
                .query((rs, n) -> new Sent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant())).optional();
    }

    /** Whether the viewer may read the meeting's notice: a recipient, or someone who may see the meeting. */
    @Transactional(readOnly = true)
    public boolean readableBy(Viewer viewer, long meetingId) {
        return recipient(viewer, meetingId) || meetings.visibleTo(viewer, meetingId);
    }

    @Transactional(readOnly = true)
    public boolean recipient(Viewer viewer, long meetingId) {
        return jdbc.sql("select count(*) from meeting_notice_receipt where meeting_id = :m and account_id = :a")
                .param("m", meetingId).param("a", viewer.accountId()).query(Long.class).single() > 0;
    }

    /**
     * The notice for a viewer who may read it (empty while none was sent); for anyone else the meeting does not
     * exist. Marks a recipient's copy read.
     */
    public Optional<Sent> readBy(Viewer viewer, long meetingId) {
        if (!readableBy(viewer, meetingId)) {
            throw new NotFound("kind.meeting", meetingId);
        }
        jdbc.sql("""
                update meeting_notice_receipt set read_at = now()
                where meeting_id = :m and account_id = :a and read_at is null""")
                .param("m", meetingId).param("a", viewer.accountId()).update();
        return sent(meetingId);
    }

    /** Who the notice went to and who has read it, for the office. */
    @Transactional(readOnly = true)
    public List<Receipt> receipts(Viewer viewer, long meetingId) {
        viewer.require(Permission.MEETING_RUN);
        return jdbc.sql("""
                select account_id, person_id, delivered_at, read_at, mailed_at from meeting_notice_receipt
                where meeting_id = :m order by person_id, account_id""").param("m", meetingId)
                .query((rs, n) -> new Receipt(rs.getLong(1), rs.getLong(2), instant(rs.getObject(3, OffsetDateTime.class)),
                        instant(rs.getObject(4, OffsetDateTime.class)), instant(rs.getObject(5, OffsetDateTime.class))))
                .list();
    }

    /** The notices sent to the viewer, newest first. */
    @Transactional(readOnly = true)
    public List<InboxLine> inbox(Viewer viewer) {
        return jdbc.sql("""
                select meeting_id, delivered_at, read_at from meeting_notice_receipt where account_id = :a
                order by delivered_at desc limit 100""").param("a", viewer.accountId())
                .query((rs, n) -> new InboxLine(rs.getLong(1), instant(rs.getObject(2, OffsetDateTime.class)),
                        instant(rs.getObject(3, OffsetDateTime.class)))).list();
    }

    @Transactional(readOnly = true)
    public long unread(Viewer viewer) {
        return jdbc.sql("select count(*) from meeting_notice_receipt where account_id = :a and read_at is null")
                .param("a", viewer.accountId()).query(Long.class).single();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
