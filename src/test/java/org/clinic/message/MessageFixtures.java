package org.clinic.message;

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
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** Patients with their own email address, a doctor, bookings: what message tests need, made fresh per test. */
final class MessageFixtures {

    private final TestClinic clinic;
    private final PatientService patients;
    private final AppointmentService appointments;

    MessageFixtures(StaffAccountService accounts, DoctorService doctors, PatientService patients,
                    AppointmentService appointments) {
        this.clinic = new TestClinic(accounts, doctors, patients);
        this.patients = patients;
        this.appointments = appointments;
    }

    /** A unique address per call, so a test reads only its own mail from the shared SMTP server. */
    static String uniqueAddress() {
        return "p" + UUID.randomUUID().toString().substring(0, 12) + "@patients.example.org";
    }

    DoctorSummary doctor() {
        return clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 30);
    }

    PatientRecord patient(@Nullable String email) {
        return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.register(new PatientDetails("Amaka",
                TestPatients.uniqueName(), LocalDate.of(1979, 5, 4), false, Sex.FEMALE, null, email, null), true));
    }

    AppointmentSummary book(PatientRecord patient, DoctorSummary doctor, LocalDate date, LocalTime start) {
        return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(new BookAppointment(
                UUID.randomUUID(), patient.id(), doctor.id(), date, start, AppointmentKind.NEW, "Chest pain at night")));
    }
}
