package org.clinic.consultation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;

class MedicationCourseTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @ParameterizedTest
    @CsvSource({
            "7 days, 7", "1 day, 1", "10 Days, 10", "for 5 days, 5", "x5 days, 5", "5d, 5", "2 weeks, 14",
            "1 week, 7", "one week, 7", "2 wks, 14", "5/7, 5", "2/52, 14", "stat, 1", "once, 1", "single dose, 1",
            "'  7   days ', 7", "14 days course, 14", "a week, 7"})
    void durations_in_days_and_weeks_are_read(String duration, int days) {
        assertThat(MedicationCourse.length(duration)).contains(Period.ofDays(days));
    }

    @ParameterizedTest
    @CsvSource({"1 month, 1", "3 months, 3", "3 mths, 3", "3/12, 3", "six months, 6", "12 months, 12"})
    void durations_in_months_are_read(String duration, int months) {
        assertThat(MedicationCourse.length(duration)).contains(Period.ofMonths(months));
    }

    @Test
    void a_year_is_read_too() {
        assertThat(MedicationCourse.length("1 year")).contains(Period.ofYears(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ongoing", "long term", "continue", "until review", "as needed", "0 days", "", "  ",
            "7", "days", "7 days then 3 days", "1-2 weeks"})
    void durations_that_name_no_end_are_not_read(String duration) {
        assertThat(MedicationCourse.length(duration)).isEmpty();
    }

    @Test
    void a_seven_day_course_runs_from_the_visit_through_the_seventh_day() {
        MedicationCourse course = MedicationCourse.of("7 days", MONDAY);
        assertThat(course.assumed()).isFalse();
        assertThat(course.lastDay()).isEqualTo(LocalDate.of(2026, 12, 13));
        assertThat(course.currentOn(MONDAY)).isTrue();
        assertThat(course.currentOn(LocalDate.of(2026, 12, 13))).isTrue();
        assertThat(course.currentOn(LocalDate.of(2026, 12, 14))).isFalse();
        assertThat(course.currentOn(MONDAY.minusDays(1))).isFalse();
    }

    @Test
    void a_month_ends_the_day_before_the_same_date_next_month() {
        assertThat(MedicationCourse.of("1 month", MONDAY).lastDay()).isEqualTo(LocalDate.of(2027, 1, 6));
        assertThat(MedicationCourse.of("3 months", MONDAY).lastDay()).isEqualTo(LocalDate.of(2027, 3, 6));
    }

    @Test
    void an_ongoing_or_unreadable_duration_counts_for_ninety_days_and_says_it_is_assumed() {
        for (String duration : new String[]{"ongoing", "long term", "take as directed", null}) {
            MedicationCourse course = MedicationCourse.of(duration, MONDAY);
            assertThat(course.assumed()).as(duration).isTrue();
            assertThat(course.lastDay()).isEqualTo(MONDAY.plusDays(89));
            assertThat(course.currentOn(MONDAY.plusDays(89))).isTrue();
            assertThat(course.currentOn(MONDAY.plusDays(90))).isFalse();
        }
    }
}
