package org.clinic.consultation;

import org.clinic.appointment.AppointmentService;
import org.clinic.base.NotFoundException;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.clinic.queue.QueueService;
import org.clinic.security.AsPatient;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.clinic.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.time.LocalTime;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinic.consultation.ConsultationFixtures.sample;

/** A patient reads their own completed visits in the portal: never a draft, never another patient's. */
@SpringBootTest
class OwnVisitsTest {

    @Autowired
    OwnVisits own;
    @Autowired
    ConsultationService consultations;
    @Autowired
    ConsultationRecords records;
    @Autowired
    QueueService queue;
    @Autowired
    AppointmentService appointments;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    private DoctorSummary doctor;
    private ConsultationFixtures fixtures;

    @BeforeEach
    void morning() {
        fixtures = new ConsultationFixtures(accounts, doctors, patients, appointments, queue, clock);
        clock.setTimeOfDay(LocalTime.of(9, 0));
        doctor = fixtures.doctor();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_patient_sees_their_completed_visits_with_addenda_and_nothing_of_a_draft_or_of_others() {
        var mine = fixtures.walkIn(doctor);
        Consultation done = completed(mine);
        asDoctor(() -> consultations.addAddendum(done.id(), "Throat swab came back negative"));
        var theirs = fixtures.walkIn(doctor);
        Consultation other = completed(theirs);
        PatientReference me = reference(mine.patientId());

        var visits = asPatient(me, () -> own.visits());

        assertThat(visits).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo(done.id());
            assertThat(v.diagnosis()).isEqualTo("Acute pharyngitis");
            assertThat(v.prescription()).extracting(PrescriptionLine::medicine).containsExactly("Paracetamol");
            assertThat(v.advice()).isEqualTo("Fluids and rest");
            assertThat(v.addenda()).extracting(Consultation.Addendum::text)
                    .containsExactly("Throat swab came back negative");
            assertThat(v.doctorName()).isEqualTo(doctor.displayName());
        });
        assertThat(asPatient(me, () -> own.visit(done.id())).diagnosisCode()).isEqualTo("J02.9");
        assertThatThrownBy(() -> asPatient(me, () -> own.visit(other.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asPatient(me, () -> own.visit(UUID.randomUUID()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asPatient(me, () -> records.history(mine.patientId())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asPatient(me, () -> records.get(done.id()))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_draft_is_not_the_patients_to_read_until_it_is_completed() {
        var arrival = fixtures.walkIn(doctor);
        Consultation draft = asDoctor(() -> consultations.start(arrival.entryId()));
        asDoctor(() -> consultations.saveDraft(draft.id(), draft.version(), sample()));
        PatientReference me = reference(arrival.patientId());

        assertThat(asPatient(me, () -> own.visits())).isEmpty();
        assertThatThrownBy(() -> asPatient(me, () -> own.visit(draft.id()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void every_read_is_in_the_access_log_as_the_patients_own() {
        var mine = fixtures.walkIn(doctor);
        Consultation done = completed(mine);
        PatientReference me = reference(mine.patientId());

        asPatient(me, () -> own.visits());
        asPatient(me, () -> own.visit(done.id()));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient_access_log WHERE patient_id = ? AND staff_role = 'PATIENT'"
                + " AND what = 'PORTAL' AND reason = 'own data (portal)'").param(me.internalId()).query(Long.class).single())
                .isEqualTo(2);
    }

    private Consultation completed(ConsultationFixtures.Arrival arrival) {
        Consultation started = asDoctor(() -> consultations.start(arrival.entryId()));
        return asDoctor(() -> consultations.complete(started.id(), started.version(), sample()));
    }

    private PatientReference reference(UUID patientId) {
        return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.reference(patientId));
    }

    private <T> T asDoctor(Supplier<T> work) {
        return ConsultationFixtures.as(doctor.staffUsername(), Role.DOCTOR, work);
    }

    private static <T> T asPatient(PatientReference patient, Supplier<T> work) {
        return AsPatient.run(patient.id(), patient.internalId(), work);
    }
}
