package org.clinic.visit;

import org.clinic.base.VisitCodes;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VisitCodesTest {

    @Test
    void visit_codes_are_url_safe_144_bit_values_that_do_not_repeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = VisitCodes.newVisitCode();
            assertThat(code).matches("[A-Za-z0-9_-]{24}");
            assertThat(seen.add(code)).isTrue();
        }
    }

    @Test
    void booking_codes_use_no_look_alike_characters() {
        for (int i = 0; i < 2_000; i++) {
            assertThat(VisitCodes.newBookingCode()).hasSize(7).doesNotContainPattern("[01OIL]")
                    .matches("[" + VisitCodes.BOOKING_ALPHABET + "]+");
        }
    }

    @Test
    void a_typed_booking_code_is_read_in_upper_case_without_spaces_or_dashes() {
        assertThat(VisitCodes.bookingCode(" k7m-4qx t ")).isEqualTo("K7M4QXT");
        assertThat(VisitCodes.bookingCode("K7M4QX")).isNull();
        assertThat(VisitCodes.bookingCode("K7M4QX0")).isNull(); // 0 is not in the alphabet
    }

    @Test
    void a_scanner_may_type_the_whole_link_or_the_bare_code() {
        String code = VisitCodes.newVisitCode();
        assertThat(VisitCodes.visitCodeIn("https://clinic.example.org/visit/" + code)).isEqualTo(code);
        assertThat(VisitCodes.visitCodeIn("http://localhost:8080/visit/" + code + "?x=1")).isEqualTo(code);
        assertThat(VisitCodes.visitCodeIn(code)).isEqualTo(code);
        assertThat(VisitCodes.visitCodeIn("https://clinic.example.org/visit/short")).isNull();
        assertThat(VisitCodes.visitCodeIn("K7M4QXT")).isNull();
    }
}
