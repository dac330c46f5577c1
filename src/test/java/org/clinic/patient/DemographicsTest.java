package org.clinic.patient;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DemographicsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void ages_are_written_in_days_weeks_months_under_two_years_and_years_after() {
        assertThat(age(TODAY)).isEqualTo("0 days");
        assertThat(age(TODAY.minusDays(1))).isEqualTo("1 day");
        assertThat(age(TODAY.minusDays(27))).isEqualTo("27 days");
        assertThat(age(LocalDate.of(2026, 11, 8))).isEqualTo("4 weeks");
        assertThat(age(TODAY.minusMonths(1))).isEqualTo("1 month");
        assertThat(age(TODAY.minusMonths(18))).isEqualTo("18 months");
        assertThat(age(TODAY.minusMonths(24).plusDays(1))).isEqualTo("23 months");
        assertThat(age(TODAY.minusYears(2))).isEqualTo("2 years");
        assertThat(age(LocalDate.of(1984, 3, 12))).isEqualTo("42 years");
    }

    @Test
    void an_estimated_date_of_birth_gives_an_approximate_age() {
        assertThat(new Demographics(UUID.randomUUID(), LocalDate.of(1960, 1, 1), true, Sex.MALE).ageOn(TODAY))
                .isEqualTo("about 66 years");
    }

    private static String age(LocalDate born) {
        return new Demographics(UUID.randomUUID(), born, false, Sex.FEMALE).ageOn(TODAY);
    }
}
