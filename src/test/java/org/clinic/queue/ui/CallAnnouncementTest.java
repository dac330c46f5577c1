package org.clinic.queue.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallAnnouncementTest {

    @Test
    void letters_are_spelt_and_numbers_lose_their_leading_zeros() {
        assertThat(CallAnnouncement.phrase("B-014", "B", "en-GB")).isEqualTo("Token B 14, room B");
        assertThat(CallAnnouncement.phrase("WG-003", "R12", "en-US")).isEqualTo("Token W G 3, room R 12");
        assertThat(CallAnnouncement.phrase("A-100", "A", "de-DE")).isEqualTo("Nummer A 100, Raum A");
        assertThat(CallAnnouncement.phrase("A-000", "", "fr-FR")).isEqualTo("Numéro A 0");
    }
}
