package org.yishi.supervision.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.yishi.supervision.Colour;
import org.yishi.supervision.Recurrence;
import org.yishi.supervision.WarningThresholds;
import org.yishi.supervision.WorkingCalendar;
import org.yishi.supervision.reports.Cycle;

/**
 * Working days and warning colours over random dates and random holiday calendars, against a plain day-by-day count:
 * weekends and holidays are not counted, make-up working days are; an item turns yellow when exactly 30 % of its
 * working days are left, orange at exactly 15 %, stays orange on its deadline day and is red the day after. And the
 * cycles of regular items fall due on working days, one after the other.
 */
class WarningColourProperties {

    private static final LocalDate FROM = LocalDate.of(2020, 1, 1);
    private static final WarningThresholds RULE = WarningThresholds.DEFAULT;

    /** A calendar of up to 60 holidays and make-up days, chosen by {@code seed}, around the years 2020–2031. */
    private static WorkingCalendar calendar(long seed) {
        Random random = new Random(seed);
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        int count = random.nextInt(61);
        for (int i = 0; i < count; i++) {
            LocalDate d = FROM.plusDays(random.nextInt(12 * 366));
            // mostly what calendars hold (weekday holidays, weekend make-up days), sometimes what changes nothing
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            exceptions.put(d, random.nextInt(5) == 0 ? !weekend == random.nextBoolean() : weekend);
        }
        // a long holiday now and then, as around the Spring Festival and National Day
        if (random.nextBoolean()) {
            LocalDate start = FROM.plusDays(random.nextInt(12 * 366));
            for (int i = 0; i < 8; i++) {
                exceptions.put(start.plusDays(i), false);
            }
        }
        return new WorkingCalendar(exceptions);
    }

    /** The reference: whether a day is worked, and the working days in (from, to], one day at a time. */
    private static boolean worked(Map<LocalDate, Boolean> exceptions, LocalDate d) {
        return exceptions.getOrDefault(d, d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY);
    }

