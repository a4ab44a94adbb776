package org.yishi.volunteering.activities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Check-ins and check-outs. */
@Repository
class Attendances {

    private final JdbcClient jdbc;

    Attendances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Attendance> of(long activityId, long volunteerId) {
        return jdbc.sql("select * from volunteer_attendance where activity_id = ? and volunteer_id = ?")
                .params(activityId, volunteerId).query(Attendances::row).optional();
    }

    List<Attendance> ofActivity(long activityId) {
        return jdbc.sql("select * from volunteer_attendance where activity_id = ? order by checked_in_at, id")
                .param(activityId).query(Attendances::row).list();
    }

    /** Inserts a check-in, or returns empty when the volunteer has checked in already (also by a racing request). */
    Optional<Long> checkIn(long activityId, long volunteerId, Instant at, String by) {
        return jdbc.sql("""
                insert into volunteer_attendance (activity_id, volunteer_id, checked_in_at, checked_in_by)
                values (?, ?, ?, ?) on conflict do nothing returning id""")
                .params(activityId, volunteerId, utc(at), by).query(Long.class).optional();
    }

    /** Closes an open attendance; false when it was closed meanwhile. */
    boolean checkOut(long id, Instant at, String by) {
        return jdbc.sql("""
                update volunteer_attendance set checked_out_at = ?, checked_out_by = ?
                where id = ? and checked_out_at is null""").params(utc(at), by, id).update() == 1;
    }

    /** The manager's roll sets both times (the check-out may stay open); the flag goes, the manager has seen it. */
    void setByRoll(long id, Instant in, Instant out) {
        jdbc.sql("""
                update volunteer_attendance set checked_in_at = ?, checked_in_by = 'ROLL', checked_out_at = ?,
                       checked_out_by = case when ?::timestamptz is null then null else 'ROLL' end, flagged = false
                where id = ?""").params(utc(in), out == null ? null : utc(out), out == null ? null : utc(out), id)
                .update();
    }

    boolean recorded(long attendanceId) {
        return jdbc.sql("select exists (select 1 from volunteer_service_record where attendance_id = ?)")
                .param(attendanceId).query(Boolean.class).single();
    }

    /** Closes every check-in still open at an activity that has ended, at its end, flagged; returns those closed. */
    List<Attendance> closeAtEnd(Instant now) {
        return jdbc.sql("""
                update volunteer_attendance t set checked_out_at = greatest(a.ends_at, t.checked_in_at),
                       checked_out_by = 'CLOSED_AT_END', flagged = true
                from volunteer_activity a
                where a.id = t.activity_id and t.checked_out_at is null and a.ends_at <= ?
                returning t.*""").param(utc(now)).query(Attendances::row).list();
    }

    Optional<Attendance> find(long id) {
        return jdbc.sql("select * from volunteer_attendance where id = ?").param(id).query(Attendances::row).optional();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Attendance row(ResultSet rs, int n) throws SQLException {
        return new Attendance(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("volunteer_id"),
                instant(rs, "checked_in_at"), rs.getString("checked_in_by"), instant(rs, "checked_out_at"),
                rs.getString("checked_out_by"), rs.getBoolean("flagged"));
    }
}
