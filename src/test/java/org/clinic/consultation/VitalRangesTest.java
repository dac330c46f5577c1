package org.clinic.consultation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Usual ranges by age band: each band's bounds for each ranged vital, and the age that picks the band. */
class VitalRangesTest {

    private static final LocalDate VISIT = LocalDate.of(2026, 12, 7);

    /** An age in the middle of each band. */
    static Age typical(AgeBand band) {
        return switch (band) {
            case NEWBORN -> Age.on(VISIT, VISIT.minusDays(10), false);
            case INFANT -> Age.on(VISIT, VISIT.minusMonths(6), false);
            case TODDLER -> Age.on(VISIT, VISIT.minusMonths(20), false);
            case PRESCHOOL -> Age.on(VISIT, VISIT.minusYears(4), false);
            case SCHOOL_AGE -> Age.on(VISIT, VISIT.minusYears(8), false);
            case PREADOLESCENT -> Age.on(VISIT, VISIT.minusYears(11), false);
            case ADOLESCENT -> Age.on(VISIT, VISIT.minusYears(15), false);
            case ADULT -> Age.on(VISIT, VISIT.minusYears(40), false);
        };
    }

    static Stream<Arguments> rangedVitalsByBand() {
        return Stream.of(Vital.PULSE, Vital.RESPIRATORY_RATE, Vital.SYSTOLIC, Vital.DIASTOLIC, Vital.TEMPERATURE,
                        Vital.SPO2)
                .flatMap(vital -> Stream.of(AgeBand.values()).map(band -> Arguments.of(vital, band)));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("rangedVitalsByBand")
    void values_on_the_bounds_are_usual_and_one_step_beyond_is_flagged_with_the_band(Vital vital, AgeBand band) {
        VitalRanges.Range usual = VitalRanges.usual(vital, band).orElseThrow();
        double step = vital.decimals() == 0 ? 1 : 0.1;
        Age age = typical(band);
        assertThat(age.band()).isEqualTo(band);
        String range = vital.usualRange(band).orElseThrow();

        assertThat(vital.flag(usual.low(), age)).isEmpty();
        assertThat(vital.flag(usual.high(), age)).isEmpty();
        if (usual.low() - step >= vital.min()) {
            assertThat(vital.flag(usual.low() - step, age))
                    .contains("Low (usual for " + band.who() + " " + range + ")");
        }
        if (usual.high() + step <= vital.max()) {
            assertThat(vital.flag(usual.high() + step, age))
                    .contains("High (usual for " + band.who() + " " + range + ")");
        }
    }

    @Test
    void the_reference_values_are_those_of_the_tables() {
        assertThat(Vital.PULSE.usualRange(AgeBand.NEWBORN)).contains("90–205 /min");
        assertThat(Vital.PULSE.usualRange(AgeBand.INFANT)).contains("90–180 /min");
        assertThat(Vital.PULSE.usualRange(AgeBand.TODDLER)).contains("80–140 /min");
        assertThat(Vital.PULSE.usualRange(AgeBand.PRESCHOOL)).contains("65–120 /min");
        assertThat(Vital.PULSE.usualRange(AgeBand.SCHOOL_AGE)).contains("58–118 /min");
        assertThat(Vital.PULSE.usualRange(AgeBand.ADOLESCENT)).contains("50–100 /min");
        assertThat(Vital.PULSE.usualRange(AgeBand.ADULT)).contains("50–100 /min");
        assertThat(Vital.RESPIRATORY_RATE.usualRange(AgeBand.INFANT)).contains("30–53 /min");
        assertThat(Vital.RESPIRATORY_RATE.usualRange(AgeBand.TODDLER)).contains("22–37 /min");
        assertThat(Vital.RESPIRATORY_RATE.usualRange(AgeBand.PRESCHOOL)).contains("20–28 /min");
        assertThat(Vital.RESPIRATORY_RATE.usualRange(AgeBand.SCHOOL_AGE)).contains("18–25 /min");
        assertThat(Vital.RESPIRATORY_RATE.usualRange(AgeBand.ADULT)).contains("12–20 /min");
        assertThat(Vital.SYSTOLIC.usualRange(AgeBand.TODDLER)).contains("72–106 mmHg");
        assertThat(Vital.DIASTOLIC.usualRange(AgeBand.TODDLER)).contains("42–63 mmHg");
        assertThat(Vital.SYSTOLIC.usualRange(AgeBand.ADULT)).contains("90–139 mmHg");
        assertThat(Vital.TEMPERATURE.usualRange(AgeBand.NEWBORN)).contains("36.5–37.5 °C");
        assertThat(Vital.TEMPERATURE.usualRange(AgeBand.TODDLER)).contains("35.5–37.9 °C");
        assertThat(Vital.WEIGHT.usualRange(AgeBand.ADULT)).isEmpty();
    }

    @Test
    void a_toddlers_pulse_of_130_is_usual_where_an_adults_is_high() {
        Age toddler = typical(AgeBand.TODDLER);
        Age adult = typical(AgeBand.ADULT);

        assertThat(Vital.PULSE.flag(130, toddler)).isEmpty();
        assertThat(Vital.PULSE.flag(130, adult)).contains("High (usual for an adult 50–100 /min)");
        assertThat(Vital.PULSE.flag(150, toddler)).contains("High (usual for a toddler 80–140 /min)");
        assertThat(Vital.RESPIRATORY_RATE.flag(30, toddler)).isEmpty();
        assertThat(Vital.SYSTOLIC.flag(95, toddler)).isEmpty();
        assertThat(Vital.WEIGHT.flag(12.0, toddler)).isEmpty();
    }

    @Test
    void an_implausible_value_is_refused_not_flagged() {
        assertThat(Vital.PULSE.flag(300, typical(AgeBand.NEWBORN))).isEmpty();
        assertThat(Vital.PULSE.problem(300)).isPresent();
    }

    @Test
    void the_age_on_the_day_picks_the_band_at_each_boundary() {
        LocalDate born = LocalDate.of(2020, 1, 15);
        List<Object[]> cases = List.of(
                new Object[]{born, AgeBand.NEWBORN},
                new Object[]{born.plusDays(28), AgeBand.NEWBORN},
                new Object[]{born.plusDays(29), AgeBand.INFANT},
                new Object[]{born.plusYears(1).minusDays(1), AgeBand.INFANT},
                new Object[]{born.plusYears(1), AgeBand.TODDLER},
                new Object[]{born.plusYears(3).minusDays(1), AgeBand.TODDLER},
                new Object[]{born.plusYears(3), AgeBand.PRESCHOOL},
                new Object[]{born.plusYears(6), AgeBand.SCHOOL_AGE},
                new Object[]{born.plusYears(10), AgeBand.PREADOLESCENT},
                new Object[]{born.plusYears(13).minusDays(1), AgeBand.PREADOLESCENT},
                new Object[]{born.plusYears(13), AgeBand.ADOLESCENT},
                new Object[]{born.plusYears(18).minusDays(1), AgeBand.ADOLESCENT},
                new Object[]{born.plusYears(18), AgeBand.ADULT});
        for (Object[] c : cases) {
            assertThat(Age.on((LocalDate) c[0], born, false).band()).as("on %s", c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void ages_read_as_a_clinician_says_them() {
        LocalDate born = LocalDate.of(2025, 4, 2);
        assertThat(Age.on(born.plusDays(10), born, false).text()).isEqualTo("10 days");
        assertThat(Age.on(born.plusMonths(20).plusDays(5), born, false).text()).isEqualTo("20 months");
        assertThat(Age.on(born.plusYears(3).plusMonths(4), born, false).text()).isEqualTo("3 years 4 months");
        assertThat(Age.on(born.plusYears(7).plusMonths(4), born, false).text()).isEqualTo("7 years");
        assertThat(Age.on(born.plusYears(40), born, true).text()).isEqualTo("about 40 years");
    }

    @Test
    void a_two_year_olds_bmi_of_16_gets_no_adult_category_but_an_adults_does() {
        Age twoYearOld = Age.on(VISIT, VISIT.minusYears(2).minusMonths(1), false);
        Age adult = typical(AgeBand.ADULT);
        Age seventeen = Age.on(VISIT, VISIT.minusYears(18).plusDays(1), false);

        assertThat(ConsultationRules.bmiFlag(16.0, twoYearOld)).isEmpty();
        assertThat(ConsultationRules.bmiFlag(16.0, seventeen)).isEmpty();
        assertThat(ConsultationRules.bmiFlag(16.0, adult)).contains("Underweight (usual 18.5–24.9)");
        assertThat(ConsultationRules.bmiFlag(31.0, adult)).contains("Obese (usual 18.5–24.9)");
    }
}
