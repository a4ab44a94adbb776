package org.yishi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;
import tools.jackson.databind.JsonNode;

/**
 * The demo's regular volunteer service: a Heshan community station managed by the demo account station-manager,
 * where the demo account volunteer is registered, with a standing programme on the 5th of every month linked to the
 * supervised item that makes the service regular, and the March Lei Feng campaign, both with activities ahead.
 */
@YishiIntegrationTest("yishi.demo-data=on")
class VolunteeringDemoIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theStationRunsAStandingProgrammeLinkedToTheSupervisedItemAndTheMarchCampaign() {
        long station = jdbc.sql("select id from volunteer_station where name = ?").param(VolunteeringDemoData.STATION)
                .query(Long.class).single();
        assertThat(jdbc.sql("""
                select a.username from volunteer_station_manager m join account a on a.id = m.account_id
                where m.station_id = ?""").param(station).query(String.class).list()).containsExactly("station-manager");
        assertThat(jdbc.sql("""
                select v.name from volunteer v join account a on a.id = v.account_id where a.username = 'volunteer'""")
                .query(String.class).single()).isEqualTo("林小雨");
        assertThat(jdbc.sql("select count(*) from volunteer where station_id = ?").param(station).query(Integer.class)
                .single()).isEqualTo(4);

        Api office = new Api(http).signedInAs(TestAccounts.of(accounts, "office"));
        JsonNode programmes = office.get("/api/volunteering/stations/" + station + "/programmes").expect(200).json();
        JsonNode standing = programmes.valueStream().filter(p -> p.get("kind").asString().equals("STANDING"))
                .findFirst().orElseThrow();
        JsonNode campaign = programmes.valueStream().filter(p -> p.get("kind").asString().equals("CAMPAIGN"))
                .findFirst().orElseThrow();
        assertThat(standing.get("name").asString()).isEqualTo(VolunteeringDemoData.STANDING);
        assertThat(standing.get("daysOfMonth").toString()).isEqualTo("[5]");
        assertThat(jdbc.sql("select content from supervision_item where id = ?")
                .param(standing.get("supervisionItemId").asLong()).query(String.class).single())
                .startsWith("推动学雷锋志愿服务常态化");
        assertThat(campaign.get("campaignFrom").asString()).endsWith("-03-01");

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode monthly = office.get("/api/volunteering/programmes/" + standing.get("id").asLong() + "/activities")
                .expect(200).json();
        assertThat(monthly).hasSize(3);
        monthly.forEach(a -> {
            LocalDate day = LocalDate.parse(a.get("heldOn").asString());
            assertThat(day.getDayOfMonth()).isEqualTo(5);
            assertThat(day).isAfterOrEqualTo(today);
        });
        assertThat(office.get("/api/volunteering/programmes/" + campaign.get("id").asLong() + "/activities").expect(200)
                .json().valueStream().map(a -> a.get("heldOn").asString().substring(5))).containsExactly("03-05", "03-14");
    }

    @Test
    void theNextFifthsStartTodayOnTheFifthAndNextMonthAfterIt() {
        assertThat(VolunteeringDemoData.nextFifths(LocalDate.of(2026, 3, 5), 2))
                .containsExactly(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 4, 5));
        assertThat(VolunteeringDemoData.nextFifths(LocalDate.of(2026, 12, 6), 2))
                .containsExactly(LocalDate.of(2027, 1, 5), LocalDate.of(2027, 2, 5));
    }
}
