package org.clinic.consultation;

import org.clinic.TestClock;
import org.clinic.appointment.AppointmentService;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.queue.QueueService;
import org.clinic.security.BreakTheGlassRequired;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.clinic.consultation.ConsultationFixtures.as;
import static org.clinic.consultation.ConsultationFixtures.sample;

/** Every save of a consultation is kept as it was saved, with who and when; the consultation row has the last. */
@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class ConsultationVersionsTest {

    @Autowired
    ConsultationService consultations;
    @Autowired
    ConsultationRecords records;
    @Autowired
    ConsultationVersions versions;
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
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
    void three_draft_saves_keep_three_versions_with_their_author_time_and_content() {
        Consultation c = started();
        ConsultationContent first = complaint("Cough");
        ConsultationContent second = complaint("Cough for five days, worse at night");
        ConsultationContent third = sample();

        SavedDraft one = asDoctor(() -> consultations.saveDraft(c.id(), c.version(), first));
        clock.setTimeOfDay(LocalTime.of(9, 5));
        SavedDraft two = asDoctor(() -> consultations.saveDraft(c.id(), one.version(), second));
        clock.setTimeOfDay(LocalTime.of(9, 10));
        SavedDraft three = asDoctor(() -> consultations.saveDraft(c.id(), two.version(), third));

        List<ConsultationVersion> kept = asDoctor(() -> versions.versions(c.id()));
        assertThat(kept).extracting(ConsultationVersion::version)
                .containsExactly(one.version(), two.version(), three.version());
        List<SavedDraft> saves = List.of(one, two, three);
        for (int i = 0; i < saves.size(); i++) { // the database keeps microseconds
            assertThat(kept.get(i).savedAt()).isCloseTo(saves.get(i).savedAt(), within(1, ChronoUnit.MILLIS));
        }
        assertThat(kept).extracting(ConsultationVersion::content).containsExactly(first, second, third);
        assertThat(kept).allSatisfy(v -> {
            assertThat(v.savedBy()).isEqualTo(doctor.staffUsername());
            assertThat(v.completing()).isFalse();
        });
        assertThat(asDoctor(() -> records.get(c.id())).content()).isEqualTo(third);
    }

    @Test
    void the_completing_save_is_kept_too() {
        Consultation c = started();
        SavedDraft draft = asDoctor(() -> consultations.saveDraft(c.id(), c.version(), complaint("Headache")));

        Consultation done = asDoctor(() -> consultations.complete(c.id(), draft.version(), sample()));

        List<ConsultationVersion> kept = asDoctor(() -> versions.versions(c.id()));
        assertThat(kept).extracting(ConsultationVersion::content).containsExactly(complaint("Headache"), sample());
        assertThat(kept.getLast().completing()).isTrue();
        assertThat(kept.getLast().version()).isEqualTo(done.version());
        assertThat(kept.getLast().savedAt()).isEqualTo(done.completedAt());
    }

    @Test
    void versions_are_read_by_doctors_and_a_drafts_only_by_its_treating_doctor() {
        Consultation c = started();
        SavedDraft draft = asDoctor(() -> consultations.saveDraft(c.id(), c.version(), complaint("Rash")));
        DoctorSummary other = fixtures.doctor();

        assertThatThrownBy(() -> as(other.staffUsername(), Role.DOCTOR, () -> versions.versions(c.id())))
                .isInstanceOf(AccessDeniedException.class);
        for (Role role : List.of(Role.RECEPTIONIST, Role.ADMIN, Role.DISPLAY)) {
            assertThatThrownBy(() -> as("someone", role, () -> versions.versions(c.id())))
                    .isInstanceOf(AccessDeniedException.class);
        }

        asDoctor(() -> consultations.complete(c.id(), draft.version(), sample()));
        assertThatThrownBy(() -> as(other.staffUsername(), Role.DOCTOR, () -> versions.versions(c.id())))
                .as("a doctor who does not care for the patient gives a reason first")
                .isInstanceOf(BreakTheGlassRequired.class);
        long logged = accessRows(c.patientId());
        assertThat(asDoctor(() -> versions.versions(c.id()))).hasSize(2);
        assertThat(accessRows(c.patientId())).as("the read is in the access log").isEqualTo(logged + 1);
    }

    private long accessRows(java.util.UUID patientId) {
        return jdbc.sql("SELECT COUNT(*) FROM patient_access_log WHERE patient_public_id = :id AND what = 'CONSULTATION'")
                .param("id", patientId.toString()).query(Long.class).single();
    }

    private Consultation started() {
        var arrival = fixtures.checkedIn(doctor, LocalTime.of(9, 30));
        return asDoctor(() -> consultations.start(arrival.entryId()));
    }

    private <T> T asDoctor(java.util.function.Supplier<T> work) {
        return as(doctor.staffUsername(), Role.DOCTOR, work);
    }

    private static ConsultationContent complaint(String text) {
        return new ConsultationContent(Vitals.NONE, text, null, null, null, null, List.of(), null, null, null);
    }
}
