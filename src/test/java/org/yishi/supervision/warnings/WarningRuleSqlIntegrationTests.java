package org.yishi.supervision.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yishi.YishiIntegrationTest;
import org.yishi.supervision.SqlArrays;
import org.yishi.supervision.WarningThresholds;

/**
 * The colour rule's SQL, as the warning sweep and the generator run it, gives on PostgreSQL exactly the colours of
 * {@link WarningThresholds#colour(int, int, boolean)}: for several thresholds, over every total up to 130 working days
 * and every number of days left, and overdue.
 */
@YishiIntegrationTest("yishi.demo-data=on")
class WarningRuleSqlIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theGeneratedCaseAgreesWithTheJavaRule() {
        for (WarningThresholds t : List.of(WarningThresholds.DEFAULT, new WarningThresholds(50, 50),
                new WarningThresholds(100, 0), new WarningThresholds(33, 7))) {
            List<Integer> totals = new ArrayList<>();
            List<Integer> lefts = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (int total = 0; total <= 130; total++) {
                for (int left = -1; left <= total; left++) {
                    totals.add(total);
                    lefts.add(left);
                    expected.add(t.colour(total, Math.max(left, 0), left < 0).name());
                }
            }
            List<String> actual = jdbc.sql("""
                    select %s from unnest(cast(:t as int[]), cast(:l as int[])) with ordinality l(total, left_days, k)
                    order by k""".formatted(t.sqlCase("l.left_days", "l.total")))
                    .param("t", SqlArrays.of(totals)).param("l", SqlArrays.of(lefts)).query(String.class).list();
            assertThat(actual).as("thresholds %s", t).isEqualTo(expected);
            assertThat(expected).contains("RED", "ORANGE");
        }
    }
}
