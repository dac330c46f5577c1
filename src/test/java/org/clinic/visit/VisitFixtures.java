package org.clinic.visit;

import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientDetails;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.Sex;
import org.clinic.patient.TestPatients;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** A doctor, patients with a known date of birth, bookings: what visit-link and kiosk tests need, fresh per test. */
final class VisitFixtures {

    static final LocalDate BORN = LocalDate.of(1984, 7, 21);

    private final TestClinic clinic;
    private final PatientService patients;
    private final AppointmentService appointments;
    private final JdbcClient jdbc;

    VisitFixtures(StaffAccountService accounts, DoctorService doctors, PatientService patients,
                  AppointmentService appointments, JdbcClient jdbc) {
        this.clinic = new TestClinic(accounts, doctors, patients);
        this.patients = patients;
        this.appointments = appointments;
        this.jdbc = jdbc;
    }

    private final java.util.List<DoctorSummary> made = new java.util.ArrayList<>();

    DoctorSummary doctor() {
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        made.add(doctor);
        return doctor;
    }

    /** Today's queues are shared by every test: the patients of this test's doctors leave them. */
    void leaveQueues() {
        made.forEach(doctor -> leaveQueue(jdbc, doctor));
    }

    static void leaveQueue(JdbcClient jdbc, DoctorSummary doctor) {
        jdbc.sql("UPDATE queue_entry SET status = 'LEFT' WHERE doctor_id = :d AND status IN ('WAITING', 'CALLED')")
                .param("d", doctor.internalId()).update();
    }

    PatientRecord patient() {
        return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.register(new PatientDetails("Odile",
                TestPatients.uniqueName(), BORN, false, Sex.FEMALE, null, null, null), true));
    }

    AppointmentSummary book(PatientRecord patient, DoctorSummary doctor, LocalDate date, LocalTime start) {
        return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(new BookAppointment(
                UUID.randomUUID(), patient.id(), doctor.id(), date, start, AppointmentKind.NEW, "Rash on the left arm")));
    }

    /** How many queue entries the appointment has (the kiosk must never make a second one). */
    int queueEntries(AppointmentSummary appointment) {
        return jdbc.sql("SELECT COUNT(*) FROM queue_entry q JOIN appointment a ON a.id = q.appointment_id"
                        + " WHERE a.public_id = :id").param("id", appointment.id().toString())
                .query(Integer.class).single();
    }

    String status(AppointmentSummary appointment) {
        return jdbc.sql("SELECT status FROM appointment WHERE public_id = :id").param("id", appointment.id().toString())
                .query(String.class).single();
    }
}
