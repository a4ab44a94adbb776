package org.yishi.volunteering.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import org.yishi.volunteering.registry.VolunteeringFixture;
import org.yishi.volunteering.registry.VolunteeringFixture.KeptStation;
import org.yishi.volunteering.registry.VolunteeringFixture.SignedUpVolunteer;
import tools.jackson.databind.JsonNode;

/**
 * Programmes and activities of a station, and signing up for them within their places: a burst of concurrent
 * sign-ups for the last places places exactly that many, a cancellation promotes the first on the waiting list, and
 * nothing can be signed up for or cancelled after the start.
 */
@YishiIntegrationTest("yishi.demo-data=off")
@Import(TestClock.Config.class)
class ActivitiesIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    private VolunteeringFixture fixture;
    private KeptStation east;
    private KeptStation west;

    @BeforeEach
    void stations() {
        clock.set(Instant.parse("2026-03-01T00:00:00Z"));
        fixture = new VolunteeringFixture(http, accounts);
        east = fixture.station("鹤山区沙坪街道东风社区新时代文明实践站");
        west = fixture.station("鹤山区沙坪街道西河社区新时代文明实践站");
    }

    private long campaign(KeptStation s) {
        return s.manager().create("/api/volunteering/stations/" + s.id() + "/programmes", Map.of("name",
                "学雷锋志愿服务月", "kind", "CAMPAIGN", "campaignFrom", "2026-03-01", "campaignTo", "2026-03-31"),
                "/api/volunteering/programmes/").get("id").asLong();
    }

    private JsonNode activity(KeptStation s, long programme, int places) {
        return s.manager().create("/api/volunteering/programmes/" + programme + "/activities", Map.of("heldOn",
                "2026-03-05", "startTime", "09:00", "endTime", "11:30", "place", "东风社区广场", "content",
                "义务理发、家电维修", "places", places, "skills", List.of("理发")), "/api/volunteering/activities/");
    }

    @Test
    void aStandingProgrammeHoldsActivitiesOnItsFixedDaysAndACampaignWithinItsDates() {
        JsonNode standing = east.manager().create("/api/volunteering/stations/" + east.id() + "/programmes",
                Map.of("name", "每月5日学雷锋志愿服务", "kind", "STANDING", "daysOfMonth", List.of(5, 20)),
                "/api/volunteering/programmes/");
        assertThat(standing.get("daysOfMonth").toString()).isEqualTo("[5,20]");
        long id = standing.get("id").asLong();
        Map<String, Object> onThe6th = Map.of("heldOn", "2026-03-06", "startTime", "09:00", "endTime", "08:00",
                "place", "", "content", "读书", "places", 0);
        assertThat(east.manager().in("zh-CN").post("/api/volunteering/programmes/" + id + "/activities", onThe6th)
                .refusal()).containsExactly("heldOn: 该常态化项目在每月5、20日开展，不在6日。",
                "endTime: 结束时间须晚于开始时间。", "place: 请填写活动地点。", "places: 招募人数应为1至10000之间的整数。");
        JsonNode a = activity(east, id, 10);
        assertThat(a.get("startsAt").asString()).isEqualTo("2026-03-05T01:00:00Z");
        assertThat(a.get("startTime").asString()).isEqualTo("09:00:00");
        long march = campaign(east);
        assertThat(east.manager().post("/api/volunteering/programmes/" + march + "/activities", Map.of("heldOn",
                "2026-04-05", "startTime", "09:00", "endTime", "10:00", "place", "广场", "content", "清扫", "places", 5))
                .refusal()).containsExactly("heldOn: The campaign runs from 2026-03-01 to 2026-03-31: choose a day within it.");
        assertThat(east.manager().post("/api/volunteering/stations/" + east.id() + "/programmes", Map.of("name", "x",
                "kind", "CAMPAIGN", "supervisionItemId", 987654)).refusal()).containsExactly(
                "campaignFrom: A campaign needs its first day.", "campaignTo: A campaign needs its last day.",
                "supervisionItemId: There is no supervised item with id 987654.");
        assertThat(east.manager().get("/api/volunteering/programmes/" + id + "/activities").expect(200).json())
                .hasSize(1);
    }

    @Test
    void aManagerKeepsOnlyTheirOwnStationsProgrammes() {
        long march = campaign(east);
        west.manager().get("/api/volunteering/programmes/" + march).expect(404);
        west.manager().get("/api/volunteering/stations/" + east.id() + "/programmes").expect(404);
        west.manager().post("/api/volunteering/programmes/" + march + "/activities", Map.of()).expect(404);
        long a = activity(east, march, 3).get("id").asLong();
        west.manager().get("/api/volunteering/activities/" + a + "/sign-ups").expect(404);
        assertThat(west.manager().get("/api/volunteering/activities").expect(200).json().valueStream()
                .map(x -> x.get("id").asLong())).doesNotContain(a);
        assertThat(east.manager().get("/api/volunteering/activities").expect(200).json().valueStream()
                .map(x -> x.get("id").asLong())).contains(a);
        assertThat(fixture.office().get("/api/volunteering/stations/" + east.id() + "/programmes").expect(200).json())
                .hasSize(1);
    }

    @Test
    void aBurstOfSignUpsForTheLastPlacesPlacesExactlyThatManyAndTheRestWait() throws Exception {
        long a = activity(east, campaign(east), 5).get("id").asLong();
        List<SignedUpVolunteer> early = List.of(fixture.volunteer(east.id(), "早一"), fixture.volunteer(east.id(), "早二"));
        for (SignedUpVolunteer v : early) {
            assertThat(v.api().post("/api/volunteering/activities/" + a + "/sign-up", Map.of()).expect(201).json().get("state")
                    .asString()).isEqualTo("PLACED");
        }
        int burst = 16;
        List<SignedUpVolunteer> crowd = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            crowd.add(fixture.volunteer(west.id(), "志愿者" + i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(burst);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (SignedUpVolunteer v : crowd) {
            answers.add(threads.submit(() -> {
                start.await();
                return v.api().post("/api/volunteering/activities/" + a + "/sign-up", Map.of()).expect(201).json()
                        .get("state").asString();
            }));
        }
        start.countDown();
        List<String> states = new ArrayList<>();
        for (Future<String> f : answers) {
            states.add(f.get(60, TimeUnit.SECONDS));
        }
        threads.shutdown();
        assertThat(states.stream().filter("PLACED"::equals).count()).isEqualTo(3);
        assertThat(states.stream().filter("WAITING"::equals).count()).isEqualTo(burst - 3);
        assertThat(jdbc.sql("select count(*) from volunteer_sign_up where activity_id = ? and state = 'PLACED'")
                .param(a).query(Integer.class).single()).isEqualTo(5);
        JsonNode seen = east.manager().get("/api/volunteering/activities/" + a).expect(200).json();
        assertThat(seen.get("placed").asInt()).isEqualTo(5);
        assertThat(seen.get("waiting").asInt()).isEqualTo(burst - 3);
    }

    @Test
    void aCancelledPlaceGoesToTheFirstInLineAndNothingChangesAfterTheStart() {
        long a = activity(east, campaign(east), 1).get("id").asLong();
        SignedUpVolunteer first = fixture.volunteer(east.id(), "甲");
        SignedUpVolunteer second = fixture.volunteer(east.id(), "乙");
        SignedUpVolunteer third = fixture.volunteer(east.id(), "丙");
        first.api().post("/api/volunteering/activities/" + a + "/sign-up", Map.of()).expect(201);
        clock.advance(Duration.ofMinutes(1));
        JsonNode waiting = second.api().post("/api/volunteering/activities/" + a + "/sign-up", Map.of()).expect(201).json();
        assertThat(waiting.get("state").asString()).isEqualTo("WAITING");
        assertThat(waiting.get("waitingPosition").asInt()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(third.api().post("/api/volunteering/activities/" + a + "/sign-up", Map.of()).expect(201).json()
                .get("waitingPosition").asInt()).isEqualTo(2);
        assertThat(second.api().in("zh-CN").post("/api/volunteering/activities/" + a + "/sign-up", Map.of())
                .problem(409).toString()).contains("您已报名参加该活动。");

        assertThat(first.api().delete("/api/volunteering/activities/" + a + "/sign-up").expect(200).json().get("state")
                .asString()).isEqualTo("CANCELLED");
        assertThat(second.api().get("/api/volunteering/activities/" + a + "/sign-up").expect(200).json().get("state")
                .asString()).isEqualTo("PLACED");
        assertThat(third.api().get("/api/volunteering/activities/" + a + "/sign-up").expect(200).json()
                .get("waitingPosition").asInt()).isEqualTo(1);
        first.api().get("/api/volunteering/activities/" + a + "/sign-up").expect(404);

        clock.set(Instant.parse("2026-03-05T01:00:00Z"));
        int rows = jdbc.sql("select count(*) from volunteer_sign_up").query(Integer.class).single();
        assertThat(first.api().in("zh-CN").post("/api/volunteering/activities/" + a + "/sign-up", Map.of())
                .problem(409).toString()).contains("活动已开始，报名已截止。");
        assertThat(second.api().delete("/api/volunteering/activities/" + a + "/sign-up").problem(409).toString())
                .contains("This activity has started: a sign-up can no longer be cancelled.");
        assertThat(jdbc.sql("select count(*) from volunteer_sign_up").query(Integer.class).single()).isEqualTo(rows);
        assertThat(second.api().get("/api/volunteering/activities/" + a + "/sign-up").expect(200).json().get("state")
                .asString()).isEqualTo("PLACED");
    }

    @Test
    void aVolunteerWithoutARecordIsToldToRegisterFirst() {
        long a = activity(east, campaign(east), 1).get("id").asLong();
        Api stranger = new Api(http).signedInAs(fixture.account("vol", "volunteer"));
        assertThat(stranger.in("zh-CN").post("/api/volunteering/activities/" + a + "/sign-up", Map.of()).problem(409)
                .toString()).contains("请先登记志愿者信息，再报名。");
        assertThat(stranger.get("/api/volunteering/activities/open").expect(200).json().valueStream()
                .map(x -> x.get("id").asLong())).contains(a);
    }
}
