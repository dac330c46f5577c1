package org.clinic.clinical;

import org.clinic.TestClock;
import org.clinic.appointment.AppointmentService;
import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.consultation.ConsultationFixtures;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.queue.QueueService;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinic.consultation.ConsultationFixtures.as;

/** Allergies, alerts and problems through their services: every rule, who may see and change what, the log. */
@SpringBootTest
class SafetyServiceTest {

    @Autowired
    AllergyService allergies;
    @Autowired
    CareAlertService alerts;
    @Autowired
    ProblemListService problems;
    @Autowired
    SafetyRecords records;
    @Autowired
    AllergyCheck check;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    AppointmentService appointments;
    @Autowired
    QueueService queue;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    private DoctorSummary doctor;
    private UUID patient;

    @BeforeEach
    void aPatientInTheDoctorsCare() {
        var fixtures = new ConsultationFixtures(accounts, doctors, patients, appointments, queue, clock);
        clock.setTimeOfDay(LocalTime.of(8, 0)); // before the 9:00 calls of the queue's display tests
        doctor = fixtures.doctor();
        patient = booked(fixtures);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_patient_not_asked_yet_is_not_the_same_as_one_without_known_allergies() {
        assertThat(asDoctor(() -> records.of(patient)).allergyStatus()).isEqualTo(AllergyStatus.UNKNOWN);

        asDoctor(() -> allergies.noKnownAllergies(patient));

        PatientSafety safety = asDoctor(() -> records.of(patient));
        assertThat(safety.allergyStatus()).isEqualTo(AllergyStatus.NO_KNOWN);
        assertThat(safety.allergies()).isEmpty();
        assertThat(history()).containsExactly("ALLERGY_STATUS NO_KNOWN");
    }

    @Test
    void recording_an_allergy_keeps_who_and_when_and_the_status_follows_the_active_rows() {
        asDoctor(() -> allergies.noKnownAllergies(patient));
        UUID id = asDoctor(() -> allergies.record(new RecordAllergy(patient, "  Penicillins ", "Anaphylaxis",
                Severity.SEVERE)));

        PatientSafety safety = asDoctor(() -> records.of(patient));
        assertThat(safety.allergyStatus()).isEqualTo(AllergyStatus.HAS_ALLERGIES);
        assertThat(safety.activeAllergies()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(id);
            assertThat(a.summary()).isEqualTo("Penicillins — severe, Anaphylaxis");
            assertThat(a.recordedBy()).isEqualTo(doctor.staffUsername());
            assertThat(a.recordedAt()).isBeforeOrEqualTo(clock.instant()).isAfter(clock.instant().minusSeconds(60));
        });

        asDoctor(() -> allergies.resolve(id));

        safety = asDoctor(() -> records.of(patient));
        assertThat(safety.activeAllergies()).isEmpty();
        assertThat(safety.allergies()).singleElement().satisfies(a -> assertThat(a.status())
                .isEqualTo(ClinicalStatus.RESOLVED));
        assertThat(safety.allergyStatus()).as("asked again, not 'no known allergies'").isEqualTo(AllergyStatus.UNKNOWN);
        assertThat(history()).containsExactly("ALLERGY_STATUS NO_KNOWN", "ALLERGY RECORDED", "ALLERGY RESOLVED",
                "ALLERGY_STATUS UNKNOWN");
    }

