package org.yishi.volunteering.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.volunteering.registry.VolunteeringFixture;
import org.yishi.volunteering.registry.VolunteeringFixture.KeptStation;
import org.yishi.volunteering.registry.VolunteeringFixture.SignedUpVolunteer;
import tools.jackson.databind.JsonNode;

/**
 * Check-in and check-out by the code shown at the activity, which expires after its minute and the next (the clock
 * moved by the test), or by the manager's roll; a check-in nobody closes is closed at the end and flagged.
 */
@YishiIntegrationTest("yishi.demo-data=off")
@Import(TestClock.Config.class)
class CheckInIntegrationTests {

    /** 5 March 2026, 09:00 to 11:30 in Beijing. */
    private static final Instant START = Instant.parse("2026-03-05T01:00:00Z");

    @Autowired
    RestTestClient http;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    CheckIn checkIn;

    private KeptStation station;
    private long activity;
    private SignedUpVolunteer volunteer;
    private VolunteeringFixture fixture;

    @BeforeEach
    void activity() {
        clock.set(Instant.parse("2026-03-01T00:00:00Z"));
        fixture = new VolunteeringFixture(http, accounts);
        station = fixture.station("鹤山区古劳镇新时代文明实践所");
        long programme = station.manager().create("/api/volunteering/stations/" + station.id() + "/programmes",
                Map.of("name", "每月5日学雷锋", "kind", "STANDING", "daysOfMonth", java.util.List.of(5)),
                "/api/volunteering/programmes/").get("id").asLong();
        activity = station.manager().create("/api/volunteering/programmes/" + programme + "/activities", Map.of(
                "heldOn", "2026-03-05", "startTime", "09:00", "endTime", "11:30", "place", "古劳镇敬老院", "content",
                "陪伴老人", "places", 2), "/api/volunteering/activities/").get("id").asLong();
        volunteer = fixture.volunteer(station.id(), "黄小明");
        volunteer.api().post("/api/volunteering/activities/" + activity + "/sign-up", Map.of()).expect(201);
    }

    private String shownCode() {
        return station.manager().get("/api/volunteering/activities/" + activity + "/code").expect(200).json()
                .get("code").asString();
    }

    @Test
    void theCodeShownNowChecksInAndAnOlderOneHasExpired() {
        clock.set(START.minus(Duration.ofMinutes(40)));
        assertThat(volunteer.api().in("zh-CN").post("/api/volunteering/activities/" + activity + "/check-in",
                Map.of("code", "000000")).problem(409).toString()).contains("签到于活动开始前半小时（08:30）开放。");
        clock.set(START.minus(Duration.ofMinutes(10)));
        String old = shownCode();
        clock.advance(Duration.ofMinutes(2));
        assertThat(volunteer.api().in("zh-CN").post("/api/volunteering/activities/" + activity + "/check-in",
                Map.of("code", old)).refusal()).containsExactly("code: 签到码已过期，请输入现场当前显示的签到码。");
        assertThat(jdbc.sql("select count(*) from volunteer_attendance where activity_id = ?").param(activity)
                .query(Integer.class).single()).isZero();
        String now = shownCode();
        clock.advance(Duration.ofSeconds(61));
        JsonNode in = volunteer.api().post("/api/volunteering/activities/" + activity + "/check-in", Map.of("code", now))
                .expect(200).json();
        assertThat(in.get("checkedInBy").asString()).isEqualTo("CODE");
        assertThat(volunteer.api().post("/api/volunteering/activities/" + activity + "/check-in",
                Map.of("code", shownCode())).problem(409).toString()).contains("You have checked in already.");

        clock.set(START.plus(Duration.ofMinutes(100)));
        assertThat(volunteer.api().post("/api/volunteering/activities/" + activity + "/check-out",
                Map.of("code", "12345")).refusal()).containsExactly(
                "code: This is not the code of this activity: enter the code shown at the activity.");
        JsonNode out = volunteer.api().post("/api/volunteering/activities/" + activity + "/check-out",
                Map.of("code", shownCode())).expect(200).json();
        assertThat(Duration.between(Instant.parse(out.get("checkedInAt").asString()),
                Instant.parse(out.get("checkedOutAt").asString()))).isEqualTo(Duration.ofMinutes(106).plusSeconds(59));
    }

    @Test
    void onlyAVolunteerHoldingAPlaceChecksIn() {
        SignedUpVolunteer stranger = fixture.volunteer(station.id(), "路人");
        clock.set(START);
        assertThat(stranger.api().post("/api/volunteering/activities/" + activity + "/check-in",
                Map.of("code", shownCode())).problem(409).toString()).contains("Only volunteers holding a place");
        fixture.station("别的站").manager().get("/api/volunteering/activities/" + activity + "/code").expect(404);
    }

    @Test
    void aCheckInNobodyClosesIsClosedAtTheEndAndFlagged() {
        clock.set(START.plus(Duration.ofMinutes(5)));
        volunteer.api().post("/api/volunteering/activities/" + activity + "/check-in", Map.of("code", shownCode()))
                .expect(200);
        clock.set(START.plus(Duration.ofMinutes(200)));
        assertThat(volunteer.api().post("/api/volunteering/activities/" + activity + "/check-out",
                Map.of("code", shownCode())).problem(409).toString()).contains("This activity has ended");
        checkIn.closeForgotten();
        JsonNode line = station.manager().get("/api/volunteering/activities/" + activity + "/roll").expect(200).json()
                .get(0);
        assertThat(line.get("name").asString()).isEqualTo("黄小明");
        assertThat(line.get("attendance").get("checkedOutBy").asString()).isEqualTo("CLOSED_AT_END");
        assertThat(line.get("attendance").get("checkedOutAt").asString()).isEqualTo("2026-03-05T03:30:00Z");
        assertThat(line.get("attendance").get("flagged").asBoolean()).isTrue();
    }

    @Test
    void theManagersRollMarksAVolunteerPresentAndCorrectsTimes() {
        SignedUpVolunteer second = fixture.volunteer(station.id(), "李华");
        second.api().post("/api/volunteering/activities/" + activity + "/sign-up", Map.of()).expect(201);
        clock.set(START.plus(Duration.ofMinutes(200)));
        assertThat(station.manager().in("zh-CN").post("/api/volunteering/activities/" + activity + "/roll",
                Map.of("volunteerId", second.id(), "checkIn", "08:00", "checkOut", "12:00")).refusal())
                .containsExactly("checkIn: 到达时间应在08:30至11:30之间。", "checkOut: 离开时间应晚于到达时间，且不晚于11:30。");
        JsonNode marked = station.manager().post("/api/volunteering/activities/" + activity + "/roll",
                Map.of("volunteerId", second.id(), "checkIn", "09:10", "checkOut", "11:00")).expect(200).json();
        assertThat(marked.get("checkedInBy").asString()).isEqualTo("ROLL");
        assertThat(marked.get("checkedInAt").asString()).isEqualTo("2026-03-05T01:10:00Z");
        assertThat(marked.get("flagged").asBoolean()).isFalse();
        assertThat(station.manager().post("/api/volunteering/activities/" + activity + "/roll",
                Map.of("volunteerId", 999_999, "checkIn", "09:10")).refusal())
                .containsExactly("volunteerId: This volunteer has not signed up for the activity.");
    }
}
