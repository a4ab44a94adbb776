package org.yishi.supervision.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yishi.supervision.Recurrence;
import org.yishi.supervision.WorkingCalendar;

/**
 * The cycles of regular items: their numbers, due dates on working days, and the run of cycles over a span, each
 * starting when the one before was due.
 */
class CycleTests {

    /** National Day week off and the Sunday before worked; 31 January 2026 is a Saturday. */
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(Map.of(
            LocalDate.of(2026, 9, 27), true,
            LocalDate.of(2026, 10, 1), false, LocalDate.of(2026, 10, 2), false, LocalDate.of(2026, 10, 5), false,
            LocalDate.of(2026, 10, 6), false, LocalDate.of(2026, 10, 7), false));

    @Test
    void aMonthIsDueOnItsLastWorkingDayAndTheNextMonthIsCreatedAhead() {
        List<Cycle> ahead = Cycle.currentAndNext(Recurrence.MONTHLY, List.of(), LocalDate.of(2026, 1, 30), CALENDAR);
        assertThat(ahead).containsExactly(
                new Cycle(202601, LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 30)),
                new Cycle(202602, LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 27)));
        // the day after the last working day belongs to the next month's cycle
        assertThat(Cycle.currentAndNext(Recurrence.MONTHLY, List.of(), LocalDate.of(2026, 1, 31), CALENDAR).getFirst().key())
                .isEqualTo(202602);
        assertThat(ahead.getFirst().period()).isEqualTo("2026-01");
    }

    @Test
    void aFixedDayOnAHolidayMovesToTheNextWorkingDay() {
        List<Cycle> ahead = Cycle.currentAndNext(Recurrence.FIXED_DAYS, List.of(25, 5), LocalDate.of(2026, 9, 26), CALENDAR);
        assertThat(ahead).containsExactly(
                new Cycle(20261005, LocalDate.of(2026, 9, 25), LocalDate.of(2026, 10, 8)),
                new Cycle(20261025, LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 26)));
        assertThat(ahead.getFirst().period()).isEqualTo("2026-10-05");
        assertThat(Cycle.period(20264)).isEqualTo("2026-Q4");
    }

    @Test
    void theCyclesOverASpanFollowOneAnotherWithoutGaps() {
        List<Cycle> quarters = Cycle.dueBetween(Recurrence.QUARTERLY, List.of(), LocalDate.of(2025, 10, 1),
                LocalDate.of(2026, 12, 31), CALENDAR);
        assertThat(quarters).extracting(Cycle::key).containsExactly(20254, 20261, 20262, 20263, 20264);
        assertThat(quarters).extracting(Cycle::dueOn).containsExactly(LocalDate.of(2025, 12, 31),
                LocalDate.of(2026, 3, 31), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 12, 31));
        for (Recurrence r : List.of(Recurrence.MONTHLY, Recurrence.QUARTERLY, Recurrence.FIXED_DAYS)) {
            List<Cycle> run = Cycle.dueBetween(r, List.of(10, 25), LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31),
                    CALENDAR);
            assertThat(run).hasSizeGreaterThan(10);
            for (int i = 1; i < run.size(); i++) {
                assertThat(run.get(i).startsOn()).isEqualTo(run.get(i - 1).dueOn());
                assertThat(run.get(i).key()).isGreaterThan(run.get(i - 1).key());
                assertThat(CALENDAR.working(run.get(i).dueOn())).isTrue();
                // each is the cycle the sweep finds current on the day after the one before was due
                assertThat(Cycle.currentAndNext(r, List.of(10, 25), run.get(i - 1).dueOn().plusDays(1), CALENDAR)
                        .getFirst()).isEqualTo(run.get(i));
            }
        }
        assertThat(Cycle.dueBetween(Recurrence.NONE, List.of(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                CALENDAR)).isEmpty();
    }
}
