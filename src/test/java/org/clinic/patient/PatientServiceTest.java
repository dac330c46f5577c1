package org.clinic.patient;

import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinic.patient.TestPatients.details;
import static org.clinic.patient.TestPatients.uniqueName;
import static org.clinic.patient.TestPatients.uniquePhone;
import static org.clinic.patient.TestPatients.withPhone;

@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class PatientServiceTest {

    @Autowired
    PatientService patients;
    @Autowired
    JdbcClient jdbc;

    @Test
    void registering_assigns_a_valid_mrn_and_a_public_id_and_records_who_registered() {
        PatientRecord patient = patients.register(details(), false);

        assertThat(Mrn.isValid(patient.mrn())).isTrue();
        assertThat(patient.status()).isEqualTo(PatientStatus.ACTIVE);
        assertThat(patients.history(patient.id())).singleElement().satisfies(entry -> {
            assertThat(entry.changedBy()).isEqualTo("grace");
            assertThat(entry.field()).isEqualTo("Registered");
        });
    }

    @Test
    void an_age_without_a_date_is_stored_as_an_estimated_birth_date() {
        LocalDate estimated = LocalDate.now().minusYears(40).withDayOfYear(1);
        PatientRecord patient = patients.register(new PatientDetails("Juma", uniqueName(), estimated, true,
                Sex.MALE, null, null, null), false);

        assertThat(patients.get(patient.id()).birthDateEstimated()).isTrue();
        assertThat(patients.get(patient.id()).birthDate()).isEqualTo(estimated);
    }

    @Test
    void the_same_phone_number_is_flagged_and_needs_confirmation_but_a_family_may_share_it() {
        String phone = uniquePhone();
        PatientRecord mother = patients.register(withPhone(details("Amani", uniqueName()), phone), false);
        PatientDetails child = withPhone(details("Baraka", uniqueName()), "0113 496 " + phone.substring(9));

        assertThatThrownBy(() -> patients.register(child, false))
                .isInstanceOfSatisfying(PossibleDuplicate.class, duplicate -> assertThat(duplicate.candidates())
                        .singleElement().satisfies(candidate -> {
                            assertThat(candidate.id()).isEqualTo(mother.id());
                            assertThat(candidate.reason()).isEqualTo(DuplicateCandidate.Reason.SAME_PHONE);
                        }));

        assertThat(patients.register(child, true).phone()).isEqualTo(phone);
    }

    @Test
    void the_same_name_and_birth_date_is_flagged_whatever_the_accents_and_case() {
        String family = "Müller" + uniqueName().toLowerCase();
        patients.register(details("José", family), false);

        var duplicates = patients.findPossibleDuplicates(details("jose", family.replace("ü", "u").toUpperCase()), null);

        assertThat(duplicates).singleElement().extracting(DuplicateCandidate::reason)
                .isEqualTo(DuplicateCandidate.Reason.SAME_NAME_AND_BIRTH_DATE);
    }

    @Test
    void bad_input_changes_nothing() {
        long before = countPatients();

        assertThatThrownBy(() -> patients.register(new PatientDetails("<script>alert(1)</script>", "x",
                LocalDate.now().plusDays(3), false, null, "12", "nope", null), false))
                .isInstanceOf(RuleViolation.class);

        assertThat(countPatients()).isEqualTo(before);
    }

    @Test
    void every_change_is_recorded_field_by_field() {
        PatientRecord patient = patients.register(details(), false);
        PatientDetails changed = withPhone(new PatientDetails("Annabel", patient.familyName(), patient.birthDate(),
                false, Sex.FEMALE, null, null, null), "020 7946 0111");

        patients.update(patient.id(), patient.version(), changed);

        assertThat(patients.history(patient.id()))
                .extracting(PatientChangeEntry::field, PatientChangeEntry::oldValue, PatientChangeEntry::newValue)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("Given name", "Anna", "Annabel"),
                        org.assertj.core.groups.Tuple.tuple("Phone", null, "+442079460111"));
    }

    @Test
    void an_edit_based_on_a_stale_version_is_refused_instead_of_overwriting() {
        PatientRecord patient = patients.register(details(), false);
        patients.update(patient.id(), patient.version(), details("Berta", patient.familyName()));

        assertThatThrownBy(() -> patients.update(patient.id(), patient.version(), details("Clara", patient.familyName())))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("Someone else changed");
        assertThat(patients.get(patient.id()).givenName()).isEqualTo("Berta");
    }

    @Test
    void deactivating_and_reactivating_are_recorded_and_not_repeatable() {
        PatientRecord patient = patients.register(details(), false);

        assertThat(patients.deactivate(patient.id()).status()).isEqualTo(PatientStatus.INACTIVE);
        assertThatThrownBy(() -> patients.deactivate(patient.id())).isInstanceOf(RuleViolation.class);
        assertThat(patients.reactivate(patient.id()).status()).isEqualTo(PatientStatus.ACTIVE);
        assertThat(patients.history(patient.id())).extracting(PatientChangeEntry::newValue)
                .contains("Inactive", "Active");
    }

    @Test
    void an_unknown_id_is_not_found() {
        assertThatThrownBy(() -> patients.get(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void search_finds_by_either_name_order_ignoring_case_and_accents() {
        String family = "Çelik" + uniqueName().toLowerCase();
        PatientRecord patient = patients.register(details("Zoë", family), false);
        String plain = family.replace("Ç", "C").toLowerCase();

        assertThat(patients.search(plain.substring(0, 7), 0, 50)).extracting(PatientSummary::id).contains(patient.id());
        assertThat(patients.search("zoe " + plain, 0, 50)).extracting(PatientSummary::id).containsExactly(patient.id());
        assertThat(patients.search(plain + ", ZOE", 0, 50)).extracting(PatientSummary::id).containsExactly(patient.id());
    }

    @Test
    void search_finds_by_phone_in_any_common_format_and_by_mrn() {
        String phone = uniquePhone();
        PatientRecord patient = patients.register(withPhone(details(), phone), false);
        String national = "0113 496 " + phone.substring(9);

        assertThat(patients.search(national, 0, 50)).extracting(PatientSummary::id).contains(patient.id());
        assertThat(patients.search("+44 113 496 " + phone.substring(9), 0, 50)).extracting(PatientSummary::id)
                .contains(patient.id());
        assertThat(patients.search(Mrn.display(patient.mrn()), 0, 50)).extracting(PatientSummary::id)
                .containsExactly(patient.id());
    }

    @Test
    void search_pages_through_results_in_a_stable_order_without_repeating_a_patient() {
        String family = uniqueName();
        for (String given : new String[]{"Ada", "Bea", "Cleo", "Dora", "Eva"}) {
            patients.register(details(given, family), false);
        }
        // "Qx..." matches both "family given" and, for nobody, "given family": each patient once.
        var firstPage = patients.search(family, 0, 2);
        var secondPage = patients.search(family, 2, 2);
        var thirdPage = patients.search(family, 4, 2);

        assertThat(firstPage).extracting(PatientSummary::givenName).containsExactly("Ada", "Bea");
        assertThat(secondPage).extracting(PatientSummary::givenName).containsExactly("Cleo", "Dora");
        assertThat(thirdPage).extracting(PatientSummary::givenName).containsExactly("Eva");
    }

    @Test
    void search_treats_sql_and_like_metacharacters_as_text() {
        assertThat(patients.search("%", 0, 10)).isEmpty();
        assertThat(patients.search("_", 0, 10)).isEmpty();
        assertThat(patients.search("' OR 1=1 --", 0, 10)).isEmpty();
        assertThat(patients.search("x".repeat(10_000), 0, 10)).isEmpty();
    }

    @Test
    @WithMockUser(roles = "DOCTOR")
    void doctors_may_look_patients_up_but_not_register_them() {
        assertThat(patients.search("", 0, 5)).isNotNull();
        assertThatThrownBy(() -> patients.register(details(), false)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(roles = "DISPLAY")
    void a_waiting_room_display_cannot_read_patients() {
        assertThatThrownBy(() -> patients.search("", 0, 5)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_database_refuses_what_the_service_would_refuse() {
        String insert = "INSERT INTO patient (public_id, mrn, given_name, family_name, search_family_first,"
                + " search_given_first, birth_date, sex, status, registered_at)"
                + " VALUES (UUID(), :mrn, :given, 'Valid', 'valid', 'valid', '1980-01-01', :sex, 'ACTIVE', NOW())";
        assertThatThrownBy(() -> jdbc.sql(insert).param("mrn", "99999990").param("given", "A").param("sex", "FEMALE").update())
                .hasMessageContaining("ck_patient_given_name");
        assertThatThrownBy(() -> jdbc.sql(insert).param("mrn", "99999992").param("given", "\u0301\u0301")
                .param("sex", "FEMALE").update())
                .hasMessageContaining("ck_patient_given_name");
        assertThatThrownBy(() -> jdbc.sql(insert).param("mrn", "99999991").param("given", "Anna").param("sex", "ROBOT").update())
                .hasMessageContaining("ck_patient_sex");
        PatientRecord patient = patients.register(details(), false);
        assertThatThrownBy(() -> jdbc.sql("UPDATE patient SET phone = '0207946' WHERE public_id = :id")
                .param("id", patient.id().toString()).update())
                .hasMessageContaining("ck_patient_phone");
    }

    private long countPatients() {
        return jdbc.sql("SELECT COUNT(*) FROM patient").query(Long.class).single();
    }
}
