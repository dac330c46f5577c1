package org.clinic.patient;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Possible duplicates by how a name sounds and is spelt, and search by a later word of a family name. */
@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class PatientDuplicateTest {

    @Autowired
    PatientService patients;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_sound_alike_name_with_the_same_birth_date_is_flagged_and_says_why() {
        LocalDate born = uniqueBirthDate();
        PatientRecord tariq = patients.register(details("Tariq", "Nasser", born), false);

        assertThatThrownBy(() -> patients.register(details("Tarik", "Naser", born), false))
                .isInstanceOfSatisfying(PossibleDuplicate.class, duplicate -> assertThat(duplicate.candidates())
                        .singleElement().satisfies(candidate -> {
                            assertThat(candidate.id()).isEqualTo(tariq.id());
                            assertThat(candidate.reason())
                                    .isEqualTo(DuplicateCandidate.Reason.SOUNDS_ALIKE_SAME_BIRTH_DATE);
                            assertThat(candidate.why()).isEqualTo("sounds like Tariq Nasser, same date of birth");
                        }));
    }

    @Test
    void accents_do_not_hide_a_duplicate() {
        LocalDate born = uniqueBirthDate();
        PatientRecord jose = patients.register(details("José", "Müller", born), false);

        assertThat(patients.findPossibleDuplicates(details("Jose", "Muller", born), null))
                .extracting(DuplicateCandidate::id).containsExactly(jose.id());
    }

    @Test
    void an_unrelated_name_with_the_same_birth_date_is_not_flagged() {
        LocalDate born = uniqueBirthDate();
        patients.register(details("Tariq", "Nasser", born), false);

        assertThat(patients.findPossibleDuplicates(details("Omar", "Haddad", born), null)).isEmpty();
        assertThat(patients.findPossibleDuplicates(details("Tariq", "Haddad", born), null)).isEmpty();
        assertThat(patients.findPossibleDuplicates(details("Tarik", "Naser", born.minusDays(1)), null)).isEmpty();
    }

    @Test
    void a_renamed_patient_is_found_by_the_new_name_only() {
        LocalDate born = uniqueBirthDate();
        PatientRecord patient = patients.register(details("Ngozi", "Okafor", born), false);
        patients.update(patient.id(), patient.version(), details("Ngozi", "Eze", born));

        assertThat(patients.findPossibleDuplicates(details("Ngozi", "Okafor", born), null)).isEmpty();
        assertThat(patients.findPossibleDuplicates(details("Ngozy", "Eze", born), null))
                .extracting(DuplicateCandidate::id).containsExactly(patient.id());
    }

    @Test
    void a_corrected_birth_date_moves_the_sound_alike_match_with_it() {
        LocalDate wrong = uniqueBirthDate();
        LocalDate right = wrong.plusDays(1);
        PatientRecord patient = patients.register(details("Tariq", "Nasser", wrong), false);
        patients.update(patient.id(), patient.version(), details("Tariq", "Nasser", right));

        assertThat(patients.findPossibleDuplicates(details("Tarik", "Naser", wrong), null)).isEmpty();
        assertThat(patients.findPossibleDuplicates(details("Tarik", "Naser", right), null))
                .extracting(DuplicateCandidate::id).containsExactly(patient.id());
    }

    @Test
    void a_name_key_cannot_carry_another_birth_date_than_its_patient() {
        LocalDate born = uniqueBirthDate();
        PatientRecord patient = patients.register(details("Amani", "Mwangi", born), false);
        // also when the birth date is changed by SQL, behind the service's back: the key table follows
        jdbc.sql("UPDATE patient SET birth_date = :date WHERE public_id = :id")
                .param("date", born.minusDays(3)).param("id", patient.id().toString()).update();

        assertThat(jdbc.sql("SELECT DISTINCT k.birth_date FROM patient_name_key k JOIN patient p ON p.id = k.patient_id"
                        + " WHERE p.public_id = :id").param("id", patient.id().toString())
                .query(LocalDate.class).list()).containsExactly(born.minusDays(3));
        assertThatThrownBy(() -> jdbc.sql("UPDATE patient_name_key SET birth_date = :date WHERE patient_id ="
                        + " (SELECT id FROM patient WHERE public_id = :id)")
                .param("date", born).param("id", patient.id().toString()).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void search_finds_a_later_word_of_a_family_name_with_or_without_accents() {
        String later = "López" + TestPatients.uniqueName().toLowerCase();
        PatientRecord ana = patients.register(details("Ana", "García " + later, uniqueBirthDate()), false);
        String plain = later.replace("ó", "o");

        assertThat(patients.search(later, 0, 50)).extracting(PatientSummary::id).containsExactly(ana.id());
        assertThat(patients.search(plain.toUpperCase(), 0, 50)).extracting(PatientSummary::id).containsExactly(ana.id());
        assertThat(patients.search(plain + " an", 0, 50)).extracting(PatientSummary::id).containsExactly(ana.id());
        assertThat(patients.search("García " + plain, 0, 50)).extracting(PatientSummary::id).containsExactly(ana.id());
    }

    @Test
    void patients_without_keys_get_them_from_the_backfill_which_can_run_again() {
        LocalDate born = uniqueBirthDate();
        PatientRecord patient = patients.register(details("Søren", "Lindqvist", born), false);
        jdbc.sql("DELETE FROM patient_name_key WHERE patient_id = (SELECT id FROM patient WHERE public_id = :id)")
                .param("id", patient.id().toString()).update();
        jdbc.sql("UPDATE patient SET name_keys_version = 0 WHERE public_id = :id")
                .param("id", patient.id().toString()).update();
        assertThat(patients.findPossibleDuplicates(details("Soren", "Lindkvist", born), null)).isEmpty();

        org.clinic.security.SystemAuthentication.runAs(org.clinic.security.Role.ADMIN, () -> {
            assertThat(patients.writeMissingNameKeys()).isGreaterThanOrEqualTo(1);
            assertThat(patients.writeMissingNameKeys()).isZero();
        });

        assertThat(patients.findPossibleDuplicates(details("Soren", "Lindkvist", born), null))
                .extracting(DuplicateCandidate::id).containsExactly(patient.id());
    }

    private static PatientDetails details(String given, String family, LocalDate born) {
        return new PatientDetails(given, family, born, false, Sex.MALE, null, null, null);
    }

    /** A birth date no other test is likely to use, so sound-alike names from other tests stay out of the way. */
    private static LocalDate uniqueBirthDate() {
        return LocalDate.of(1930, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 75));
    }
}
