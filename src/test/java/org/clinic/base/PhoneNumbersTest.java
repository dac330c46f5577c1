package org.clinic.base;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    private final PhoneNumbers phones = new PhoneNumbers(ClinicSettings.fixed(ZoneId.of("Europe/London"), "GB"));

    @Test
    void numbers_are_stored_in_e164_and_shown_in_the_local_format() {
        assertThat(phones.toE164("020 7946 0123")).hasValue("+442079460123");
        assertThat(phones.display("+442079460123")).isEqualTo("020 7946 0123");
        assertThat(phones.display("+12125550123")).isEqualTo("+1 212-555-0123");
    }

    @Test
    void a_partly_typed_number_becomes_an_e164_prefix_for_search() {
        assertThat(phones.e164Prefix("020 79")).hasValue("+442079");
        assertThat(phones.e164Prefix("+44 20")).hasValue("+4420");
        assertThat(phones.e164Prefix("0044 20")).hasValue("+4420");
        assertThat(phones.e164Prefix("02")).isEmpty();
    }
}
