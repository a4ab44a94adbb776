package org.yishi.volunteering.activities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The programmes and their activities, with the places taken and waited for. */
@Repository
class Programmes {

    private static final String ACTIVITY = """
            select a.id, a.programme_id, p.name as programme_name, a.station_id, a.held_on, a.starts_at, a.ends_at,
                   a.place, a.content, a.places, a.skills,
                   (select count(*) from volunteer_sign_up s where s.activity_id = a.id and s.state = 'PLACED') as placed,
                   (select count(*) from volunteer_sign_up s where s.activity_id = a.id and s.state = 'WAITING') as waiting
            from volunteer_activity a join volunteer_programme p on p.id = a.programme_id
            """;

    private final JdbcClient jdbc;
    private final ZoneId zone;

    Programmes(JdbcClient jdbc, ActivityZone zone) {
        this.jdbc = jdbc;
        this.zone = zone.zone();
    }

    long add(long stationId, ProgrammeDraft d, String by) {
        return jdbc.sql("""
                insert into volunteer_programme (station_id, name, kind, description, days_of_month, campaign_from,
                                                 campaign_to, supervision_item_id, decision_item_id, created_by)
                values (:station, :name, :kind, :description, :days, :from, :to, :item, :decision, :by) returning id""")
                .param("station", stationId).param("name", d.name().strip()).param("kind", d.kind().name())
                .param("description", d.description()).param("days", d.daysOfMonth().toArray(Integer[]::new))
                .param("from", d.campaignFrom()).param("to", d.campaignTo()).param("item", d.supervisionItemId())
                .param("decision", d.decisionItemId()).param("by", by).query(Long.class).single();
    }

    boolean supervisionItemExists(long id) {
        return jdbc.sql("select exists (select 1 from supervision_item where id = ?)").param(id).query(Boolean.class)
                .single();
    }

    boolean decisionExists(long id) {
        return jdbc.sql("select exists (select 1 from decision where item_id = ?)").param(id).query(Boolean.class).single();
    }

    Optional<Programme> programme(long id) {
        return jdbc.sql("select * from volunteer_programme where id = ?").param(id).query(Programmes::programmeRow)
                .optional();
    }

    List<Programme> programmesOf(long stationId) {
        return jdbc.sql("select * from volunteer_programme where station_id = ? order by id").param(stationId)
                .query(Programmes::programmeRow).list();
    }

    long addActivity(Programme p, ActivityDraft d, String by) {
        return jdbc.sql("""
                insert into volunteer_activity (programme_id, station_id, held_on, starts_at, ends_at, place, content,
                                                places, skills, created_by)
                values (:programme, :station, :day, :starts, :ends, :place, :content, :places, :skills, :by)
                returning id""")
                .param("programme", p.id()).param("station", p.stationId()).param("day", d.heldOn())
                .param("starts", at(d.heldOn(), d.startTime())).param("ends", at(d.heldOn(), d.endTime()))
                .param("place", d.place().strip()).param("content", d.content().strip()).param("places", d.places())
                .param("skills", d.skills().toArray(String[]::new)).param("by", by).query(Long.class).single();
    }

    private OffsetDateTime at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toOffsetDateTime();
    }

    Optional<Activity> activity(long id) {
        return jdbc.sql(ACTIVITY + " where a.id = ?").param(id).query(this::activityRow).optional();
    }

    /** Locks the activity's row until the transaction ends: sign-ups and cancellations for it go one at a time. */
    Optional<Activity> lockActivity(long id) {
        jdbc.sql("select id from volunteer_activity where id = ? for update").param(id).query(Long.class).optional();
        return activity(id);
    }

    List<Activity> activitiesOf(long programmeId) {
        return jdbc.sql(ACTIVITY + " where a.programme_id = ? order by a.starts_at, a.id").param(programmeId)
                .query(this::activityRow).list();
    }

    List<Activity> activitiesAt(List<Long> stationIds) {
        return jdbc.sql(ACTIVITY + " where a.station_id = any(:stations) order by a.starts_at desc, a.id")
                .param("stations", stationIds.toArray(Long[]::new)).query(this::activityRow).list();
    }

    /** Activities that have not started, soonest first. */
    List<Activity> openFrom(Instant now) {
        return jdbc.sql(ACTIVITY + " where a.starts_at > :now order by a.starts_at, a.id limit 100")
                .param("now", now.atOffset(java.time.ZoneOffset.UTC)).query(this::activityRow).list();
    }

    private static Programme programmeRow(ResultSet rs, int n) throws SQLException {
        return new Programme(rs.getLong("id"), rs.getLong("station_id"), rs.getString("name"),
                ProgrammeKind.valueOf(rs.getString("kind")), rs.getString("description"),
                Arrays.asList((Integer[]) rs.getArray("days_of_month").getArray()),
                rs.getObject("campaign_from", LocalDate.class), rs.getObject("campaign_to", LocalDate.class),
                rs.getObject("supervision_item_id", Long.class), rs.getObject("decision_item_id", Long.class));
    }

    private Activity activityRow(ResultSet rs, int n) throws SQLException {
        Instant starts = rs.getObject("starts_at", OffsetDateTime.class).toInstant();
        Instant ends = rs.getObject("ends_at", OffsetDateTime.class).toInstant();
        return new Activity(rs.getLong("id"), rs.getLong("programme_id"), rs.getString("programme_name"),
                rs.getLong("station_id"), rs.getObject("held_on", LocalDate.class),
                starts.atZone(zone).toLocalTime(), ends.atZone(zone).toLocalTime(), starts, ends, rs.getString("place"),
                rs.getString("content"), rs.getInt("places"), List.of((String[]) rs.getArray("skills").getArray()),
                rs.getInt("placed"), rs.getInt("waiting"));
    }
}
