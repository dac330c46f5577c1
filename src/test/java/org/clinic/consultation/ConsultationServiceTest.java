package org.clinic.consultation;

import org.clinic.TestClock;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.base.RuleViolation;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.queue.QueueBoards;
import org.clinic.queue.QueueService;
import org.clinic.queue.QueueStatus;
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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.test.context.support.WithMockUser;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinic.consultation.ConsultationFixtures.as;
import static org.clinic.consultation.ConsultationFixtures.sample;

@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class ConsultationServiceTest {

    @Autowired
    ConsultationService consultations;
    @Autowired
    ConsultationRecords records;
    @Autowired
    QueueService queue;
    @Autowired
    QueueBoards boards;
    @Autowired
    AppointmentService appointments;
    @Autowired
    AppointmentQueries appointmentQueries;
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

    private ConsultationFixtures fixtures;
    private DoctorSummary doctor;

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
    void starting_calls_the_patient_and_moves_the_visit_into_the_consultation_once() {
        var arrival = fixtures.checkedIn(doctor, LocalTime.of(9, 30));

        Consultation started = asDoctor(() -> consultations.start(arrival.entryId()));

        assertThat(started.status()).isEqualTo(ConsultationStatus.DRAFT);
        assertThat(started.editable()).isTrue();
        assertThat(started.appointmentId()).isEqualTo(arrival.appointmentId());
        assertThat(boards.get(arrival.entryId()).status()).isEqualTo(QueueStatus.IN_CONSULTATION);
        assertThat(boards.get(arrival.entryId()).calledAt()).isNotNull();
        assertThat(appointmentQueries.get(arrival.appointmentId()).status()).isEqualTo(AppointmentStatus.IN_CONSULTATION);
        assertThat(boards.history(arrival.entryId())).anyMatch(h -> h.contains("Call")).anyMatch(h -> h.contains("Consultation started"));
        // a second start is told, not failed
        assertThatThrownBy(() -> asDoctor(() -> consultations.start(arrival.entryId())))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("already started by " + doctor.displayName() + " at 09:0");
        assertThat(asDoctor(() -> consultations.forQueueEntry(arrival.entryId()))).contains(started.id());
    }

    @Test
    void the_database_allows_one_consultation_per_visit_and_per_appointment() {
        var arrival = fixtures.checkedIn(doctor, LocalTime.of(9, 30));
        Consultation started = asDoctor(() -> consultations.start(arrival.entryId()));
        long entry = jdbc.sql("SELECT queue_entry_id FROM consultation WHERE public_id = :id")
                .param("id", started.id().toString()).query(Long.class).single();
        long patient = jdbc.sql("SELECT patient_id FROM consultation WHERE public_id = :id")
                .param("id", started.id().toString()).query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("INSERT INTO consultation (public_id, queue_entry_id, patient_id, doctor_id,"
                        + " status, visit_date, started_at, started_by, saved_at, saved_by) VALUES (UUID(), :e, :p, :d,"
                        + " 'DRAFT', CURRENT_DATE, NOW(), 'x', NOW(), 'x')")
                .param("e", entry).param("p", patient).param("d", doctor.internalId()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("uk_consultation_queue_entry");
    }

    @Test
    void a_walk_in_in_the_doctors_queue_can_be_seen_and_a_finished_visit_cannot() {
        var walkIn = fixtures.walkIn(doctor);
        Consultation started = asDoctor(() -> consultations.start(walkIn.entryId()));
        assertThat(started.appointmentId()).isNull();
        asDoctor(() -> consultations.complete(started.id(), started.version(), sample()));

        var other = fixtures.walkIn(doctor);
        asDoctor(() -> {
            queue.start(other.entryId());
            queue.finish(other.entryId());
        });
        assertThatThrownBy(() -> asDoctor(() -> consultations.start(other.entryId())))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("is done");
    }

    @Test
    void implausible_and_malformed_vitals_are_refused_with_the_range_and_nothing_is_saved() {
        Consultation c = started();
        ConsultationContent wrong = withVitals(new Vitals(400, 80, 72, Double.NaN, 101, 16, 70.0, 999.0));

        assertThatThrownBy(() -> asDoctor(() -> consultations.saveDraft(c.id(), c.version(), wrong)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.problems())
                        .extracting(RuleViolation.Problem::field, RuleViolation.Problem::message)
                        .contains(
                                org.assertj.core.groups.Tuple.tuple("systolic",
                                        "Systolic 400 is not plausible; enter 50–260 mmHg"),
                                org.assertj.core.groups.Tuple.tuple("temperature",
                                        "Temperature: not a number; enter 30.0–44.0 °C"),
                                org.assertj.core.groups.Tuple.tuple("spo2", "SpO₂ 101 is not plausible; enter 50–100 %"),
                                org.assertj.core.groups.Tuple.tuple("height",
                                        "Height 999.0 is not plausible; enter 30.0–250.0 cm")));
        assertThatThrownBy(() -> asDoctor(() -> consultations.saveDraft(c.id(), c.version(),
                withVitals(new Vitals(120, 130, null, null, null, null, null, null)))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("Diastolic 130 must be below systolic 120");
        assertThatThrownBy(() -> asDoctor(() -> consultations.saveDraft(c.id(), c.version(),
                withVitals(new Vitals(null, null, null, null, null, null, 300.0, 60.0)))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("BMI of 833.3");
        Consultation after = asDoctor(() -> records.get(c.id()));
        assertThat(after.version()).isEqualTo(c.version());
        assertThat(after.content().vitals()).isEqualTo(Vitals.NONE);
        // and the database refuses them whoever writes
        assertThatThrownBy(() -> jdbc.sql("UPDATE consultation SET systolic = 400 WHERE public_id = :id")
                .param("id", c.id().toString()).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("ck_consultation_systolic");
    }

    @Test
    void borderline_vitals_are_flagged_and_saved() {
        Consultation c = started();
        Vitals high = new Vitals(150, 95, 110, 38.4, 92, 22, 95.0, 170.0);

        asDoctor(() -> consultations.saveDraft(c.id(), c.version(), withVitals(high)));

        Consultation read = asDoctor(() -> records.get(c.id()));
        Vitals saved = read.content().vitals();
        assertThat(saved).isEqualTo(high);
        assertThat(read.patientAge().band()).isEqualTo(AgeBand.ADULT);
        assertThat(Vital.SYSTOLIC.flag(saved.systolic(), read.patientAge()))
                .contains("High (usual for an adult 90–139 mmHg)");
        assertThat(Vital.SPO2.flag(saved.spo2(), read.patientAge())).contains("Low (usual for an adult 94–100 %)");
        assertThat(saved.bmi()).isEqualTo(32.9);
        assertThat(ConsultationRules.bmiFlag(saved.bmi(), read.patientAge())).contains("Obese (usual 18.5–24.9)");
    }

    @Test
    void a_save_from_a_tab_that_is_behind_is_refused_and_nothing_is_lost() {
        Consultation c = started();
        ConsultationContent first = sample();
        SavedDraft tabA = asDoctor(() -> consultations.saveDraft(c.id(), c.version(), first));
        assertThat(tabA.version()).isEqualTo(c.version() + 1);

        ConsultationContent second = withVitals(new Vitals(110, 70, null, null, null, null, null, null));
        assertThatThrownBy(() -> asDoctor(() -> consultations.saveDraft(c.id(), c.version(), second)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.field()).isEqualTo(ConsultationService.STALE);
                    assertThat(v.getMessage()).matches("This consultation was changed in another tab or window at "
                            + "\\d\\d:\\d\\d; reload to continue");
                });
        assertThat(asDoctor(() -> records.get(c.id())).content().vitals()).isEqualTo(first.vitals());
        // the tab that is up to date goes on saving
        assertThat(asDoctor(() -> consultations.saveDraft(c.id(), tabA.version(), second)).version())
                .isEqualTo(tabA.version() + 1);
    }

    @Test
    void only_the_treating_doctor_opens_and_writes_a_draft() {
        Consultation c = started();
        DoctorSummary other = fixtures.doctor();

        assertThatThrownBy(() -> as(other.staffUsername(), Role.DOCTOR, () -> records.get(c.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(other.staffUsername(), Role.DOCTOR,
                () -> consultations.saveDraft(c.id(), c.version(), sample()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(other.staffUsername(), Role.DOCTOR,
                () -> consultations.complete(c.id(), c.version(), sample()))).isInstanceOf(AccessDeniedException.class);
        // and nobody starts a consultation for another doctor's patient
        var mine = fixtures.checkedIn(doctor, LocalTime.of(9, 45));
        assertThatThrownBy(() -> as(other.staffUsername(), Role.DOCTOR, () -> consultations.start(mine.entryId())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void completing_locks_it_and_finishes_the_visit_and_the_appointment() {
        var arrival = fixtures.checkedIn(doctor, LocalTime.of(9, 30));
        Consultation c = asDoctor(() -> consultations.start(arrival.entryId()));

        Consultation done = asDoctor(() -> consultations.complete(c.id(), c.version(), sample()));

        assertThat(done.status()).isEqualTo(ConsultationStatus.COMPLETED);
        assertThat(done.completedBy()).isEqualTo(doctor.staffUsername());
        assertThat(done.content().prescription()).hasSize(1);
        assertThat(boards.get(arrival.entryId()).status()).isEqualTo(QueueStatus.DONE);
        assertThat(appointmentQueries.get(arrival.appointmentId()).status()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(boards.board(doctor.id()).done()).isEqualTo(1);
    }

    @Test
    void an_edit_after_completion_is_refused_by_the_service_and_by_the_database() {
        Consultation c = started();
        Consultation done = asDoctor(() -> consultations.complete(c.id(), c.version(), sample()));

        assertThatThrownBy(() -> asDoctor(() -> consultations.saveDraft(c.id(), done.version(), sample())))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("already completed by " + doctor.staffUsername() + " at")
                .hasMessageContaining("add an addendum");
        assertThatThrownBy(() -> asDoctor(() -> consultations.complete(c.id(), done.version(), sample())))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("already completed");
        assertThatThrownBy(() -> jdbc.sql("UPDATE consultation SET diagnosis = 'changed' WHERE public_id = :id")
                .param("id", c.id().toString()).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("locked");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM prescription_line WHERE consultation_id ="
                        + " (SELECT id FROM consultation WHERE public_id = :id)")
                .param("id", c.id().toString()).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("locked");
        assertThat(asDoctor(() -> records.get(c.id())).content().diagnosis()).isEqualTo("Acute pharyngitis");
    }

    @Test
    void completion_needs_a_diagnosis_and_complete_prescription_lines_a_draft_does_not() {
        Consultation c = started();
        ConsultationContent halfTyped = new ConsultationContent(Vitals.NONE, "Headache", null, null, null, null,
                List.of(new PrescriptionLine("Ibuprofen", null, null, null, null, null)), null, null, null);

        SavedDraft saved = asDoctor(() -> consultations.saveDraft(c.id(), c.version(), halfTyped));

        assertThatThrownBy(() -> asDoctor(() -> consultations.complete(c.id(), saved.version(), halfTyped)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.problems())
                        .extracting(RuleViolation.Problem::field)
                        .contains("prescription.0.dose", "prescription.0.frequency", "prescription.0.duration"));
        assertThat(asDoctor(() -> records.get(c.id())).status()).isEqualTo(ConsultationStatus.DRAFT);
    }

    @Test
    void an_addendum_is_recorded_with_who_and_when_and_the_original_stays() {
        Consultation c = started();
        assertThatThrownBy(() -> asDoctor(() -> consultations.addAddendum(c.id(), "Too early")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("still a draft");
        Consultation done = asDoctor(() -> consultations.complete(c.id(), c.version(), sample()));

        Consultation amended = asDoctor(() -> consultations.addAddendum(c.id(),
                "Throat swab result: negative for strep A."));

        assertThat(amended.addenda()).singleElement().satisfies(a -> {
            assertThat(a.text()).isEqualTo("Throat swab result: negative for strep A.");
            assertThat(a.writtenBy()).isEqualTo(doctor.staffUsername());
            assertThat(a.authorName()).isEqualTo(doctor.displayName());
            assertThat(a.writtenAt()).isAfterOrEqualTo(done.completedAt());
        });
        assertThat(amended.content()).isEqualTo(done.content());
        assertThat(amended.status()).isEqualTo(ConsultationStatus.COMPLETED);
        assertThatThrownBy(() -> asDoctor(() -> consultations.addAddendum(c.id(), "  ")))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void a_failure_in_the_middle_of_completion_leaves_nothing_changed() {
        var arrival = fixtures.checkedIn(doctor, LocalTime.of(9, 30));
        Consultation c = asDoctor(() -> consultations.start(arrival.entryId()));
        // The appointment step is the last of completion: the consultation is locked and the queue entry finished
        // by then. Someone moved the appointment meanwhile, so that step fails.
        jdbc.sql("UPDATE appointment SET status = 'CHECKED_IN' WHERE public_id = :id")
                .param("id", arrival.appointmentId().toString()).update();

        assertThatThrownBy(() -> asDoctor(() -> consultations.complete(c.id(), c.version(), sample())))
                .isInstanceOf(RuleViolation.class);

        Consultation after = asDoctor(() -> records.get(c.id()));
        assertThat(after.status()).isEqualTo(ConsultationStatus.DRAFT);
        assertThat(after.version()).isEqualTo(c.version());
        assertThat(after.content()).isEqualTo(ConsultationContent.EMPTY);
        assertThat(boards.get(arrival.entryId()).status()).isEqualTo(QueueStatus.IN_CONSULTATION);
        assertThat(boards.history(arrival.entryId())).noneMatch(h -> h.contains("Finish"));

        // The queue step fails instead: the entry was moved out of the consultation meanwhile.
        jdbc.sql("UPDATE appointment SET status = 'IN_CONSULTATION' WHERE public_id = :id")
                .param("id", arrival.appointmentId().toString()).update();
        jdbc.sql("UPDATE queue_entry SET status = 'LEFT', version = version + 1 WHERE public_id = :id")
                .param("id", arrival.entryId().toString()).update();
        assertThatThrownBy(() -> asDoctor(() -> consultations.complete(c.id(), c.version(), sample())))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("no longer in consultation");
        assertThat(asDoctor(() -> records.get(c.id())).status()).isEqualTo(ConsultationStatus.DRAFT);
        assertThat(appointmentQueries.get(arrival.appointmentId()).status()).isEqualTo(AppointmentStatus.IN_CONSULTATION);
    }

    @Test
    void complete_and_call_next_calls_the_next_patient() {
        Consultation c = started();
        var next = fixtures.checkedIn(doctor, LocalTime.of(9, 45));

        var called = asDoctor(() -> consultations.completeAndCallNext(c.id(), c.version(), sample()));

        assertThat(called).hasValueSatisfying(e -> assertThat(e.id()).isEqualTo(next.entryId()));
        assertThat(boards.get(next.entryId()).status()).isEqualTo(QueueStatus.CALLED);
    }

    @Test
    void a_follow_up_is_booked_in_one_click_once() {
        Consultation c = started();
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        ConsultationContent content = sample();
        ConsultationContent withFollowUp = new ConsultationContent(content.vitals(), content.chiefComplaint(),
                content.history(), content.examination(), content.diagnosis(), content.diagnosisCode(),
                content.prescription(), content.advice(), tomorrow, "Review the throat");
        asDoctor(() -> consultations.saveDraft(c.id(), c.version(), withFollowUp));

        var booked = asDoctor(() -> consultations.bookFollowUp(c.id()));

        assertThat(booked.date()).isEqualTo(tomorrow);
        assertThat(booked.start()).isEqualTo(LocalTime.of(8, 0));
        assertThat(booked.kind()).isEqualTo(AppointmentKind.FOLLOW_UP);
        assertThat(booked.doctorId()).isEqualTo(doctor.id());
        assertThat(booked.reason()).doesNotContain("pharyngitis"); // reception sees the reason: nothing clinical
        assertThat(asDoctor(() -> records.get(c.id())).followUpAppointmentId()).isEqualTo(booked.id());
        assertThatThrownBy(() -> asDoctor(() -> consultations.bookFollowUp(c.id())))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("already booked");
    }

    @Test
    void the_history_holds_completed_consultations_and_reception_sees_only_that_visits_happened() {
        var first = fixtures.checkedIn(doctor, LocalTime.of(9, 30));
        Consultation done = asDoctor(() -> consultations.start(first.entryId()));
        asDoctor(() -> consultations.complete(done.id(), done.version(), sample()));

        List<Consultation> history = asDoctor(() -> records.history(first.patientId()));
        assertThat(history).singleElement().satisfies(h -> {
            assertThat(h.content().diagnosis()).isEqualTo("Acute pharyngitis");
            assertThat(h.content().vitals().systolic()).isEqualTo(128);
            assertThat(h.content().prescription()).extracting(PrescriptionLine::medicine).containsExactly("Paracetamol");
        });
        List<Visit> visits = records.visits(first.patientId()); // as the receptionist
        assertThat(visits).singleElement().satisfies(v -> {
            assertThat(v.doctorName()).isEqualTo(doctor.displayName());
            assertThat(v.status()).isEqualTo(ConsultationStatus.COMPLETED);
        });
        assertThat(Arrays.stream(Visit.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyInAnyOrder("id", "date", "startedAt", "completedAt", "doctorName", "specialty",
                        "status");
    }

    @Test
    void receptionists_administrators_and_displays_cannot_read_clinical_content_through_any_method() {
        Consultation c = started();
        asDoctor(() -> consultations.complete(c.id(), c.version(), sample()));
        var patient = asDoctor(() -> records.get(c.id())).patientId();

        for (Role role : List.of(Role.RECEPTIONIST, Role.ADMIN, Role.DISPLAY)) {
            as("someone", role, () -> {
                assertThatThrownBy(() -> records.get(c.id())).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> records.history(patient)).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> records.summary(c.id())).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> records.printed(c.id())).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> consultations.addAddendum(c.id(), "x"))
                        .isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> consultations.saveDraft(c.id(), 0, sample()))
                        .isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(consultations::diagnosisCodes).isInstanceOf(AccessDeniedException.class);
            });
        }
        as("tv", Role.DISPLAY, () -> assertThatThrownBy(() -> records.visits(patient))
                .isInstanceOf(AccessDeniedException.class));
        // Every public method of both sides (writing and reading) is for doctors only, but the one that returns
        // nothing clinical (visits) and the write-only import of past visits for administrators (their bulk export
        // reads through ConsultationArchive, apart from these services).
        for (Class<?> side : List.of(ConsultationService.class, ConsultationRecords.class)) {
            for (Method method : side.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers())) {
                    continue;
                }
                String rule = method.getAnnotation(PreAuthorize.class).value();
                switch (method.getName()) {
                    case "visits" -> assertThat(rule).doesNotContain(Role.DISPLAY_NAME);
                    case "recordPastVisit" -> {
                        assertThat(rule).isEqualTo(ConsultationService.ADMINS);
                        assertThat(method.getReturnType()).isEqualTo(UUID.class);
                    }
                    default -> assertThat(rule).as(side.getSimpleName() + "." + method.getName())
                            .isEqualTo(ConsultationService.DOCTORS);
                }
            }
        }
    }

    private Consultation started() {
        var arrival = fixtures.checkedIn(doctor, LocalTime.of(9, 30));
        return asDoctor(() -> consultations.start(arrival.entryId()));
    }

    private <T> T asDoctor(java.util.function.Supplier<T> work) {
        return as(doctor.staffUsername(), Role.DOCTOR, work);
    }

    private void asDoctor(Runnable work) {
        as(doctor.staffUsername(), Role.DOCTOR, work);
    }

    private static ConsultationContent withVitals(Vitals vitals) {
        return new ConsultationContent(vitals, null, null, null, null, null, List.of(), null, null, null);
    }
}
