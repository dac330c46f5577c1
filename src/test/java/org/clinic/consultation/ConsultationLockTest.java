package org.clinic.consultation;

import org.clinic.TestClock;
import org.clinic.appointment.AppointmentService;
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
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinic.consultation.ConsultationFixtures.as;
import static org.clinic.consultation.ConsultationFixtures.sample;
import static org.clinic.testing.DatabaseAccounts.SIGNALLED;
import static org.clinic.testing.DatabaseAccounts.owner;
import static org.clinic.testing.DatabaseAccounts.refusal;

/**
 * A completed consultation is locked on every column in the database, whoever writes, even the schema owner; the
 * one change left is linking the follow-up booked afterwards, once. The columns are read from the schema, so a
 * column added to {@code consultation} but not to the trigger fails here.
 */
@SpringBootTest
@WithMockUser(username = "grace", roles = "RECEPTIONIST")
class ConsultationLockTest {

    private static final String LOCKED = "A completed consultation is locked";

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
    Environment environment;

    private ConsultationFixtures fixtures;
    private DoctorSummary doctor;
    private JdbcClient owner;

    @BeforeEach
    void morning() {
        fixtures = new ConsultationFixtures(accounts, doctors, patients, appointments, queue, clock);
        clock.setTimeOfDay(LocalTime.of(9, 0));
        doctor = fixtures.doctor();
        owner = owner(environment);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void the_lock_compares_every_column_of_consultation() {
        String body = trigger("tr_consultation_locked");

        assertThat(columns()).allSatisfy((column, type) -> assertThat(body)
                .as("tr_consultation_locked compares consultation.%s", column)
                .containsPattern("\\bNEW\\." + column + "\\b").containsPattern("\\bOLD\\." + column + "\\b"));
    }

    @Test
    void every_column_of_a_completed_consultation_is_locked_whoever_writes() {
        long id = internalId(completed(sample()));

        columns().forEach((column, type) -> {
            SQLException refused = refusal(() -> owner.sql("UPDATE consultation SET " + column + " = "
                    + changed(column, type) + " WHERE id = :id").param("id", id).update());
            assertThat(refused.getErrorCode()).as("%s: %s", column, refused.getMessage()).isEqualTo(SIGNALLED);
            assertThat(refused.getMessage()).as(column).contains(LOCKED);
        });
        SQLException deleted = refusal(() -> owner.sql("DELETE FROM consultation WHERE id = :id").param("id", id)
                .update());
        assertThat(deleted.getMessage()).contains(LOCKED);
        assertThat(owner.sql("SELECT diagnosis FROM consultation WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Acute pharyngitis");
    }

    @Test
    void the_follow_up_of_a_completed_consultation_is_linked_once_and_then_locked_too() {
        ConsultationContent s = sample();
        ConsultationContent withFollowUp = new ConsultationContent(s.vitals(), s.chiefComplaint(), s.history(),
                s.examination(), s.diagnosis(), s.diagnosisCode(), s.prescription(), s.advice(),
                LocalDate.now(clock).plusDays(1), "Review the throat");
        Consultation done = completed(withFollowUp);
        long id = internalId(done);

        var booked = as(doctor.staffUsername(), Role.DOCTOR, () -> consultations.bookFollowUp(done.id()));

        assertThat(as(doctor.staffUsername(), Role.DOCTOR, () -> records.get(done.id()))
                .followUpAppointmentId()).isEqualTo(booked.id());
        assertThat(refusal(() -> owner.sql("UPDATE consultation SET follow_up_appointment_id = NULL,"
                + " version = version + 1 WHERE id = :id").param("id", id).update()).getMessage()).contains(LOCKED);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Consultation completed(ConsultationContent content) {
        var arrival = fixtures.checkedIn(doctor, LocalTime.of(9, 30));
        return as(doctor.staffUsername(), Role.DOCTOR, () -> {
            Consultation started = consultations.start(arrival.entryId());
            return consultations.complete(started.id(), started.version(), content);
        });
    }

    private long internalId(Consultation consultation) {
        return owner.sql("SELECT id FROM consultation WHERE public_id = :p").param("p", consultation.id().toString())
                .query(Long.class).single();
    }

    /** Every column of consultation with its type, in table order. */
    private Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        owner.sql("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = DATABASE()"
                        + " AND table_name = 'consultation' ORDER BY ordinal_position")
                .query((rs, n) -> columns.put(rs.getString(1), rs.getString(2))).list();
        assertThat(columns).containsKeys("patient_id", "doctor_id", "visit_date", "saved_by", "diagnosis");
        return columns;
    }

    private String trigger(String name) {
        return owner.sql("SELECT action_statement FROM information_schema.triggers"
                        + " WHERE event_object_schema = DATABASE() AND trigger_name = :n")
                .param("n", name).query(String.class).single();
    }

    /** An expression giving the column a different value than it has, whatever it has (NULL too). */
    private static String changed(String column, String type) {
        return switch (type) {
            case "bigint", "int", "smallint", "tinyint", "decimal" -> "COALESCE(" + column + ", 0) + 1";
            case "varchar", "char", "text", "mediumtext", "longtext" -> "CONCAT(COALESCE(" + column + ", ''), 'x')";
            case "date" -> "COALESCE(" + column + ", DATE '2000-01-01') + INTERVAL 1 DAY";
            case "timestamp", "datetime" -> "COALESCE(" + column + ", TIMESTAMP '2000-01-01 00:00:00')"
                    + " + INTERVAL 1 SECOND";
            case "uuid" -> "UUID()";
            default -> throw new AssertionError("consultation." + column + " has type " + type
                    + ": add a changed value for it to this test (and the column to tr_consultation_locked)");
        };
    }
}
