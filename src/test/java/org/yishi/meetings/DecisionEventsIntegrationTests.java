package org.yishi.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.yishi.Api;
import org.yishi.TestAccounts;
import org.yishi.YishiIntegrationTest;
import org.yishi.accounts.Accounts;

/**
 * Adopting an item publishes {@link DecisionAdopted} through the event publication registry: a listener receives it
 * after the decision commits, and when the listener fails the publication stays in PostgreSQL, incomplete, until it
 * is handed over again (as a node does when it starts).
 */
@YishiIntegrationTest("yishi.demo-data=on")
@Import(DecisionEventsIntegrationTests.Listening.class)
class DecisionEventsIntegrationTests {

    /**
     * Stands in for the supervision module: records what it receives, and fails while told to. (A proxy wraps it,
     * so the test reaches its state through methods.)
     */
    static class Listener {
        private final List<DecisionAdopted> received = new CopyOnWriteArrayList<>();
        private final AtomicBoolean failing = new AtomicBoolean();

        @ApplicationModuleListener
        public void on(DecisionAdopted event) {
            if (failing.get()) {
                throw new IllegalStateException("the supervision office is unreachable");
            }
            received.add(event);
        }

        public List<DecisionAdopted> received() {
            return received;
        }

        public void failing(boolean fail) {
            failing.set(fail);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Listening {
        @Bean
        Listener decisionListener() {
            return new Listener();
        }
    }

    @Autowired
    Listener listener;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IncompleteEventPublications incomplete;

    private static final java.util.concurrent.atomic.AtomicInteger DAY = new java.util.concurrent.atomic.AtomicInteger();

    private Api office;
    private long meeting;
    private List<Long> items;

    @BeforeEach
    void holdAMeeting(@Autowired RestTestClient http, @Autowired Accounts accounts) {
        office = new Api(http).signedInAs(TestAccounts.of(accounts, "office"));
        long body = jdbc.sql("select id from body where short_name_zh = '区委常委会' and name_en like '%Heshan%'")
                .query(Long.class).single();
        List<Long> nine = jdbc.sql("""
                select m.person_id from membership m join term t on t.id = m.term_id where t.body_id = :b""")
                .param("b", body).query(Long.class).list();
        long zhang = jdbc.sql("select id from person where name_zh = '张超'").query(Long.class).single();
        meeting = office.create("/api/meetings", Map.of("bodyId", body, "date", "2023-05-" + (10 + DAY.getAndIncrement()),
                "presidingPersonId", zhang, "present", nine, "items", List.of(
                        Map.of("kind", "DELIBERATE", "titleZh", "审议《志愿服务常态化实施方案》",
                                "titleEn", "deliberate the plan for regular volunteer service"),
                        Map.of("kind", "DELIBERATE", "titleZh", "研究老旧小区改造", "visibility", "INTERNAL"))),
                "/api/meetings/").get("id").asLong();
        office.post("/api/meetings/" + meeting + "/notify", Map.of()).expect(200);
        office.post("/api/meetings/" + meeting + "/open", Map.of()).expect(200);
        items = office.get("/api/meetings/" + meeting).expect(200).json().get("items").valueStream()
                .map(i -> i.get("id").asLong()).toList();
    }

    private long incompleteFor(long item) {
        return jdbc.sql("""
                select count(*) from event_publication where completion_date is null
                  and event_type like '%DecisionAdopted' and serialized_event like :i""")
                .param("i", "%\"itemId\":" + item + ",%").query(Long.class).single();
    }

    @Test
    void anAdoptedItemReachesTheListenerWithItsMeetingAndWording() {
        office.post("/api/items/" + items.get(0) + "/decision", Map.of("outcome", "ADOPTED_IN_PRINCIPLE")).expect(200);
        office.post("/api/items/" + items.get(1) + "/decision", Map.of("outcome", "DEFERRED")).expect(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.received().stream().anyMatch(e -> e.itemId() == items.get(0)));
        DecisionAdopted event = listener.received().stream().filter(e -> e.itemId() == items.get(0)).findFirst().orElseThrow();
        assertThat(event.meetingId()).isEqualTo(meeting);
        assertThat(event.outcome()).isEqualTo(Outcome.ADOPTED_IN_PRINCIPLE);
        assertThat(event.titleZh()).isEqualTo("审议《志愿服务常态化实施方案》");
        assertThat(event.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(listener.received()).noneMatch(e -> e.itemId() == items.get(1)); // deferred is no decision to carry out
        await().atMost(Duration.ofSeconds(10)).until(() -> incompleteFor(items.get(0)) == 0);
    }

    @Test
    void aPublicationTheListenerFailedOnIsKeptAndHandedOverAgain() {
        listener.failing(true);
        try {
            office.post("/api/items/" + items.get(0) + "/decision", Map.of("outcome", "ADOPTED")).expect(200);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> incompleteFor(items.get(0)) == 1);
            assertThat(listener.received()).noneMatch(e -> e.itemId() == items.get(0));
        } finally {
            listener.failing(false);
        }

        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof DecisionAdopted d && d.itemId() == items.get(0));

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.received().stream().anyMatch(e -> e.itemId() == items.get(0)));
        await().atMost(Duration.ofSeconds(10)).until(() -> incompleteFor(items.get(0)) == 0);
    }
}
