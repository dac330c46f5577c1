package org.clinic.security;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.BookAppointment;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationRecords;
import org.clinic.consultation.ConsultationService;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.export.ExportFixtures;
import org.clinic.export.ExportService;
import org.clinic.export.ExportSummary;
import org.clinic.patient.PatientService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every service method that reads a patient's data writes one access-log row naming who, in which role, what, which
 * patient and why; a doctor who does not look after the patient says why first. A browserless test only for the
 * Vaadin session, where a doctor's reason is remembered.
 */
@SpringBootTest
class PatientAccessLogTest extends SpringBrowserlessTest {

    /** The application's user is refused by its grants (the triggers, which refuse the owner too: DatabaseUsersTest). */
    private static final String REFUSED_CHANGE = "(?s).*(append-only|command denied).*";

    @Autowired
    PatientService patients;
    @Autowired
    ConsultationService consultations;
    @Autowired
    ConsultationRecords records;
    @Autowired
    ExportService exports;
    @Autowired
    AppointmentService appointments;
    @Autowired
    PatientAccessLog accessLog;
    @Autowired
    AccessLogService accessLogService;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    org.clinic.queue.QueueService queue;
    @Autowired
    JdbcClient jdbc;

    private ExportFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ExportFixtures(accounts, doctors, patients, consultations);
    }

    /** A row as the test reads it back. */
    record Row(String username, String role, String what, UUID patient, Long internalId, String reason,
               boolean brokeGlass) {
    }

    /** One read path: who reads, what the row says, and the read itself. */
    record ReadPath(String name, String username, Role role, AccessKind what, String reason,
                    Supplier<Object> read) {
    }

    @TestFactory
    Stream<DynamicTest> every_read_of_patient_data_writes_one_access_log_row() {
        DoctorSummary doctor = fixtures.doctor();
        UUID patient = fixtures.patient();
        fixtures.pastVisits(patient, doctor, 1); // yesterday: the doctor looks after the patient
        UUID consultation = as(doctor.staffUsername(), Role.DOCTOR, () -> records.history(patient))
                .getFirst().id();
        String me = doctor.staffUsername();
        List<ReadPath> paths = List.of(
                new ReadPath("the record, by reception", "grace", Role.RECEPTIONIST, AccessKind.RECORD, "care",
                        () -> patients.get(patient)),
                new ReadPath("the change history, by reception", "grace", Role.RECEPTIONIST, AccessKind.HISTORY,
                        "care", () -> patients.history(patient)),
                new ReadPath("the record, by an administrator", "ada", Role.ADMIN, AccessKind.RECORD, "care",
                        () -> patients.get(patient)),
                new ReadPath("the record, by the patient's doctor", me, Role.DOCTOR, AccessKind.RECORD, "care",
                        () -> patients.get(patient)),
                new ReadPath("the change history, by the doctor", me, Role.DOCTOR, AccessKind.HISTORY, "care",
                        () -> patients.history(patient)),
                new ReadPath("the consultations timeline", me, Role.DOCTOR, AccessKind.CONSULTATION, "care",
                        () -> records.history(patient)),
                new ReadPath("one consultation", me, Role.DOCTOR, AccessKind.CONSULTATION, "care",
                        () -> records.get(consultation)),
                new ReadPath("the visit summary", me, Role.DOCTOR, AccessKind.SUMMARY, "care",
                        () -> records.summary(consultation)),
                new ReadPath("the printed summary", me, Role.DOCTOR, AccessKind.PRINT, "care", () -> {
                    records.printed(consultation);
                    return "printed";
                }),
                new ReadPath("the CSV export of the history", me, Role.DOCTOR, AccessKind.EXPORT, "care",
                        () -> finished(exports.exportPatient(patient))),
                new ReadPath("an administrator's export of the doctor's visits", "ada", Role.ADMIN,
                        AccessKind.EXPORT, "export of a doctor's visits", () -> finished(exports.exportDoctor(
                        doctor.id(), LocalDate.now().minusDays(3), LocalDate.now()))));
        return paths.stream().map(path -> DynamicTest.dynamicTest(path.name(), () -> {
            long before = lastId();
            as(path.username(), path.role(), path.read());
            assertThat(rowsAfter(before, patient)).singleElement().isEqualTo(new Row(path.username(),
                    path.role().name(), path.what().name(), patient, internalId(patient), path.reason(), false));
        }));
    }

    @Test
    void lists_and_references_are_not_record_reads() {
        UUID patient = fixtures.patient();
        long before = lastId();

        as("grace", Role.RECEPTIONIST, () -> patients.search("", 0, 20));
        as("grace", Role.RECEPTIONIST, () -> patients.reference(patient));
        as("grace", Role.RECEPTIONIST, () -> records.visits(patient));

        assertThat(rowsAfter(before, patient)).isEmpty();
    }

    @Test
    void a_doctor_who_does_not_look_after_the_patient_is_refused_without_a_reason_and_nothing_is_logged() {
        DoctorSummary stranger = fixtures.doctor();
        UUID patient = fixtures.patient();
        long before = lastId();

        assertThatThrownBy(() -> as(stranger.staffUsername(), Role.DOCTOR, () -> patients.get(patient)))
                .isInstanceOf(BreakTheGlassRequired.class)
                .satisfies(e -> assertThat(((BreakTheGlassRequired) e).patientId()).isEqualTo(patient));
        assertThatThrownBy(() -> as(stranger.staffUsername(), Role.DOCTOR, () -> records.history(patient)))
                .isInstanceOf(BreakTheGlassRequired.class);
        assertThatThrownBy(() -> as(stranger.staffUsername(), Role.DOCTOR, () -> exports.exportPatient(patient)))
                .isInstanceOf(BreakTheGlassRequired.class);
        assertThat(rowsAfter(before, patient)).isEmpty();
    }

    @Test
    void with_a_reason_the_doctor_reads_and_every_read_of_that_patient_in_the_session_is_flagged() {
        DoctorSummary stranger = fixtures.doctor();
        UUID patient = fixtures.patient();
        UUID other = fixtures.patient();
        String reason = "Emergency care: collapsed in the waiting room";
        long before = lastId();

        as(stranger.staffUsername(), Role.DOCTOR, () -> {
            accessLog.breakTheGlass(patient, "  " + reason + "  ");
            return null;
        });
        as(stranger.staffUsername(), Role.DOCTOR, () -> patients.get(patient));
        as(stranger.staffUsername(), Role.DOCTOR, () -> records.history(patient));

        Row flagged = new Row(stranger.staffUsername(), "DOCTOR", "RECORD", patient, internalId(patient), reason, true);
        assertThat(rowsAfter(before, patient)).containsExactly(flagged,
                new Row(stranger.staffUsername(), "DOCTOR", "CONSULTATION", patient, internalId(patient), reason,
                        true));
        assertThatThrownBy(() -> as(stranger.staffUsername(), Role.DOCTOR, () -> patients.get(other)))
                .as("the reason is for that patient only").isInstanceOf(BreakTheGlassRequired.class);
    }

    @Test
    void a_reason_is_five_to_three_hundred_characters() {
        DoctorSummary stranger = fixtures.doctor();
        UUID patient = fixtures.patient();

        for (String refused : List.of("", "   ", "abc", "x".repeat(301))) {
            assertThatThrownBy(() -> as(stranger.staffUsername(), Role.DOCTOR, () -> {
                accessLog.breakTheGlass(patient, refused);
                return null;
            })).isInstanceOf(org.clinic.base.RuleViolation.class).hasMessageContaining("5–300 characters");
        }
        assertThatThrownBy(() -> as("grace", Role.RECEPTIONIST, () -> {
            accessLog.breakTheGlass(patient, "Front desk curiosity");
            return null;
        })).as("only doctors break the glass").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_doctor_with_an_appointment_within_the_window_is_not_asked() {
        DoctorSummary doctor = fixtures.doctor();
        UUID patient = fixtures.patient();
        as("grace", Role.RECEPTIONIST, () -> appointments.book(new BookAppointment(UUID.randomUUID(), patient,
                doctor.id(), LocalDate.now().plusDays(1), LocalTime.of(10, 0), AppointmentKind.NEW, "Review")));
        long before = lastId();

        as(doctor.staffUsername(), Role.DOCTOR, () -> patients.get(patient));

        assertThat(rowsAfter(before, patient)).singleElement().satisfies(row -> {
            assertThat(row.reason()).isEqualTo("care");
            assertThat(row.brokeGlass()).isFalse();
        });
    }

    @Test
    void a_walk_in_or_a_past_visit_is_a_care_relationship_too_but_not_one_older_than_the_window() {
        DoctorSummary doctor = fixtures.doctor();
        UUID walkedIn = fixtures.patient();
        UUID seenLongAgo = fixtures.patient();
        as("grace", Role.RECEPTIONIST, () -> queue.walkIn(walkedIn, doctor.id(), doctor.specialty().id(),
                org.clinic.queue.Lane.REGULAR, null, "Rash"));
        SystemAuthentication.runAs(Role.ADMIN, () -> consultations.recordPastVisit(new org.clinic.consultation
                .PastVisit(seenLongAgo, doctor.id(), LocalDate.now().minusDays(45).atTime(9, 0),
                ExportFixtures.content("Sprained ankle"))));

        assertThat(as(doctor.staffUsername(), Role.DOCTOR, () -> patients.get(walkedIn)).id()).isEqualTo(walkedIn);
        assertThatThrownBy(() -> as(doctor.staffUsername(), Role.DOCTOR, () -> patients.get(seenLongAgo)))
                .isInstanceOf(BreakTheGlassRequired.class);
    }

    @Test
    void the_access_log_is_for_administrators_only() {
        for (Role role : List.of(Role.RECEPTIONIST, Role.DOCTOR, Role.DISPLAY)) {
            assertThatThrownBy(() -> as("someone", role, () -> accessLogService.search(AccessLogQuery.everything(),
                    0, 10))).as(role.name()).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> as("screen", Role.DISPLAY, () -> patients.get(UUID.randomUUID())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void administrators_find_reads_by_patient_staff_member_day_and_flag_newest_first() {
        UUID patient = fixtures.patient();
        DoctorSummary stranger = fixtures.doctor();
        as("grace", Role.RECEPTIONIST, () -> patients.get(patient));
        as(stranger.staffUsername(), Role.DOCTOR, () -> {
            accessLog.breakTheGlass(patient, "Referral review: letter from the hospital");
            return patients.get(patient);
        });
        AccessLogQuery ofPatient = new AccessLogQuery(java.util.Set.of(patient), null, null, null, false);

        List<AccessLogEntry> all = as("ada", Role.ADMIN, () -> accessLogService.search(ofPatient, 0, 50));
        assertThat(all).extracting(AccessLogEntry::staffUsername).containsExactly(stranger.staffUsername(), "grace");
        assertThat(as("ada", Role.ADMIN, () -> accessLogService.search(new AccessLogQuery(java.util.Set.of(patient),
                null, null, null, true), 0, 50))).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("Referral review: letter from the hospital"));
        assertThat(as("ada", Role.ADMIN, () -> accessLogService.search(new AccessLogQuery(java.util.Set.of(patient),
                "grace", LocalDate.now().minusDays(1), LocalDate.now().plusDays(1), false), 0, 50))).hasSize(1);
        assertThat(as("ada", Role.ADMIN, () -> accessLogService.search(new AccessLogQuery(java.util.Set.of(patient),
                null, LocalDate.now().plusDays(1), null, false), 0, 50))).isEmpty();
        assertThat(as("ada", Role.ADMIN, () -> accessLogService.search(ofPatient, 1, 1)))
                .extracting(AccessLogEntry::staffUsername).containsExactly("grace");
        assertThat(as("ada", Role.ADMIN, () -> accessLogService.search(new AccessLogQuery(java.util.Set.of(), null,
                null, null, false), 0, 50))).as("a patient search that found nobody").isEmpty();
    }

    @Test
    void the_database_keeps_the_log_append_only_and_refuses_an_unexplained_broken_glass() {
        UUID patient = fixtures.patient();
        as("grace", Role.RECEPTIONIST, () -> patients.get(patient));
        long id = lastId();

        assertThatThrownBy(() -> jdbc.sql("UPDATE patient_access_log SET reason = 'nothing' WHERE id = :id")
                .param("id", id).update()).rootCause().hasMessageMatching(REFUSED_CHANGE);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM patient_access_log WHERE id = :id").param("id", id).update())
                .rootCause().hasMessageMatching(REFUSED_CHANGE);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO patient_access_log (accessed_at, staff_username, staff_role,"
                + " what, patient_public_id, reason, broke_glass) VALUES (NOW(), 'x', 'DOCTOR', 'RECORD', UUID(),"
                + " 'why', TRUE)").update()).hasMessageContaining("ck_patient_access_log_glass");
        assertThat(jdbc.sql("SELECT table_comment FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_name = 'patient_access_log'").query(String.class).single())
                .isEqualTo("append-only audit");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private ExportSummary finished(ExportSummary started) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ExportSummary export = started;
        while (export.running() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            export = exports.get(started.id());
        }
        assertThat(export.running()).as("export finished").isFalse();
        return export;
    }

    private long lastId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM patient_access_log").query(Long.class).single();
    }

    private long internalId(UUID patient) {
        return jdbc.sql("SELECT id FROM patient WHERE public_id = :p").param("p", patient.toString())
                .query(Long.class).single();
    }

    /** This patient's rows since then: other tests' background exports may write rows of their own meanwhile. */
    private List<Row> rowsAfter(long id, UUID patient) {
        return jdbc.sql("SELECT staff_username, staff_role, what, patient_public_id, patient_id, reason, broke_glass"
                        + " FROM patient_access_log WHERE id > :id AND patient_public_id = :patient ORDER BY id")
                .param("id", id).param("patient", patient.toString())
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        UUID.fromString(rs.getString(4)), rs.getObject(5, Long.class), rs.getString(6),
                        rs.getBoolean(7))).list();
    }

    private static <T> T as(String username, Role role, Supplier<T> work) {
        return ActingAs.as(username, role, work);
    }
}
