package org.clinic.base;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClinicIdentityTest {

    @Test
    void an_address_written_on_one_line_prints_a_line_per_comma() {
        assertThat(ClinicIdentity.lines("12 River Street, London SE1 7PB"))
                .containsExactly("12 River Street", "London SE1 7PB");
        assertThat(ClinicIdentity.lines("Unit 4; Mill Lane\nLeeds LS1 4AB, ")).containsExactly("Unit 4", "Mill Lane",
                "Leeds LS1 4AB");
        assertThat(ClinicIdentity.lines("")).isEmpty();
    }

    @Test
    void a_missing_name_prints_as_clinic_and_missing_parts_print_nothing() {
        ClinicIdentity identity = new ClinicIdentity(" ", null, null);
        assertThat(identity.name()).isEqualTo("Clinic");
        assertThat(identity.addressLines()).isEmpty();
        assertThat(identity.phone()).isEmpty();
        assertThat(new ClinicIdentity("Riverside Clinic", List.of("12 River Street", " ", "London"), " 020 ").address())
                .isEqualTo("12 River Street, London");
    }

    @Test
    void a_clinic_has_no_logo_until_one_is_given_and_a_logo_is_its_bytes() {
        assertThat(new ClinicIdentity("Riverside Clinic", List.of(), "").logo()).isNull();
        ClinicLogo logo = new ClinicLogo("image/png", new byte[]{1, 2, 3}, 3, 1);
        assertThat(new ClinicIdentity("Riverside Clinic", List.of(), "", logo).logo()).isSameAs(logo);
        assertThat(logo.dataUri()).isEqualTo("data:image/png;base64,AQID");
        assertThat(logo).isEqualTo(new ClinicLogo("image/png", new byte[]{1, 2, 3}, 3, 1))
                .isNotEqualTo(new ClinicLogo("image/png", new byte[]{1, 2, 4}, 3, 1));
    }
}
