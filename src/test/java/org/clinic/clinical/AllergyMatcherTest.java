package org.clinic.clinical;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Matching a prescribed medicine to allergies, by name and through the shipped classes. */
class AllergyMatcherTest {

    @Test
    void a_medicine_matches_an_allergy_by_whole_words_whatever_the_case_and_accents() {
        assertThat(match("amoxicillin", "Amoxicillin 500")).isTrue();
        assertThat(match("Amoxicillin", "AMOXICILLIN")).isTrue();
        assertThat(match("Métamizole", "metamizole 500 mg")).isTrue();
        assertThat(match("amoxicillin allergy", "Amoxicillin")).isTrue();
        assertThat(match("Amox", "Amoxicillin")).as("part of a word is not a match").isFalse();
        assertThat(match("Latex", "Paracetamol")).isFalse();
    }

    @Test
    void a_medicine_matches_an_allergy_to_its_class_or_to_another_medicine_of_it() {
        assertThat(conflicts("Penicillins", "Amoxicillin")).singleElement()
                .satisfies(c -> assertThat(c.allergyClass()).isEqualTo("Penicillins"));
        assertThat(match("penicillin", "Co-amoxiclav 625 mg")).isTrue();
        assertThat(match("Penicillins", "Flucloxacillin")).isTrue();
        assertThat(match("ampicillin", "amoxicillin")).as("same class").isTrue();
        assertThat(match("Sulfa drugs", "Co-trimoxazole 960 mg")).isTrue();
        assertThat(match("Aspirin", "Ibuprofen 400")).isTrue();
        assertThat(match("NSAIDs", "naproxen")).isTrue();
        assertThat(match("Codeine", "Tramadol")).isTrue();
        assertThat(match("Macrolides", "Clarithromycin")).isTrue();
        assertThat(match("Tetracyclines", "Doxycycline")).isTrue();
        assertThat(match("Fluoroquinolones", "Ciprofloxacin")).isTrue();
        assertThat(match("ACE inhibitors", "Ramipril 5 mg")).isTrue();
        assertThat(match("Cephalosporins", "Cefalexin")).isTrue();
        assertThat(match("Penicillins", "Clarithromycin")).isFalse();
        assertThat(match("Penicillins", "Paracetamol")).isFalse();
    }

    @Test
    void the_message_names_the_class_when_the_allergy_is_named_otherwise() {
        assertThat(conflicts("Aspirin", "Ibuprofen").getFirst().message("Ibuprofen"))
                .isEqualTo("Allergy: Aspirin — severe (Ibuprofen: same class, NSAIDs)");
        assertThat(conflicts("Penicillins", "Amoxicillin").getFirst().message("Amoxicillin"))
                .isEqualTo("Allergy: Penicillins — severe");
    }

    @Test
    void resolved_allergies_and_blank_medicines_match_nothing() {
        Allergy resolved = new Allergy(UUID.randomUUID(), "Penicillins", null, Severity.SEVERE,
                ClinicalStatus.RESOLVED, Instant.EPOCH, "x", Instant.EPOCH, "x");
        assertThat(AllergyMatcher.conflicts(List.of(resolved), "Amoxicillin")).isEmpty();
        assertThat(AllergyMatcher.conflicts(List.of(allergy("Penicillins")), " ")).isEmpty();
    }

    @Test
    void every_class_of_the_shipped_file_has_names_and_medicines() {
        assertThat(AllergyClasses.ALL).hasSizeGreaterThanOrEqualTo(9).allSatisfy(c -> {
            assertThat(c.names()).isNotEmpty();
            assertThat(c.medicines()).isNotEmpty();
        });
    }

    private static boolean match(String substance, String medicine) {
        return !conflicts(substance, medicine).isEmpty();
    }

    private static List<AllergyConflict> conflicts(String substance, String medicine) {
        return AllergyMatcher.conflicts(List.of(allergy(substance)), medicine);
    }

    private static Allergy allergy(String substance) {
        return new Allergy(UUID.randomUUID(), substance, null, Severity.SEVERE, ClinicalStatus.ACTIVE, Instant.EPOCH,
                "x", Instant.EPOCH, "x");
    }
}
