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

/** Sign-ups. Callers hold the activity's row lock (see {@link Programmes#lockActivity}) while they change them. */
@Repository
class SignUps {

    private static final String SELECT = """
            select s.id, s.activity_id, s.volunteer_id, s.state, s.signed_up_at,
                   case when s.state = 'WAITING' then
                       (select count(*) from volunteer_sign_up w where w.activity_id = s.activity_id
                          and w.state = 'WAITING' and (w.signed_up_at, w.id) <= (s.signed_up_at, s.id))
                   else 0 end as position
            from volunteer_sign_up s
            """;

    private final JdbcClient jdbc;

    SignUps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(long activityId, long volunteerId, SignUpState state, Instant at) {
        return jdbc.sql("""
                insert into volunteer_sign_up (activity_id, volunteer_id, state, signed_up_at, changed_at)
                values (?, ?, ?, ?, ?) returning id""")
                .params(activityId, volunteerId, state.name(), utc(at), utc(at)).query(Long.class).single();
    }

    /** The volunteer's sign-up for the activity that is not cancelled. */
    Optional<SignUp> active(long activityId, long volunteerId) {
        return jdbc.sql(SELECT + " where s.activity_id = ? and s.volunteer_id = ? and s.state <> 'CANCELLED'")
                .params(activityId, volunteerId).query(SignUps::row).optional();
    }

    Optional<SignUp> find(long id) {
        return jdbc.sql(SELECT + " where s.id = ?").param(id).query(SignUps::row).optional();
    }

    void change(long id, SignUpState state, Instant at) {
        jdbc.sql("update volunteer_sign_up set state = ?, changed_at = ? where id = ?")
                .params(state.name(), utc(at), id).update();
    }

    /** The first in line on the waiting list. */
    Optional<SignUp> firstWaiting(long activityId) {
        return jdbc.sql(SELECT + " where s.activity_id = ? and s.state = 'WAITING' order by s.signed_up_at, s.id limit 1")
                .param(activityId).query(SignUps::row).optional();
    }

    /** The sign-ups of an activity that are not cancelled: the placed first, then the waiting in their order. */
    List<SignUp> ofActivity(long activityId) {
        return jdbc.sql(SELECT + """
                 where s.activity_id = ? and s.state <> 'CANCELLED'
                 order by s.state = 'WAITING', s.signed_up_at, s.id""").param(activityId).query(SignUps::row).list();
    }

    /** The volunteer's sign-ups that are not cancelled, newest activity first. */
    List<SignUp> ofVolunteer(long volunteerId) {
        return jdbc.sql(SELECT + """
                 join volunteer_activity a on a.id = s.activity_id
                 where s.volunteer_id = ? and s.state <> 'CANCELLED' order by a.starts_at desc""").param(volunteerId)
                .query(SignUps::row).list();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static SignUp row(ResultSet rs, int n) throws SQLException {
        return new SignUp(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("volunteer_id"),
                SignUpState.valueOf(rs.getString("state")), rs.getObject("signed_up_at", OffsetDateTime.class).toInstant(),
                rs.getInt("position"));
    }
}
