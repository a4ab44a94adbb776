package org.yishi.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yishi.platform.Text;

/** Meetings in PostgreSQL: one row per meeting, its attendance, groups and agenda items beside it. */
@Repository
public class MeetingStore {

    private final JdbcClient jdbc;

    MeetingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, long bodyId, long termId, Integer sequence, LocalDate heldOn, String timeOfDay,
            String place, String kind, long presidingPersonId, Long entrustedByPersonId, boolean presidingSpeech,
            String leadersLabelZh, String leadersLabelEn, String state) {
    }

    private record AttendanceRow(long personId, String role, String reason) {
    }

    Optional<Meeting> find(long id) {
        return jdbc.sql("select * from meeting where id = :id").param("id", id).query(Row.class).optional()
                .map(this::assemble);
    }

    private Meeting assemble(Row r) {
        List<AttendanceRow> attendance = jdbc.sql("""
                select person_id, role, reason from meeting_attendance where meeting_id = :id order by position""")
                .param("id", r.id()).query(AttendanceRow.class).list();
        List<Long> present = new ArrayList<>();
        List<Leave> onLeave = new ArrayList<>();
        List<Long> inAttendance = new ArrayList<>();
        for (AttendanceRow a : attendance) {
            switch (a.role()) {
                case "PRESENT" -> present.add(a.personId());
                case "ON_LEAVE" -> onLeave.add(new Leave(a.personId(), a.reason()));
                default -> inAttendance.add(a.personId());
            }
        }
        List<AttendingGroup> groups = jdbc.sql("""
                select label_zh, label_en from meeting_group where meeting_id = :id order by position""")
                .param("id", r.id()).query(AttendingGroup.class).list();
        List<AgendaItem> items = jdbc.sql("select * from agenda_item where meeting_id = :id order by position")
                .param("id", r.id()).query(AgendaItem.class).list();
        return new Meeting(r.id(), r.bodyId(), r.termId(), r.sequence(), r.heldOn(),
                r.timeOfDay() == null ? null : TimeOfDay.valueOf(r.timeOfDay()), r.place(), MeetingKind.valueOf(r.kind()),
                r.presidingPersonId(), r.entrustedByPersonId(), r.presidingSpeech(), List.copyOf(present),
                List.copyOf(onLeave), List.copyOf(inAttendance), groups, r.leadersLabelZh(), r.leadersLabelEn(), items,
                MeetingState.valueOf(r.state()));
    }

    /** @param terms the terms whose meetings may be listed; null for all */
    List<MeetingSummary> list(Long bodyId, Long[] terms, int limit, int offset) {
        return list(bodyId, terms, false, limit, offset);
    }

    /** @param closedOnly only meetings that have been held and closed, whose readouts may be published */
    List<MeetingSummary> list(Long bodyId, Long[] terms, boolean closedOnly, int limit, int offset) {
        return jdbc.sql("""
                select m.id, m.held_on as date, m.time_of_day, m.body_id, t.number as term_number, m.sequence, m.kind, m.state,
                       (select count(*) from agenda_item i where i.meeting_id = m.id) as item_count,
                       f.title_zh as first_item_zh, f.title_en as first_item_en
                from meeting m join term t on t.id = m.term_id
                left join lateral (select title_zh, title_en from agenda_item i where i.meeting_id = m.id
                                   order by position limit 1) f on true
                where (cast(:body as bigint) is null or m.body_id = :body)
                  and (cast(:terms as bigint[]) is null or m.term_id = any(cast(:terms as bigint[])))
                  and (not :closed or m.state in ('CLOSED', 'MINUTES_ISSUED', 'ARCHIVED'))
                order by m.held_on desc, m.id desc limit :limit offset :offset""")
                .param("body", bodyId).param("terms", terms).param("closed", closedOnly).param("limit", limit).param("offset", offset)
                .query(MeetingSummary.class).list();
    }

    long count(Long bodyId, Long[] terms) {
        return count(bodyId, terms, false);
    }

    long count(Long bodyId, Long[] terms, boolean closedOnly) {
        return jdbc.sql("""
                select count(*) from meeting where (cast(:body as bigint) is null or body_id = :body)
                  and (cast(:terms as bigint[]) is null or term_id = any(cast(:terms as bigint[])))
                  and (not :closed or state in ('CLOSED', 'MINUTES_ISSUED', 'ARCHIVED'))""")
                .param("body", bodyId).param("terms", terms).param("closed", closedOnly).query(Long.class).single();
    }

    /**
     * Locks the meeting's row until the transaction ends, so that what is read of it is what a revision replaces;
     * false when there is no such meeting.
     */
    public boolean lock(long meetingId) {
        return jdbc.sql("select id from meeting where id = :id for update").param("id", meetingId).query(Long.class)
                .optional().isPresent();
    }

    /** Locks the term's row until the transaction ends, so that its meeting numbers change one meeting at a time. */
    void lockTerm(long termId) {
        jdbc.sql("select id from term where id = :t for update").param("t", termId).query(Long.class).single();
    }

    /** The next free number in the term; call with the term locked. */
    int nextSequence(long termId) {
        return jdbc.sql("select coalesce(max(sequence), 0) + 1 from meeting where term_id = :t")
                .param("t", termId).query(Integer.class).single();
    }

    boolean sequenceTaken(long termId, int sequence, Long exceptMeetingId) {
        return jdbc.sql("select count(*) from meeting where term_id = :t and sequence = :s and id <> :id")
                .param("t", termId).param("s", sequence).param("id", exceptMeetingId == null ? -1 : exceptMeetingId)
                .query(Long.class).single() > 0;
    }

    long insert(MeetingDraft d, long termId, Integer sequence) {
        long id = jdbc.sql("""
                insert into meeting (body_id, term_id, sequence, held_on, time_of_day, place, kind, presiding_person_id,
                                     entrusted_by_person_id, presiding_speech, leaders_label_zh, leaders_label_en)
                values (:body, :term, :seq, :date, :tod, :place, :kind, :presiding, :entrusted, :speech, :lzh, :len)
                returning id""")
                .params(columns(d, termId, sequence)).query(Long.class).single();
        writeChildren(id, d);
        return id;
    }

    void update(long id, MeetingDraft d, long termId, Integer sequence) {
        jdbc.sql("""
                update meeting set body_id = :body, term_id = :term, sequence = :seq, held_on = :date, time_of_day = :tod,
                       place = :place, kind = :kind, presiding_person_id = :presiding, entrusted_by_person_id = :entrusted,
                       presiding_speech = :speech, leaders_label_zh = :lzh, leaders_label_en = :len,
                       updated_at = now(), version = version + 1
                where id = :id""")
                .params(columns(d, termId, sequence)).param("id", id).update();
        writeChildren(id, d);
    }

    private static java.util.Map<String, Object> columns(MeetingDraft d, long termId, Integer sequence) {
        var m = new java.util.HashMap<String, Object>();
        m.put("body", d.bodyId());
        m.put("term", termId);
        m.put("seq", sequence);
        m.put("date", d.date());
        m.put("tod", d.timeOfDay() == null ? null : d.timeOfDay().name());
        m.put("place", Text.orNull(d.place()));
        m.put("kind", d.kind() == null ? MeetingKind.REGULAR.name() : d.kind().name());
        m.put("presiding", d.presidingPersonId());
        m.put("entrusted", d.entrustedById());
        m.put("speech", d.presidingSpeech() == null || d.presidingSpeech());
        m.put("lzh", Text.orNull(d.leadersLabelZh()));
        m.put("len", Text.orNull(d.leadersLabelEn()));
        return m;
    }

    private void writeChildren(long id, MeetingDraft d) {
        jdbc.sql("delete from meeting_attendance where meeting_id = :id").param("id", id).update();
        int order = 0;
        for (Long p : d.present()) {
            attend(id, p, "PRESENT", ++order, null);
        }
        for (Leave l : d.onLeave()) {
            attend(id, l.personId(), "ON_LEAVE", ++order, Text.orNull(l.reason()));
        }
        for (Long p : d.inAttendance()) {
            attend(id, p, "IN_ATTENDANCE", ++order, null);
        }
        jdbc.sql("delete from meeting_group where meeting_id = :id").param("id", id).update();
        int position = 0;
        for (AttendingGroup g : d.groups()) {
            jdbc.sql("insert into meeting_group (meeting_id, position, label_zh, label_en) values (:m, :p, :zh, :en)")
                    .param("m", id).param("p", ++position).param("zh", Text.orNull(g.labelZh()))
                    .param("en", Text.orNull(g.labelEn())).update();
        }
        Set<Long> kept = d.items().stream().map(ItemDraft::id).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        jdbc.sql("delete from agenda_item where meeting_id = :m and not (id = any(:kept))")
                .param("m", id).param("kept", kept.toArray(Long[]::new)).update();
        position = 0;
        for (ItemDraft item : d.items()) {
            var params = new java.util.HashMap<String, Object>();
            params.put("m", id);
            params.put("p", ++position);
            params.put("kind", item.kind().name());
            params.put("zh", Text.orNull(item.titleZh()));
            params.put("en", Text.orNull(item.titleEn()));
            params.put("headline", item.headline() == null || item.headline());
            params.put("vis", (item.visibility() == null ? Visibility.PUBLIC : item.visibility()).name());
            params.put("czh", Text.orNull(item.conclusionsZh()));
            params.put("cen", Text.orNull(item.conclusionsEn()));
            params.put("adhoc", Boolean.TRUE.equals(item.adHoc()));
            params.put("consent", Boolean.TRUE.equals(item.adHocConsent()));
            params.put("collective", Boolean.TRUE.equals(item.collectiveDecision()));
            params.put("materials", item.materialsReceivedOn());
            params.put("directive", item.directiveId());
            if (item.id() == null) {
                jdbc.sql("""
                        insert into agenda_item (meeting_id, position, kind, title_zh, title_en, headline, visibility,
                                                 conclusions_zh, conclusions_en, ad_hoc, ad_hoc_consent,
                                                 collective_decision, materials_received_on, directive_id)
                        values (:m, :p, :kind, :zh, :en, :headline, :vis, :czh, :cen, :adhoc, :consent, :collective,
                                :materials, :directive)""").params(params).update();
            } else {
                params.put("id", item.id());
                jdbc.sql("""
                        update agenda_item set position = :p, kind = :kind, title_zh = :zh, title_en = :en,
                               headline = :headline, visibility = :vis, conclusions_zh = :czh, conclusions_en = :cen,
                               ad_hoc = :adhoc, ad_hoc_consent = :consent, collective_decision = :collective,
                               materials_received_on = :materials, directive_id = :directive
                        where id = :id and meeting_id = :m""").params(params).update();
            }
        }
    }

    private void attend(long meetingId, long personId, String role, int position, String reason) {
        jdbc.sql("""
                insert into meeting_attendance (meeting_id, person_id, role, position, reason)
                values (:m, :p, :r, :pos, :reason)""")
                .param("m", meetingId).param("p", personId).param("r", role).param("pos", position)
                .param("reason", reason).update();
    }

    /** Numbers the meeting, moves it to NOTIFIED and stamps the time; call with the term locked. */
    void notify(long meetingId, int sequence) {
        jdbc.sql("""
                update meeting set sequence = :s, state = 'NOTIFIED', notified_at = now(), updated_at = now(),
                       version = version + 1 where id = :id""").param("s", sequence).param("id", meetingId).update();
    }

    /** Moves the meeting to {@code to} and stamps the column that records when, if there is one. */
    void advance(long meetingId, MeetingState to) {
        String stamp = switch (to) {
            case OPEN -> ", opened_at = now()";
            case CLOSED -> ", closed_at = now()";
            case ARCHIVED -> ", archived_at = now()";
            default -> "";
        };
        jdbc.sql("update meeting set state = :s, updated_at = now(), version = version + 1" + stamp + " where id = :id")
                .param("s", to.name()).param("id", meetingId).update();
    }

    /** A closed meeting in session again: it was closed by mistake, and is closed anew when it ends. */
    void reopen(long meetingId) {
        jdbc.sql("update meeting set state = 'OPEN', closed_at = null, updated_at = now(), version = version + 1 where id = :id")
                .param("id", meetingId).update();
    }

    /** Whether the office has begun the meeting's minutes (a draft exists, whatever its stage). */
    boolean minutesBegun(long meetingId) {
        return jdbc.sql("select exists (select 1 from minutes where meeting_id = :m)").param("m", meetingId)
                .query(Boolean.class).single();
    }

    /** Sets a member's attendance as checked in: present, on leave with a reason, or neither (removed). */
    void attendance(long meetingId, long personId, String role, String reason) {
        jdbc.sql("delete from meeting_attendance where meeting_id = :m and person_id = :p")
                .param("m", meetingId).param("p", personId).update();
        if (role != null) {
            int position = jdbc.sql("select coalesce(max(position), 0) + 1 from meeting_attendance where meeting_id = :m")
                    .param("m", meetingId).query(Integer.class).single();
            attend(meetingId, personId, role, position, reason);
        }
    }

    long addItem(long meetingId, ItemDraft item) {
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from agenda_item where meeting_id = :m")
                .param("m", meetingId).query(Integer.class).single();
        return jdbc.sql("""
                insert into agenda_item (meeting_id, position, kind, title_zh, title_en, headline, visibility,
                                         ad_hoc, ad_hoc_consent, collective_decision, materials_received_on)
                values (:m, :p, :kind, :zh, :en, :headline, :vis, :adhoc, :consent, :collective, :materials)
                returning id""")
                .param("m", meetingId).param("p", position).param("kind", item.kind().name())
                .param("zh", Text.orNull(item.titleZh())).param("en", Text.orNull(item.titleEn()))
                .param("headline", item.headline() == null || item.headline())
                .param("vis", (item.visibility() == null ? Visibility.PUBLIC : item.visibility()).name())
                .param("adhoc", Boolean.TRUE.equals(item.adHoc())).param("consent", Boolean.TRUE.equals(item.adHocConsent()))
                .param("collective", Boolean.TRUE.equals(item.collectiveDecision()))
                .param("materials", item.materialsReceivedOn()).query(Long.class).single();
    }

    void conclusions(long itemId, String zh, String en) {
        jdbc.sql("update agenda_item set conclusions_zh = :zh, conclusions_en = :en where id = :id")
                .param("zh", Text.orNull(zh)).param("en", Text.orNull(en)).param("id", itemId).update();
    }

    Optional<Long> meetingOfItem(long itemId) {
        return jdbc.sql("select meeting_id from agenda_item where id = :id").param("id", itemId).query(Long.class).optional();
    }

    Set<Long> itemIds(long meetingId) {
        return Set.copyOf(jdbc.sql("select id from agenda_item where meeting_id = :m").param("m", meetingId)
                .query(Long.class).list());
    }
}
