package org.yishi.volunteering.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Hours and stars at their edges: a star comes at the very minute its threshold is reached and not one minute
 * before, for the configured levels and for any strictly increasing ones; minutes served never exceed the activity
 * nor fall below zero; the attendance share counts from its exact edge.
 */
class ServiceHoursProperties {

    private static final StarLevels DEFAULT = new StarLevels(List.of(100, 300, 600, 1000, 1500));
    private static final Instant START = Instant.parse("2026-03-05T01:00:00Z");

    /** Strictly increasing positive thresholds in hours, one to eight levels. */
    private static Gen<List<Integer>> levels() {
        return lists().of(integers().between(1, 400)).ofSizeBetween(1, 8).map(steps -> {
            List<Integer> hours = new ArrayList<>();
            int sum = 0;
            for (int s : steps) {
                sum += s;
                hours.add(sum);
            }
            return hours;
        });
    }

    @Test
    void theConfiguredStarsComeAtTheirHoursToTheMinute() {
        int[] hours = {100, 300, 600, 1000, 1500};
        for (int i = 0; i < hours.length; i++) {
            assertThat(DEFAULT.stars(hours[i] * 60L - 1)).as("one minute short of %d h", hours[i]).isEqualTo(i);
            assertThat(DEFAULT.stars(hours[i] * 60L)).as("%d h", hours[i]).isEqualTo(i + 1);
        }
        assertThat(DEFAULT.stars(0)).isZero();
        assertThat(DEFAULT.stars(Long.MAX_VALUE / 2)).isEqualTo(5);
        assertThat(DEFAULT.nextAt(599 * 60L)).contains(600);
        assertThat(DEFAULT.nextAt(1500 * 60L)).isEmpty();
    }

    @Test
    void anyIncreasingLevelsGiveAStarExactlyAtEachThreshold() {
        qt().forAll(levels(), integers().between(0, 7)).assuming((l, i) -> i < l.size()).checkAssert((l, i) -> {
            StarLevels levels = new StarLevels(l);
            long edge = l.get(i) * 60L;
            assertThat(levels.stars(edge - 1)).isEqualTo(i);
            assertThat(levels.stars(edge)).isEqualTo(i + 1);
            assertThat(levels.nextAt(edge - 1)).contains(l.get(i));
        });
    }

    @Test
    void moreMinutesNeverMeanFewerStars() {
        qt().forAll(integers().between(0, 2_000 * 60), integers().between(0, 2_000 * 60))
                .checkAssert((a, b) -> assertThat(DEFAULT.stars(Math.min(a, b))).isLessThanOrEqualTo(
                        DEFAULT.stars(Math.max(a, b))));
    }

    @Test
    void levelsThatDoNotIncreaseAreRefusedAtStart() {
        assertThatThrownBy(() -> new StarLevels(List.of(100, 100))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new StarLevels(List.of(0, 100))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new StarLevels(List.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void minutesServedStayWithinTheActivity() {
        // check-in and check-out from two hours before to two hours after a 150-minute activity, in seconds
        qt().forAll(integers().between(-7_200, 16_200), integers().between(0, 16_200)).checkAssert((in, stay) -> {
            Instant checkedIn = START.plusSeconds(in);
            Instant checkedOut = checkedIn.plusSeconds(stay);
            Instant end = START.plusSeconds(150 * 60);
            int served = ServedTime.minutes(checkedIn, checkedOut, START, end);
            assertThat(served).isBetween(0, 150);
            assertThat(served).isLessThanOrEqualTo(stay / 60);
            if (in >= 0 && in + stay <= 150 * 60) {
                assertThat(served).isEqualTo(stay / 60);
            }
        });
    }

    @Test
    void theAttendanceShareCountsFromItsExactEdge() {
        qt().forAll(integers().between(1, 600), integers().between(0, 100)).checkAssert((length, percent) -> {
            double share = percent / 100.0;
            int edge = Math.max(1, (int) Math.ceil(share * length - 1e-9));
            assertThat(ServedTime.counts(edge, length, share)).isTrue();
            if (edge > 1) {
                assertThat(ServedTime.counts(edge - 1, length, share)).isFalse();
            }
            assertThat(ServedTime.counts(0, length, share)).as("nothing served never counts").isFalse();
        });
        assertThat(ServedTime.counts(90, 150, 0.6)).isTrue();
        assertThat(ServedTime.counts(89, 150, 0.6)).isFalse();
    }

    @Test
    void hoursAreShownRoundedDown() {
        assertThat(Recording.hours(59)).isEqualTo("0.9");
        assertThat(Recording.hours(60)).isEqualTo("1.0");
        assertThat(Recording.hours(150)).isEqualTo("2.5");
        assertThat(Recording.hours(6_000)).isEqualTo("100.0");
    }
}
