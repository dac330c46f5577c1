package org.clinic.patient;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MrnTest {

    @Test
    void a_sequence_number_gets_a_luhn_check_digit() {
        assertThat(Mrn.fromSequence(1000001)).isEqualTo("10000016");
        assertThat(Mrn.isValid("10000016")).isTrue();
    }

    @Test
    void a_single_mistyped_digit_is_detected() {
        String mrn = Mrn.fromSequence(1234567);
        for (int position = 0; position < mrn.length(); position++) {
            char original = mrn.charAt(position);
            char typo = original == '9' ? '0' : (char) (original + 1);
            String mistyped = mrn.substring(0, position) + typo + mrn.substring(position + 1);
            assertThat(Mrn.isValid(mistyped)).as(mistyped).isFalse();
        }
    }

    @Test
    void it_is_shown_in_groups_of_four_for_reading_aloud() {
        assertThat(Mrn.display("10000016")).isEqualTo("1000-0016");
        assertThat(Mrn.display("123456789")).isEqualTo("1234-5678-9");
    }
}