    @Test
    void bad_allergies_are_refused_at_their_fields_and_write_nothing() {
        assertRefused(() -> allergies.record(new RecordAllergy(patient, "   ", null, Severity.MILD)), "substance");
        assertRefused(() -> allergies.record(new RecordAllergy(patient, "Latex", null, null)), "severity");
        assertRefused(() -> allergies.record(new RecordAllergy(patient, "Latex", "x".repeat(301), Severity.MILD)),
                "reaction");
        asDoctor(() -> allergies.record(new RecordAllergy(patient, "Penicillin", "Rash", Severity.MODERATE)));
        assertThatThrownBy(() -> asDoctor(() -> allergies.record(new RecordAllergy(patient, "PÉNICILLIN", null,
                Severity.SEVERE))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.field()).isEqualTo("substance");
                    assertThat(v.getMessage()).contains("Already recorded as an active allergy: Penicillin");
                });
        assertThatThrownBy(() -> asDoctor(() -> allergies.noKnownAllergies(patient)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("allergyStatus"));

        assertThat(asDoctor(() -> records.of(patient)).allergies()).hasSize(1);
        assertThat(history()).containsExactly("ALLERGY RECORDED");
    }

    @Test
    void the_database_refuses_what_the_service_refuses() {
        long p = internalId();
        jdbc.sql("INSERT INTO allergy_status (patient_id, status, changed_at, changed_by) VALUES (:p, 'HAS_ALLERGIES',"
                + " NOW(6), 'x')").param("p", p).update();
        String insert = "INSERT INTO allergy (public_id, patient_id, substance, severity, recorded_at, recorded_by,"
                + " changed_at, changed_by) VALUES (UUID(), :p, :s, :severity, NOW(6), 'x', NOW(6), 'x')";
        jdbc.sql(insert).param("p", p).param("s", "Latex").param("severity", "MILD").update();

        assertThatThrownBy(() -> jdbc.sql(insert).param("p", p).param("s", "LATEX").param("severity", "MILD").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("uk_allergy_active_substance");
        assertThatThrownBy(() -> jdbc.sql(insert).param("p", p).param("s", " ").param("severity", "MILD").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("ck_allergy_substance");
        assertThatThrownBy(() -> jdbc.sql(insert).param("p", p).param("s", "Nuts").param("severity", "FATAL").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("ck_allergy_severity");
        assertThatThrownBy(() -> jdbc.sql("UPDATE allergy_status SET status = 'NO_KNOWN' WHERE patient_id = :p")
                .param("p", p).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("active allergies");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO problem (public_id, patient_id, code, title, onset_on,"
                        + " recorded_at, recorded_by, changed_at, changed_by) VALUES (UUID(), :p, 'I10', 'Hypertension',"
                        + " CURRENT_DATE + INTERVAL 10 DAY, NOW(6), 'x', NOW(6), 'x')").param("p", p).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("future");
    }

    @Test
    void problems_are_coded_from_the_list_begin_in_the_past_and_are_listed_once_while_active() {
        LocalDate today = LocalDate.now(clock);
        assertRefused(() -> problems.add(new RecordProblem(patient, "Z99.99", null)), "code");
        assertRefused(() -> problems.add(new RecordProblem(patient, null, null)), "code");
        assertRefused(() -> problems.add(new RecordProblem(patient, "I10", today.plusDays(1))), "onset");
        UUID id = asDoctor(() -> problems.add(new RecordProblem(patient, "I10", today.minusYears(3))));
        assertThatThrownBy(() -> asDoctor(() -> problems.add(new RecordProblem(patient, "I10", null))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.field()).isEqualTo("code");
                    assertThat(v.getMessage()).contains("Already on the problem list: I10");
                });

        assertThat(asDoctor(() -> records.of(patient)).activeProblems()).singleElement().satisfies(p -> {
            assertThat(p.label()).isEqualTo("I10 · Essential (primary) hypertension");
            assertThat(p.onset()).isEqualTo(today.minusYears(3));
        });
        asDoctor(() -> problems.resolve(id));
        asDoctor(() -> problems.add(new RecordProblem(patient, "I10", null))); // again, once the first is resolved
        assertThat(history()).containsExactly("PROBLEM RECORDED", "PROBLEM RESOLVED", "PROBLEM RECORDED");
    }

    @Test
    void receptionists_see_and_record_non_clinical_alerts_only_and_never_allergies_or_problems() {
        asDoctor(() -> allergies.record(new RecordAllergy(patient, "Latex", "Hives", Severity.MODERATE)));
        asDoctor(() -> problems.add(new RecordProblem(patient, "E11.9", null)));
        UUID clinical = asDoctor(() -> alerts.record(new RecordAlert(patient, AlertKind.OTHER, "Risk of falls", true)));
        UUID interpreter = asReception(() -> alerts.record(new RecordAlert(patient, AlertKind.INTERPRETER,
                "Portuguese", false)));

        PatientSafety seen = asReception(() -> records.of(patient));
        assertThat(seen.clinical()).isFalse();
        assertThat(seen.allergyStatus()).isNull();
        assertThat(seen.allergies()).isEmpty();
        assertThat(seen.problems()).isEmpty();
        assertThat(seen.alerts()).extracting(CareAlert::id).containsExactly(interpreter);
        assertThat(asReception(() -> records.badges(List.of(patient))).get(patient)).satisfies(b -> {
            assertThat(b.allergies()).isEmpty();
            assertThat(b.allergyStatus()).isNull();
            assertThat(b.alerts()).containsExactly("Needs an interpreter: Portuguese");
        });
        assertThat(asDoctor(() -> records.of(patient)).alerts()).hasSize(2);

        assertThatThrownBy(() -> asReception(() -> allergies.record(new RecordAllergy(patient, "Nuts", null,
                Severity.MILD)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asReception(() -> problems.add(new RecordProblem(patient, "I10", null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asReception(() -> alerts.record(new RecordAlert(patient, AlertKind.OTHER, "Epilepsy",
                true)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asReception(() -> check.conflicts(patient, "Amoxicillin")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asReception(() -> alerts.resolve(clinical))).isInstanceOf(NotFoundException.class);
        assertRefused(() -> asReception(() -> alerts.record(new RecordAlert(patient, AlertKind.INTERPRETER, " ",
                false))), "detail");
        asReception(() -> alerts.resolve(interpreter));
        assertThat(asReception(() -> records.of(patient)).activeAlerts()).isEmpty();
    }

    @Test
    void every_read_by_a_person_is_in_the_access_log() {
        asDoctor(() -> allergies.record(new RecordAllergy(patient, "Latex", null, Severity.MILD)));
        long before = reads();

        asDoctor(() -> records.of(patient));
        asReception(() -> records.of(patient));
        asDoctor(() -> records.badges(List.of(patient)));
        asDoctor(() -> records.badges(List.of(patient))); // the queue redrawn: logged once a day

        assertThat(reads() - before).isEqualTo(3);
        assertThat(jdbc.sql("SELECT CONCAT(staff_role, ' ', reason) FROM patient_access_log WHERE what = 'SAFETY'"
                        + " AND patient_public_id = :p ORDER BY id").param("p", patient.toString()).query(String.class)
                .list()).containsExactly("DOCTOR care", "RECEPTIONIST care", "DOCTOR care");
    }

    @Test
    void the_queue_gets_badges_for_all_its_patients_at_once() {
        UUID other = booked(new ConsultationFixtures(accounts, doctors, patients, appointments, queue, clock));
        asDoctor(() -> allergies.record(new RecordAllergy(patient, "Penicillins", null, Severity.SEVERE)));
        asDoctor(() -> allergies.record(new RecordAllergy(patient, "Latex", null, Severity.LIFE_THREATENING)));
        asDoctor(() -> allergies.noKnownAllergies(other));
        asReception(() -> alerts.record(new RecordAlert(other, AlertKind.WHEELCHAIR, null, false)));

        Map<UUID, SafetyBadges> badges = asDoctor(() -> records.badges(List.of(patient, other)));

        assertThat(badges.get(patient).allergies()).containsExactlyInAnyOrder("Penicillins", "Latex");
        assertThat(badges.get(patient).worstSeverity()).isEqualTo(Severity.LIFE_THREATENING);
        assertThat(badges.get(other).allergyStatus()).isEqualTo(AllergyStatus.NO_KNOWN);
        assertThat(badges.get(other).alerts()).containsExactly("Uses a wheelchair");
    }

    @Test
    void the_allergy_check_finds_matching_active_allergies_and_records_nothing_on_its_own() {
        asDoctor(() -> allergies.record(new RecordAllergy(patient, "Penicillins", "Anaphylaxis", Severity.SEVERE)));

        assertThat(asDoctor(() -> check.conflicts(patient, "Amoxicillin 500"))).singleElement()
                .satisfies(c -> assertThat(c.message("Amoxicillin")).isEqualTo(
                        "Allergy: Penicillins — severe, Anaphylaxis"));
        assertThat(asDoctor(() -> check.conflicts(patient, "Paracetamol"))).isEmpty();
    }

    @Test
    void two_doctors_recording_the_same_allergy_at_once_record_it_once() throws Exception {
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String spelling = i % 2 == 0 ? "Penicillin" : "PENICILLIN";
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        asDoctor(() -> allergies.record(new RecordAllergy(patient, spelling, null, Severity.SEVERE)));
                        return "recorded";
                    } catch (RuleViolation refused) {
                        return refused.field();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new java.util.ArrayList<>();
            for (var result : results) {
                outcomes.add(result.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsOnlyOnce("recorded").containsOnly("recorded", "substance");
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM allergy WHERE patient_id = :p AND status = 'ACTIVE'")
                .param("p", internalId()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM allergy_status WHERE patient_id = :p").param("p", internalId())
                .query(String.class).single()).isEqualTo("HAS_ALLERGIES");
    }

    private long reads() {
        return jdbc.sql("SELECT COUNT(*) FROM patient_access_log WHERE what = 'SAFETY' AND patient_public_id = :p")
                .param("p", patient.toString()).query(Long.class).single();
    }

    private List<String> history() {
        return jdbc.sql("SELECT CONCAT(item, ' ', action) FROM clinical_safety_change WHERE patient_id = :p ORDER BY id")
                .param("p", internalId()).query(String.class).list();
    }

    private long internalId() {
        return jdbc.sql("SELECT id FROM patient WHERE public_id = :p").param("p", patient.toString())
                .query(Long.class).single();
    }

    private void assertRefused(Runnable work, String field) {
        long changes = jdbc.sql("SELECT COUNT(*) FROM clinical_safety_change").query(Long.class).single();
        assertThatThrownBy(() -> asDoctor(work)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.field()).isEqualTo(field));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM clinical_safety_change").query(Long.class).single())
                .as("nothing written").isEqualTo(changes);
    }

    private <T> T asDoctor(Supplier<T> work) {
        return as(doctor.staffUsername(), Role.DOCTOR, work);
    }

    private void asDoctor(Runnable work) {
        as(doctor.staffUsername(), Role.DOCTOR, work);
    }

    private <T> T asReception(Supplier<T> work) {
        return as("grace", Role.RECEPTIONIST, work);
    }

    private void asReception(Runnable work) {
        as("grace", Role.RECEPTIONIST, work);
    }

    /**
     * A patient booked with the doctor today (a care relationship) and not checked in: no one is left waiting in
     * today's queues for the display tests that share this database.
     */
    private int nextSlot;

    private UUID booked(ConsultationFixtures fixtures) {
        UUID id = new org.clinic.appointment.TestClinic(accounts, doctors, patients).patients(1).getFirst();
        as("grace", Role.RECEPTIONIST, () -> appointments.book(new org.clinic.appointment.BookAppointment(
                UUID.randomUUID(), id, doctor.id(), java.time.LocalDate.now(clock), LocalTime.of(8, 15)
                .plusMinutes(15L * nextSlot++),
                org.clinic.appointment.AppointmentKind.NEW, "Check-up")));
        return id;
    }

}
