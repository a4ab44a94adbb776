package org.yishi.volunteering.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The service records. */
@Repository
class ServiceRecords {

    private static final String SELECT = """
            select r.*, v.name as volunteer_name, a.content, a.place
            from volunteer_service_record r join volunteer v on v.id = r.volunteer_id
                 join volunteer_activity a on a.id = r.activity_id
            """;

    private final JdbcClient jdbc;

    ServiceRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a record, or answers empty when the attendance has one already (also by a racing request). */
    Optional<Long> add(long activityId, long volunteerId, long attendanceId, long stationId, LocalDate heldOn,
            int minutes, int activityMinutes, boolean counted, boolean late, Instant at, String by) {
        return jdbc.sql("""
                insert into volunteer_service_record (activity_id, volunteer_id, attendance_id, station_id, held_on,
                    minutes, activity_minutes, counted, late, state, recorded_at, recorded_by)
                values (:activity, :volunteer, :attendance, :station, :day, :minutes, :of, :counted, :late, :state,
                        :at, :by)
                on conflict do nothing returning id""")
                .param("activity", activityId).param("volunteer", volunteerId).param("attendance", attendanceId)
                .param("station", stationId).param("day", heldOn).param("minutes", minutes).param("of", activityMinutes)
                .param("counted", counted).param("late", late).param("state", late ? "AWAITING_APPROVAL" : "RECORDED")
                .param("at", utc(at)).param("by", by).query(Long.class).optional();
    }

    Optional<ServiceRecord> find(long id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(ServiceRecords::row).optional();
    }

    List<ServiceRecord> ofActivity(long activityId) {
        return jdbc.sql(SELECT + " where r.activity_id = ? order by r.id").param(activityId).query(ServiceRecords::row)
                .list();
    }

    List<ServiceRecord> ofVolunteer(long volunteerId) {
        return jdbc.sql(SELECT + " where r.volunteer_id = ? order by r.held_on desc, r.id desc").param(volunteerId)
                .query(ServiceRecords::row).list();
    }

    List<ServiceRecord> ofStation(long stationId) {
        return jdbc.sql(SELECT + " where r.station_id = ? order by r.held_on desc, r.id desc limit 500").param(stationId)
                .query(ServiceRecords::row).list();
    }

    List<ServiceRecord> awaiting(List<Long> stationIds) {
        return jdbc.sql(SELECT + " where r.station_id = any(:s) and r.state = 'AWAITING_APPROVAL' order by r.held_on, r.id")
                .param("s", stationIds.toArray(Long[]::new)).query(ServiceRecords::row).list();
    }

    /** The minutes in a volunteer's hours: recorded (or approved) and counted. */
    long minutesInHours(long volunteerId) {
        return jdbc.sql("""
                select coalesce(sum(minutes), 0) from volunteer_service_record
                where volunteer_id = ? and counted and state = 'RECORDED'""").param(volunteerId).query(Long.class)
                .single();
    }

    void approve(long id, Instant at, String by) {
        jdbc.sql("update volunteer_service_record set state = 'RECORDED', approved_at = ?, approved_by = ? where id = ?")
                .params(utc(at), by, id).update();
    }

    void correct(long id, int minutes, boolean counted, String reason, Instant at, String by) {
        jdbc.sql("""
                update volunteer_service_record set minutes = ?, counted = ?, correction_reason = ?, corrected_at = ?,
                       corrected_by = ? where id = ?""").params(minutes, counted, reason, utc(at), by, id).update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static ServiceRecord row(ResultSet rs, int n) throws SQLException {
        return new ServiceRecord(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("volunteer_id"),
                rs.getString("volunteer_name"), rs.getLong("station_id"), rs.getObject("held_on", LocalDate.class),
                rs.getString("content"), rs.getString("place"), rs.getInt("minutes"), rs.getInt("activity_minutes"),
                rs.getBoolean("counted"), rs.getBoolean("late"), rs.getString("state"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"),
                rs.getString("approved_by"), rs.getString("corrected_by"), rs.getString("correction_reason"));
    }
}
