package org.yishi.volunteering.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.volunteering.activities.TestClock;
import org.yishi.volunteering.registry.VolunteeringFixture;
import org.yishi.volunteering.registry.VolunteeringFixture.KeptStation;
import org.yishi.volunteering.registry.VolunteeringFixture.SignedUpVolunteer;
import tools.jackson.databind.JsonNode;

/**
 * Service records: the time actually served, within the activity; the attendance share for hours to count; records
 * within 10 working days, later ones marked late and counted only after a second person's approval; corrections by
 * the manager, audited; a volunteer reads only their own records, a manager only their station's.
 */
@YishiIntegrationTest("yishi.demo-data=off")
@Import(TestClock.Config.class)
class RecordsIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    private VolunteeringFixture fixture;
    private KeptStation station;
    private long programme;

    @BeforeEach
    void station() {
        clock.set(Instant.parse("2026-03-01T00:00:00Z"));
        fixture = new VolunteeringFixture(http, accounts);
        station = fixture.station("鹤山区雅瑶镇新时代文明实践所");
        programme = station.manager().create("/api/volunteering/stations/" + station.id() + "/programmes", Map.of(
                "name", "学雷锋志愿服务月", "kind", "CAMPAIGN", "campaignFrom", "2026-03-01", "campaignTo", "2026-03-31"),
                "/api/volunteering/programmes/").get("id").asLong();
    }

    /** An activity from 09:00 to 11:30 (150 minutes) in Beijing on a day of March 2026. */
    private long activity(String day) {
        return station.manager().create("/api/volunteering/programmes/" + programme + "/activities", Map.of("heldOn",
                day, "startTime", "09:00", "endTime", "11:30", "place", "雅瑶镇文化广场", "content", "文明劝导",
                "places", 5), "/api/volunteering/activities/").get("id").asLong();
    }

    private static Instant at(String day, String time) {
        return Instant.parse(day + "T" + time + ":00+08:00");
    }

    private SignedUpVolunteer placed(long activity, String name) {
        SignedUpVolunteer v = fixture.volunteer(station.id(), name);
        v.api().post("/api/volunteering/activities/" + activity + "/sign-up", Map.of()).expect(201);
        return v;
    }

    private void checkIn(SignedUpVolunteer v, long activity, String path) {
        String code = station.manager().get("/api/volunteering/activities/" + activity + "/code").expect(200).json()
                .get("code").asString();
        v.api().post("/api/volunteering/activities/" + activity + "/" + path, Map.of("code", code)).expect(200);
    }

    private JsonNode recordOf(JsonNode records, long volunteer) {
        return records.valueStream().filter(r -> r.get("volunteerId").asLong() == volunteer).findFirst().orElseThrow();
    }

    @Test
    void hoursAreTheTimeServedWithinTheActivityAndCountFromTheRequiredShare() {
        long a = activity("2026-03-05");
        SignedUpVolunteer early = placed(a, "陈晓");
        SignedUpVolunteer late = placed(a, "林峰");
        SignedUpVolunteer rolled = placed(a, "周敏");
        clock.set(at("2026-03-05", "08:40"));
        checkIn(early, a, "check-in");
        clock.set(at("2026-03-05", "10:30"));
        checkIn(late, a, "check-in");
        clock.set(at("2026-03-05", "11:00"));
        checkIn(early, a, "check-out");
        assertThat(station.manager().in("zh-CN").post("/api/volunteering/activities/" + a + "/records", Map.of())
                .problem(409).toString()).contains("活动结束（11:30）后方可记录服务时长。");
        clock.set(at("2026-03-05", "12:00"));
        station.manager().post("/api/volunteering/activities/" + a + "/roll", Map.of("volunteerId", rolled.id(),
                "checkIn", "08:50", "checkOut", "11:30")).expect(200);

        JsonNode records = station.manager().post("/api/volunteering/activities/" + a + "/records", Map.of())
                .expect(201).json();
        assertThat(records).hasSize(3);
        assertThat(recordOf(records, early.id()).get("minutes").asInt()).as("from the start, not the early check-in")
                .isEqualTo(120);
        assertThat(recordOf(records, late.id()).get("minutes").asInt()).as("closed at the end").isEqualTo(60);
        assertThat(recordOf(records, late.id()).get("counted").asBoolean()).as("60 of 150 minutes is under 60 %")
                .isFalse();
        assertThat(recordOf(records, rolled.id()).get("minutes").asInt()).isEqualTo(150);
        assertThat(records.valueStream().map(r -> r.get("late").asBoolean())).containsOnly(false);
        assertThat(station.manager().post("/api/volunteering/activities/" + a + "/records", Map.of()).problem(409)
                .toString()).contains("There is no attendance left to record");

        JsonNode mine = early.api().get("/api/volunteering/me/records").expect(200).json();
        assertThat(mine.get("minutes").asLong()).isEqualTo(120);
        assertThat(mine.get("hours").asString()).isEqualTo("2.0");
        assertThat(mine.get("stars").asInt()).isZero();
        assertThat(mine.get("nextStarAt").asInt()).isEqualTo(100);
        assertThat(mine.get("records").valueStream().map(r -> r.get("volunteerId").asLong())).containsOnly(early.id());
        assertThat(late.api().get("/api/volunteering/me/records").expect(200).json().get("minutes").asLong()).isZero();
    }

    @Test
    void theManagerCorrectsMinutesWithinTheActivityWithAReasonAndItIsAudited() {
        long a = activity("2026-03-05");
        SignedUpVolunteer v = placed(a, "吴刚");
        clock.set(at("2026-03-05", "13:00"));
        station.manager().post("/api/volunteering/activities/" + a + "/roll", Map.of("volunteerId", v.id(),
                "checkIn", "10:30", "checkOut", "11:30")).expect(200);
        long id = station.manager().post("/api/volunteering/activities/" + a + "/records", Map.of()).expect(201).json()
                .get(0).get("id").asLong();
        assertThat(station.manager().in("zh-CN").put("/api/volunteering/records/" + id + "/minutes",
                Map.of("minutes", 151, "reason", " ")).refusal()).containsExactly(
                "minutes: 服务时长（分钟）应为0至150（活动时长）之间的整数。", "reason: 请填写更正理由。");
        assertThat(v.api().get("/api/volunteering/me/records").expect(200).json().get("minutes").asLong()).isZero();
        JsonNode corrected = station.manager().put("/api/volunteering/records/" + id + "/minutes",
                Map.of("minutes", 140, "reason", "签到时手机没电，由站点管理员核实")).expect(200).json();
        assertThat(corrected.get("counted").asBoolean()).isTrue();
        assertThat(corrected.get("correctedBy").asString()).isEqualTo(station.managerName());
        assertThat(v.api().get("/api/volunteering/me/records").expect(200).json().get("hours").asString())
                .isEqualTo("2.3");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'service-record.correct' and subject_id = ?")
                .param(String.valueOf(id)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aRecordAfterTenWorkingDaysIsLateAndCountsOnlyOnceASecondPersonApproved() {
        long friday = activity("2026-03-06");
        long monday = activity("2026-03-09");
        SignedUpVolunteer v = placed(friday, "郑丽");
        v.api().post("/api/volunteering/activities/" + monday + "/sign-up", Map.of()).expect(201);
        clock.set(at("2026-03-23", "17:00"));
        for (long a : List.of(friday, monday)) {
            station.manager().post("/api/volunteering/activities/" + a + "/roll", Map.of("volunteerId", v.id(),
                    "checkIn", "09:00", "checkOut", "11:30")).expect(200);
        }
        JsonNode onTime = station.manager().post("/api/volunteering/activities/" + monday + "/records", Map.of())
                .expect(201).json().get(0);
        assertThat(onTime.get("late").asBoolean()).as("23 March is the 10th working day after 9 March").isFalse();
        JsonNode late = station.manager().post("/api/volunteering/activities/" + friday + "/records", Map.of())
                .expect(201).json().get(0);
        assertThat(late.get("late").asBoolean()).as("23 March is the 11th working day after 6 March").isTrue();
        assertThat(late.get("state").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(v.api().get("/api/volunteering/me/records").expect(200).json().get("minutes").asLong()).isEqualTo(150);

        long id = late.get("id").asLong();
        assertThat(station.manager().in("zh-CN").post("/api/volunteering/records/" + id + "/approve", Map.of())
                .problem(409).toString()).contains("逾期记录须由另一人审核，记录人不能自行审核。");
        assertThat(station.manager().get("/api/volunteering/records/awaiting").expect(200).json().valueStream()
                .map(r -> r.get("id").asLong())).containsExactly(id);
        JsonNode approved = fixture.office().post("/api/volunteering/records/" + id + "/approve", Map.of()).expect(200)
                .json();
        assertThat(approved.get("state").asString()).isEqualTo("RECORDED");
        assertThat(approved.get("late").asBoolean()).isTrue();
        assertThat(v.api().get("/api/volunteering/me/records").expect(200).json().get("minutes").asLong()).isEqualTo(300);
        assertThat(fixture.office().post("/api/volunteering/records/" + id + "/approve", Map.of()).problem(409)
                .toString()).contains("This record does not wait for approval.");
    }

    @Test
    void aVolunteerReadsOnlyTheirOwnRecordsAndAManagerOnlyTheirStations() {
        long a = activity("2026-03-05");
        SignedUpVolunteer v = placed(a, "冯青");
        clock.set(at("2026-03-05", "12:00"));
        station.manager().post("/api/volunteering/activities/" + a + "/roll", Map.of("volunteerId", v.id(),
                "checkIn", "09:00", "checkOut", "11:30")).expect(200);
        long id = station.manager().post("/api/volunteering/activities/" + a + "/records", Map.of()).expect(201).json()
                .get(0).get("id").asLong();
        KeptStation other = fixture.station("别的实践站");
        other.manager().get("/api/volunteering/records/" + id).expect(404);
        other.manager().get("/api/volunteering/activities/" + a + "/records").expect(404);
        other.manager().get("/api/volunteering/stations/" + station.id() + "/records").expect(404);
        other.manager().put("/api/volunteering/records/" + id + "/minutes", Map.of("minutes", 1, "reason", "x")).expect(404);
        assertThat(other.manager().get("/api/volunteering/records/awaiting").expect(200).json()).isEmpty();
        v.api().get("/api/volunteering/records/" + id).expect(403);
        Api stranger = fixture.volunteer(other.id(), "旁人").api();
        assertThat(stranger.get("/api/volunteering/me/records").expect(200).json().get("records")).isEmpty();
        assertThat(station.manager().get("/api/volunteering/stations/" + station.id() + "/records").expect(200).json()
                .valueStream().map(r -> r.get("id").asLong())).containsExactly(id);
        assertThat(jdbc.sql("select minutes from volunteer_service_record where id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(150);
    }
}
