package org.yishi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yishi.YishiIntegrationTest;

/**
 * The State Council's arrangements ship with the application: on a fresh database the calendar already knows the
 * holidays and make-up working days of 2023–2026, as the notices published them.
 */
@YishiIntegrationTest("yishi.demo-data=off")
class ShippedHolidaysIntegrationTests {

    @Autowired
    HolidayCalendar holidays;

    @Test
    void the2024SpringFestivalAndNationalDayAreAsTheNoticeOfOctober2023PublishedThem() {
        WorkingCalendar calendar = holidays.calendar();
        LocalDate sunday = LocalDate.of(2024, 2, 4);
        assertThat(sunday.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(calendar.working(sunday)).as("2024-02-04, a Sunday, was worked").isTrue();
        assertThat(calendar.working(LocalDate.of(2024, 2, 18))).as("2024-02-18, a Sunday, was worked").isTrue();
        for (int d = 10; d <= 17; d++) {
            assertThat(calendar.working(LocalDate.of(2024, 2, d))).as("2024-02-%d, Spring Festival", d).isFalse();
        }
        for (int d = 1; d <= 7; d++) {
            assertThat(calendar.working(LocalDate.of(2024, 10, d))).as("2024-10-0%d, National Day", d).isFalse();
        }
        assertThat(calendar.working(LocalDate.of(2024, 9, 29))).as("Sunday before National Day, worked").isTrue();
        assertThat(calendar.working(LocalDate.of(2024, 10, 12))).as("Saturday after National Day, worked").isTrue();
        assertThat(calendar.working(LocalDate.of(2024, 10, 8))).as("an ordinary Tuesday").isTrue();
        assertThat(calendar.working(LocalDate.of(2024, 10, 13))).as("an ordinary Sunday").isFalse();
    }

    @Test
    void everyShippedYearHasItsHolidaysAndOnlyWeekendMakeUpDays() {
        WorkingCalendar calendar = holidays.calendar();
        assertThat(calendar.working(LocalDate.of(2023, 1, 2))).as("New Year 2023, a Monday").isFalse();
        assertThat(calendar.working(LocalDate.of(2023, 10, 7))).as("2023-10-07, a Saturday, worked").isTrue();
        assertThat(calendar.working(LocalDate.of(2025, 2, 4))).as("Spring Festival 2025 ends on a Tuesday").isFalse();
        assertThat(calendar.working(LocalDate.of(2025, 10, 8))).as("National Day 2025 lasts eight days").isFalse();
        assertThat(calendar.working(LocalDate.of(2026, 2, 23))).as("Spring Festival 2026 ends on a Monday").isFalse();
        assertThat(calendar.working(LocalDate.of(2026, 2, 28))).as("2026-02-28, a Saturday, worked").isTrue();
        assertThat(calendar.working(LocalDate.of(2026, 1, 4))).as("2026-01-04, a Sunday, worked").isTrue();
        for (int year = 2023; year <= 2026; year++) {
            var days = holidays.year(year);
            assertThat(days).as("%d shipped", year).isNotEmpty();
            for (CalendarDay day : days) {
                boolean weekend = day.day().getDayOfWeek().getValue() >= 6;
                assertThat(day.working()).as("%s: a weekday recorded is a holiday, a weekend one a make-up day", day.day())
                        .isEqualTo(weekend);
            }
        }
    }
}
