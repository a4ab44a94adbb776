package org.yishi.sessions.sitting;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yishi.platform.Text;

/** Sessions, their sittings, agenda, presidium and roll calls as stored. */
@Repository
class SessionStore {

    private final JdbcClient jdbc;

    SessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- sessions

    List<Session> sessions(long termId) {
        return jdbc.sql("select * from assembly_session where term_id = :t order by number").param("t", termId)
                .query(Session.class).list();
    }

    Optional<Session> session(long id) {
        return jdbc.sql("select * from assembly_session where id = :id").param("id", id).query(Session.class).optional();
    }

    Optional<Session> sessionLocked(long id) {
        return jdbc.sql("select * from assembly_session where id = :id for update").param("id", id).query(Session.class).optional();
    }

    boolean numberTaken(long termId, int number) {
        return jdbc.sql("select exists (select 1 from assembly_session where term_id = :t and number = :n)")
                .param("t", termId).param("n", number).query(Boolean.class).single();
    }

    long insertSession(long termId, SittingDrafts.SessionDraft d, String actor) {
        return jdbc.sql("""
                insert into assembly_session (term_id, number, place_zh, place_en, opens_on, closes_on, created_by,
                       prepared_by_meeting_id, prepared_by_item_id)
                values (:t, :n, :pz, :pe, :o, :c, :a, :pm, :pi) returning id""")
                .param("pm", d.preparedByMeetingId()).param("pi", d.preparedByItemId())
                .param("t", termId).param("n", d.number()).param("pz", Text.orNull(d.placeZh()))
                .param("pe", Text.orNull(d.placeEn())).param("o", d.opensOn()).param("c", d.closesOn())
                .param("a", actor).query(Long.class).single();
    }

    void adoptAgenda(long sessionId) {
        jdbc.sql("update assembly_session set agenda_adopted_at = now() where id = :id").param("id", sessionId).update();
    }

    // ---- sittings

    List<Sitting> sittings(long sessionId) {
        return jdbc.sql("select * from session_sitting where session_id = :s order by number, id").param("s", sessionId)
                .query(Sitting.class).list();
    }

    Optional<Sitting> sitting(long id) {
        return jdbc.sql("select * from session_sitting where id = :id").param("id", id).query(Sitting.class).optional();
    }

    Optional<Sitting> sittingLocked(long id) {
        return jdbc.sql("select * from session_sitting where id = :id for update").param("id", id).query(Sitting.class).optional();
    }

    boolean sittingTaken(long sessionId, Sitting.Kind kind, int number) {
        return jdbc.sql("select exists (select 1 from session_sitting where session_id = :s and kind = :k and number = :n)")
                .param("s", sessionId).param("k", kind.name()).param("n", number).query(Boolean.class).single();
    }

    long insertSitting(long sessionId, Sitting.Kind kind, int number, SittingDrafts.SittingDraft d) {
        return jdbc.sql("""
                insert into session_sitting (session_id, kind, number, held_on, starts_at)
                values (:s, :k, :n, :d, :t) returning id""")
                .param("s", sessionId).param("k", kind.name()).param("n", number).param("d", d.heldOn())
                .param("t", d.startsAt()).query(Long.class).single();
    }

    void setState(long sittingId, Sitting.State state) {
        jdbc.sql("""
                update session_sitting set state = :st, opened_at = case when :st = 'OPEN' then now() else opened_at end
                where id = :id""").param("id", sittingId).param("st", state.name()).update();
    }

    // ---- agenda and presidium

    List<AgendaEntry> agenda(long sessionId) {
        return jdbc.sql("select * from session_agenda_item where session_id = :s order by position").param("s", sessionId)
                .query(AgendaEntry.class).list();
    }

    Optional<AgendaEntry> agendaEntry(long id) {
        return jdbc.sql("select * from session_agenda_item where id = :id").param("id", id).query(AgendaEntry.class).optional();
    }

    long insertAgendaEntry(long sessionId, SittingDrafts.AgendaDraft d) {
        return jdbc.sql("""
                insert into session_agenda_item (session_id, position, kind, title_zh, title_en)
                values (:s, (select coalesce(max(position), 0) + 1 from session_agenda_item where session_id = :s), :k, :tz, :te)
                returning id""")
                .param("s", sessionId).param("k", d.kind().name()).param("tz", d.titleZh().strip())
                .param("te", Text.orNull(d.titleEn())).query(Long.class).single();
    }

    void count(long id, int due, int yes, int no, int abstain, int required, boolean adopted) {
        jdbc.sql("""
                update session_agenda_item set counted_at = now(), due = :d, yes = :y, no = :n, abstain = :a,
                       required = :r, adopted = :ad where id = :id""")
                .param("id", id).param("d", due).param("y", yes).param("n", no).param("a", abstain).param("r", required)
                .param("ad", adopted).update();
    }

    List<Long> presidium(long sessionId) {
        return jdbc.sql("select seat_id from session_presidium where session_id = :s order by position")
                .param("s", sessionId).query(Long.class).list();
    }

    void replacePresidium(long sessionId, List<Long> entryIds) {
        jdbc.sql("delete from session_presidium where session_id = :s").param("s", sessionId).update();
        for (int i = 0; i < entryIds.size(); i++) {
            jdbc.sql("insert into session_presidium (session_id, seat_id, position) values (:s, :e, :p)")
                    .param("s", sessionId).param("e", entryIds.get(i)).param("p", i + 1).update();
        }
    }

    // ---- roll call

    /** A roster entry's standing in a sitting's roll call. */
    record Call(long seatId, String status, String reason, java.time.OffsetDateTime recordedAt) {
    }

    Optional<Call> call(long sittingId, long seatId) {
        return jdbc.sql("select seat_id, status, reason, recorded_at from roll_call where sitting_id = :s and seat_id = :e")
                .param("s", sittingId).param("e", seatId).query(Call.class).optional();
    }

    List<Call> calls(long sittingId) {
        return jdbc.sql("select seat_id, status, reason, recorded_at from roll_call where sitting_id = :s order by recorded_at desc")
                .param("s", sittingId).query(Call.class).list();
    }

    void record(long sittingId, long seatId, String status, String reason, String actor) {
        jdbc.sql("""
                insert into roll_call (sitting_id, seat_id, status, reason, recorded_by) values (:s, :e, :st, :r, :a)
                on conflict (sitting_id, seat_id) do update set status = excluded.status, reason = excluded.reason,
                       recorded_at = now(), recorded_by = excluded.recorded_by""")
                .param("s", sittingId).param("e", seatId).param("st", status).param("r", reason).param("a", actor).update();
    }

    void forget(long sittingId, long seatId) {
        jdbc.sql("delete from roll_call where sitting_id = :s and seat_id = :e").param("s", sittingId).param("e", seatId).update();
    }

    /** Present and on leave, in one query. */
    record Counts(int present, int onLeave) {
    }

    Counts counts(long sittingId) {
        return jdbc.sql("""
                select count(*) filter (where status = 'PRESENT') as present, count(*) filter (where status = 'ON_LEAVE') as on_leave
                from roll_call where sitting_id = :s""").param("s", sittingId).query(Counts.class).single();
    }
}
