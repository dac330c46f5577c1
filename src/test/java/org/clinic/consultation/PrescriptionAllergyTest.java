package org.clinic.consultation;

import org.clinic.TestClock;
import org.clinic.appointment.AppointmentService;
import org.clinic.base.RuleViolation;
import org.clinic.clinical.AllergyService;
import org.clinic.clinical.RecordAllergy;
import org.clinic.clinical.Severity;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinic.consultation.ConsultationFixtures.as;

/** A prescription against an active allergy: a draft keeps it, completing needs the reason, and the reason is kept. */
@SpringBootTest
class PrescriptionAllergyTest {

    @Autowired
    ConsultationService consultations;
    @Autowired
    AllergyService allergies;
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
    private Consultation started;

    @BeforeEach
    void aPatientWithAPenicillinAllergyInTheRoom() {
        var fixtures = new ConsultationFixtures(accounts, doctors, patients, appointments, queue, clock);
        clock.setTimeOfDay(LocalTime.of(8, 0)); // before the 9:00 calls of the queue's display tests
        doctor = fixtures.doctor();
        var arrival = fixtures.checkedIn(doctor, LocalTime.of(8, 15));
        patient = arrival.patientId();
        started = asDoctor(() -> consultations.start(arrival.entryId()));
        asDoctor(() -> allergies.record(new RecordAllergy(patient, "Penicillins", "anaphylaxis", Severity.SEVERE)));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_draft_may_hold_the_line_but_completing_without_a_reason_is_refused_at_that_line() {
        ConsultationContent amoxicillin = prescribing(null);
        SavedDraft saved = asDoctor(() -> consultations.saveDraft(started.id(), started.version(), amoxicillin));

        assertThatThrownBy(() -> asDoctor(() -> consultations.complete(started.id(), saved.version(), amoxicillin)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.field()).isEqualTo("prescription.2.allergyOverride");
                    assertThat(v.getMessage()).contains("Allergy: Penicillins — severe, anaphylaxis")
                            .contains("Give the reason to prescribe Amoxicillin anyway");
                });

        assertThat(status()).isEqualTo("DRAFT");
        assertThat(overrides()).isEmpty();
    }

    @Test
    void completing_with_a_reason_locks_it_on_the_line_and_records_it_in_the_allergy_history() {
        ConsultationContent amoxicillin = prescribing("Rash only as a child; tolerated amoxicillin in 2024");

        Consultation done = asDoctor(() -> consultations.complete(started.id(), started.version(), amoxicillin));

        assertThat(done.content().prescription()).filteredOn(l -> "Amoxicillin".equals(l.medicine())).singleElement()
                .satisfies(l -> assertThat(l.allergyOverride()).startsWith("Rash only as a child"));
        assertThat(overrides()).containsExactly(doctor.staffUsername() + " · Amoxicillin · Rash only as a child;"
                + " tolerated amoxicillin in 2024 · Allergy: Penicillins — severe, anaphylaxis");
    }

    /** Paracetamol, a blank line the form left, then amoxicillin (index 2, as the form numbers its lines). */
    private static ConsultationContent prescribing(String reason) {
        ConsultationContent sample = ConsultationFixtures.sample();
        return new ConsultationContent(sample.vitals(), sample.chiefComplaint(), sample.history(),
                sample.examination(), sample.diagnosis(), sample.diagnosisCode(), List.of(
                sample.prescription().getFirst(), PrescriptionLine.empty(),
                new PrescriptionLine("Amoxicillin", "500 mg", "1 capsule", "three times a day", "7 days", "21 capsules",
                        null, reason)), sample.advice(), null, null);
    }

    private String status() {
        return jdbc.sql("SELECT status FROM consultation WHERE public_id = :id").param("id", started.id().toString())
                .query(String.class).single();
    }

    private List<String> overrides() {
        return jdbc.sql("SELECT CONCAT(changed_by, ' · ', medicine, ' · ', reason, ' · ', summary)"
                        + " FROM clinical_safety_change WHERE action = 'OVERRIDDEN' AND consultation_public_id = :c")
                .param("c", started.id().toString()).query(String.class).list();
    }

    private <T> T asDoctor(Supplier<T> work) {
        return as(doctor.staffUsername(), Role.DOCTOR, work);
    }
}
