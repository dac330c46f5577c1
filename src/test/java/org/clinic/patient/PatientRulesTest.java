package org.clinic.patient;

import org.clinic.base.ClinicSettings;
import org.clinic.base.PhoneNumbers;
import org.clinic.base.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatientRulesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), LONDON);
    private final PatientRules rules = new PatientRules(clock,
            new PhoneNumbers(ClinicSettings.fixed(LONDON, "GB")));

    @ParameterizedTest
    @ValueSource(strings = {"Anna", "Jean-Luc", "O'Brien", "D’Angelo", "Ó Súilleabháin", "María José", "St. John",
            "محمد", "נועה", "Παπαδόπουλος", "Иванова", "प्रिया", "Nguyễn", "王", "蓮", "김", "欧阳"})
    void real_names_in_any_script_are_accepted(String name) {
        assertThat(rules.nameProblem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "A", " b ", "<script>alert(1)</script>", "Robert'); DROP TABLE patient;--",
            "Anna 😀", "Anna\u0000", "Anna\u202Eevil", "Anna\tBell\u0007", "42", "_Anna", "%",
            "\u0301\u0301", "\u0301\u0308\u0301", "É.", "-A", ".A", "A-", "'’"})
    void malformed_names_get_a_message(String name) {
        assertThat(rules.nameProblem(name)).isPresent();
    }

    @Test
    void a_name_made_of_accents_alone_is_refused_with_what_is_missing() {
        assertThat(rules.nameProblem("\u0301\u0301\u0301")).contains("At least 2 letters");
        assertThat(rules.nameProblem("E\u0301mile")).isEmpty(); // decomposed accents on letters are fine
    }

    @Test
    void a_name_of_ten_thousand_characters_is_refused_with_its_length() {
        assertThat(rules.nameProblem("a".repeat(10_000))).hasValueSatisfying(m -> assertThat(m).contains("100"));
    }

    @Test
    void a_hundred_characters_is_the_longest_name() {
        assertThat(rules.nameProblem("a".repeat(100))).isEmpty();
        assertThat(rules.nameProblem("a".repeat(101))).isPresent();
    }

    @Test
    void birth_dates_are_neither_in_the_future_nor_over_150_years_ago() {
        LocalDate today = LocalDate.of(2026, 11, 22);
        assertThat(rules.birthDateProblem(today)).isEmpty();
        assertThat(rules.birthDateProblem(today.plusDays(1))).isPresent();
        assertThat(rules.birthDateProblem(today.minusYears(150))).isEmpty();
        assertThat(rules.birthDateProblem(today.minusYears(151))).isPresent();
        assertThat(rules.birthDateProblem(null)).isPresent();
    }

    @Test
    void ages_run_from_0_to_150_and_give_an_estimated_birth_date() {
        assertThat(rules.ageProblem(0)).isEmpty();
        assertThat(rules.ageProblem(150)).isEmpty();
        assertThat(rules.ageProblem(-1)).isPresent();
        assertThat(rules.ageProblem(151)).isPresent();
        assertThat(rules.estimatedBirthDate(30)).isEqualTo(LocalDate.of(1996, 1, 1));
        assertThat(rules.ageOn(rules.estimatedBirthDate(30))).isEqualTo(30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"020 7946 0123", "+44 20 7946 0123", "(020) 7946-0123", "0044 20 7946 0123", "+1 212 555 0123"})
    void phone_numbers_in_common_formats_are_accepted(String phone) {
        assertThat(rules.phoneProblem(phone)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "abc", "020 7946 0123 ext <b>", "+44 20 7946 0123 0000 0000", "'; --", "0"})
    void malformed_phone_numbers_get_a_message(String phone) {
        assertThat(rules.phoneProblem(phone)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nobody", "a@b", "<x@y.org>", "two@@example.org", "space @example.org"})
    void malformed_emails_get_a_message(String email) {
        assertThat(rules.emailProblem(email)).isPresent();
    }

    @Test
    void check_cleans_the_details_and_normalises_the_phone_to_e164() {
        PatientDetails cleaned = rules.check(new PatientDetails("  Anna   Maria ", "Müller", LocalDate.of(1980, 5, 1),
                false, Sex.FEMALE, "020 7946 0123", " Anna@Example.ORG ", "  1 High Street  "));
        assertThat(cleaned.givenName()).isEqualTo("Anna Maria");
        assertThat(cleaned.phone()).isEqualTo("+442079460123");
        assertThat(cleaned.email()).isEqualTo("anna@example.org");
        assertThat(cleaned.address()).isEqualTo("1 High Street");
    }

    @Test
    void check_names_every_field_that_is_wrong() {
        assertThatThrownBy(() -> rules.check(new PatientDetails("", "<b>x</b>", LocalDate.of(2030, 1, 1), false, null,
                "nope", "nope", "x".repeat(400))))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.problems())
                        .extracting(RuleViolation.Problem::field)
                        .containsExactly("givenName", "familyName", "birthDate", "sex", "phone", "email", "address"));
    }
}