    private static int countDays(Map<LocalDate, Boolean> exceptions, LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            n += worked(exceptions, d) ? 1 : 0;
        }
        return n;
    }

    private static LocalDate day(int offset) {
        return FROM.plusDays(offset);
    }

    @Test
    void workingDaysBetweenTwoDatesAreCountedAsDayByDay() {
        qt().withExamples(3000).forAll(longs().all(), integers().between(-30, 4300), integers().between(-60, 800))
                .checkAssert((seed, start, length) -> {
                    WorkingCalendar calendar = calendar(seed);
                    LocalDate from = day(start);
                    LocalDate to = from.plusDays(length);
                    assertThat(calendar.between(from, to)).as("%s → %s", from, to)
                            .isEqualTo(countDays(calendar.exceptions(), from, to));
                });
    }

    @Test
    void addingWorkingDaysLandsOnTheWorkingDayCountedThatFar() {
        qt().withExamples(2000).forAll(longs().all(), integers().between(0, 4300), integers().between(0, 60))
                .checkAssert((seed, start, n) -> {
                    WorkingCalendar calendar = calendar(seed);
                    LocalDate from = day(start);
                    LocalDate to = calendar.plus(from, n);
                    assertThat(countDays(calendar.exceptions(), from, to)).isEqualTo(n);
                    if (n > 0) {
                        assertThat(worked(calendar.exceptions(), to)).isTrue();
                        assertThat(countDays(calendar.exceptions(), from, to.minusDays(1))).isEqualTo(n - 1);
                    } else {
                        assertThat(to).isEqualTo(from);
                    }
                });
    }

    @Test
    void aHolidayTakesOneWorkingDayAndAMakeUpDayGivesOne() {
        qt().withExamples(2000).forAll(longs().all(), integers().between(0, 4000), integers().between(1, 200),
                integers().between(0, 199)).checkAssert((seed, start, length, at) -> {
                    WorkingCalendar calendar = calendar(seed);
                    LocalDate from = day(start);
                    LocalDate to = from.plusDays(length);
                    LocalDate d = from.plusDays(1 + at % length); // a day inside (from, to]
                    int before = calendar.between(from, to);
                    WorkingCalendar holiday = calendar.with(d, false);
                    WorkingCalendar workday = calendar.with(d, true);
                    assertThat(holiday.between(from, to)).isEqualTo(before - (calendar.working(d) ? 1 : 0));
                    assertThat(workday.between(from, to)).isEqualTo(before + (calendar.working(d) ? 0 : 1));
                    // outside the range, nothing changes
                    assertThat(calendar.with(to.plusDays(1), !calendar.working(to.plusDays(1))).between(from, to))
                            .isEqualTo(before);
                    assertThat(calendar.with(from, !calendar.working(from)).between(from, to)).isEqualTo(before);
                });
    }

    /** The rule as plain inequalities over the day-by-day counts. */
    private static Colour expected(Map<LocalDate, Boolean> exceptions, LocalDate start, LocalDate deadline, LocalDate today) {
        if (today.isAfter(deadline)) {
            return Colour.RED;
        }
        int total = countDays(exceptions, start, deadline);
        int left = countDays(exceptions, today, deadline);
        if (100 * left <= 15 * total) {
            return Colour.ORANGE;
        }
        return 100 * left <= 30 * total ? Colour.YELLOW : Colour.GREEN;
    }

    @Test
    void theColourFollowsTheWorkingDaysLeftOnEveryDay() {
        qt().withExamples(1500).forAll(longs().all(), integers().between(0, 4000), integers().between(0, 300),
                integers().between(-5, 320)).checkAssert((seed, start, length, on) -> {
                    WorkingCalendar calendar = calendar(seed);
                    LocalDate from = day(start);
                    LocalDate deadline = from.plusDays(length);
                    LocalDate today = from.plusDays(on);
                    assertThat(RULE.colour(calendar, from, deadline, today)).as("started %s, due %s, on %s", from, deadline, today)
                            .isEqualTo(expected(calendar.exceptions(), from, deadline, today));
                });
    }

    @Test
    void anItemIsOrangeOnItsDeadlineDayAndRedTheDayAfter() {
        qt().withExamples(1000).forAll(longs().all(), integers().between(0, 4000), integers().between(0, 300))
                .checkAssert((seed, start, length) -> {
                    WorkingCalendar calendar = calendar(seed);
                    LocalDate from = day(start);
                    LocalDate deadline = from.plusDays(length);
                    assertThat(RULE.colour(calendar, from, deadline, deadline)).isEqualTo(Colour.ORANGE);
                    assertThat(RULE.colour(calendar, from, deadline, deadline.plusDays(1))).isEqualTo(Colour.RED);
                    // however the deadline falls: on a weekend or a holiday it is still not overdue that day
                    assertThat(RULE.colour(calendar.with(deadline, false), from, deadline, deadline)).isEqualTo(Colour.ORANGE);
                });
    }

    /** The last day on which exactly {@code left} working days are left before the deadline (counting back). */
    private static LocalDate dayWithLeft(WorkingCalendar calendar, LocalDate deadline, int left) {
        LocalDate d = deadline;
        while (calendar.between(d, deadline) < left) {
            d = d.minusDays(1);
        }
        return d;
    }

    @Test
    void yellowStartsAtExactlyThirtyPercentLeftAndOrangeAtExactlyFifteen() {
        // 20 × k working days given: 30 % is 6k, 15 % is 3k, both whole numbers of days
        qt().withExamples(1000).forAll(longs().all(), integers().between(0, 4000), integers().between(1, 12))
                .checkAssert((seed, start, k) -> {
                    WorkingCalendar calendar = calendar(seed);
                    LocalDate from = day(start);
                    LocalDate deadline = calendar.plus(from, 20 * k);
                    assertThat(calendar.between(from, deadline)).isEqualTo(20 * k);

                    LocalDate yellow = dayWithLeft(calendar, deadline, 6 * k);
                    LocalDate lastGreen = dayWithLeft(calendar, deadline, 6 * k + 1);
                    assertThat(RULE.colour(calendar, from, deadline, yellow)).as("30 %% left on %s", yellow).isEqualTo(Colour.YELLOW);
                    assertThat(RULE.colour(calendar, from, deadline, lastGreen)).as("more than 30 %% left").isEqualTo(Colour.GREEN);

                    LocalDate orange = dayWithLeft(calendar, deadline, 3 * k);
                    LocalDate lastYellow = dayWithLeft(calendar, deadline, 3 * k + 1);
                    assertThat(RULE.colour(calendar, from, deadline, orange)).as("15 %% left on %s", orange).isEqualTo(Colour.ORANGE);
                    assertThat(RULE.colour(calendar, from, deadline, lastYellow)).isEqualTo(Colour.YELLOW);
                });
    }

    @Test
    void daysOffDoNotCountAndMakeUpWorkingDaysDo() {
        qt().withExamples(1500).forAll(longs().all(), integers().between(0, 4000), integers().between(1, 300),
                integers().between(1, 300)).checkAssert((seed, start, length, on) -> {
                    WorkingCalendar calendar = calendar(seed);
                    LocalDate from = day(start);
                    LocalDate deadline = from.plusDays(length);
                    LocalDate today = from.plusDays(Math.min(on, length));
                    LocalDate yesterday = today.minusDays(1);
                    int left = calendar.between(today, deadline);
                    int leftYesterday = calendar.between(yesterday, deadline);
                    if (calendar.working(today)) {
                        assertThat(leftYesterday).isEqualTo(left + 1);
                    } else {
                        // a weekend or a holiday passes without using up time: the colour stays
                        assertThat(leftYesterday).isEqualTo(left);
                        assertThat(RULE.colour(calendar, from, deadline, today))
                                .isEqualTo(RULE.colour(calendar, from, deadline, yesterday));
                    }
                    boolean weekend = today.getDayOfWeek().getValue() >= 6;
                    if (weekend && Boolean.TRUE.equals(calendar.exceptions().get(today))) {
                        assertThat(leftYesterday).as("a make-up working day counts").isEqualTo(left + 1);
                    }
                });
    }

    @Test
    void cyclesFallDueOnWorkingDaysOneAfterTheOther() {
        qt().withExamples(1500).forAll(longs().all(), integers().between(40, 4000), integers().between(0, 3),
                integers().between(0, 28 * 28 - 1)).checkAssert((seed, on, kind, fixed) -> {
                    int a = fixed / 28 + 1;
                    int b = fixed % 28 + 1;
                    WorkingCalendar calendar = calendar(seed);
                    LocalDate today = day(on);
                    Recurrence recurrence = List.of(Recurrence.MONTHLY, Recurrence.QUARTERLY, Recurrence.FIXED_DAYS,
                            Recurrence.FIXED_DAYS).get(kind);
                    List<Cycle> cycles = Cycle.currentAndNext(recurrence, List.of(a, b), today, calendar);
                    assertThat(cycles).hasSize(2);
                    Cycle current = cycles.get(0);
                    Cycle next = cycles.get(1);
                    assertThat(current.dueOn()).as("the current cycle is not yet past").isAfterOrEqualTo(today);
                    assertThat(current.startsOn()).as("and began before today").isBefore(today);
                    assertThat(next.startsOn()).isEqualTo(current.dueOn());
                    assertThat(next.dueOn()).isAfter(current.dueOn());
                    assertThat(next.key()).isGreaterThan(current.key());
                    for (Cycle c : cycles) {
                        assertThat(calendar.working(c.dueOn())).as("%s due on a working day", c).isTrue();
                        switch (recurrence) {
                            case MONTHLY -> {
                                YearMonth m = YearMonth.of(c.key() / 100, c.key() % 100);
                                assertThat(c.dueOn()).isEqualTo(calendar.lastWorkingDay(m));
                                assertThat(calendar.between(c.dueOn(), m.atEndOfMonth())).isZero();
                            }
                            case QUARTERLY -> {
                                YearMonth end = YearMonth.of(c.key() / 10, c.key() % 10 * 3);
                                assertThat(c.dueOn()).isEqualTo(calendar.lastWorkingDay(end));
                            }
                            default -> {
                                LocalDate nominal = LocalDate.of(c.key() / 10_000, c.key() / 100 % 100, c.key() % 100);
                                assertThat(nominal.getDayOfMonth()).isIn(a, b);
                                assertThat(c.dueOn()).isAfterOrEqualTo(nominal);
                                assertThat(countDays(calendar.exceptions(), nominal.minusDays(1), c.dueOn().minusDays(1)))
                                        .as("no working day between the fixed day and the due date").isZero();
                            }
                        }
                    }
                });
    }
}
