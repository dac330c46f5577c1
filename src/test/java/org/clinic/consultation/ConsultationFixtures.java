package org.clinic.consultation;

import org.clinic.TestClock;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientDetails;
import org.clinic.patient.PatientService;
import org.clinic.patient.Sex;
import org.clinic.patient.TestPatients;
import org.clinic.queue.Lane;
import org.clinic.queue.QueueService;
import org.clinic.queue.Ticket;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** A doctor with checked-in patients, for consultation tests; a plain object over the services. */
public final class ConsultationFixtures {

    private final TestClinic clinic;
    private final AppointmentService appointments;
    private final QueueService queue;
    private final TestClock clock;
    private final PatientService patients;

    public ConsultationFixtures(StaffAccountService accounts, DoctorService doctors, PatientService patients,
                                AppointmentService appointments, QueueService queue, TestClock clock) {
        this.clinic = new TestClinic(accounts, doctors, patients);
        this.appointments = appointments;
        this.queue = queue;
        this.clock = clock;
        this.patients = patients;
    }

    /** A patient born on {@code birthDate}, e.g. a child for the age-aware ranges. */
    public UUID patientBornOn(LocalDate birthDate, Sex sex) {
        PatientDetails adult = TestPatients.details();
        return org.clinic.security.SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.register(
                new PatientDetails("Sam", adult.familyName(), birthDate, false, sex, null, null, null), true).id());
    }

    public DoctorSummary doctor() {
        return clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
    }

    /** A patient booked today at the given time and checked in (as reception). */
    public Arrival checkedIn(DoctorSummary doctor, LocalTime at) {
        return checkedIn(doctor, at, clinic.patients(1).getFirst());
    }

    /** This patient booked today at the given time and checked in (as reception). */
    public Arrival checkedIn(DoctorSummary doctor, LocalTime at, UUID patient) {
        return as("grace", Role.RECEPTIONIST, () -> {
            AppointmentSummary booked = appointments.book(new BookAppointment(UUID.randomUUID(), patient, doctor.id(),
                    LocalDate.now(clock), at, AppointmentKind.NEW, "Cough"));
            Ticket ticket = queue.checkIn(booked.id());
            return new Arrival(patient, booked.id(), ticket.entryId());
        });
    }

    /** A walk-in in the doctor's own queue (no appointment). */
    public Arrival walkIn(DoctorSummary doctor) {
        UUID patient = clinic.patients(1).getFirst();
        return as("grace", Role.RECEPTIONIST, () -> {
            Ticket ticket = queue.walkIn(patient, doctor.id(), doctor.specialty().id(), Lane.REGULAR, null, "Rash");
            return new Arrival(patient, null, ticket.entryId());
        });
    }

    public static <T> T as(String username, Role role, Supplier<T> work) {
        return org.clinic.security.ActingAs.as(username, role, work);
    }

    public static void as(String username, Role role, Runnable work) {
        as(username, role, () -> {
            work.run();
            return null;
        });
    }

    /** A full, valid record: vitals, notes, diagnosis and one medicine. */
    public static ConsultationContent sample() {
        return new ConsultationContent(new Vitals(128, 82, 76, 37.2, 98, 16, 72.5, 175.0), "Cough for five days",
                "Dry cough, no fever at home", "Chest clear, throat red", "Acute pharyngitis", "J02.9",
                List.of(new PrescriptionLine("Paracetamol", "500 mg", "2 tablets", "up to 4 times a day", "5 days",
                        "not more than 8 tablets in 24 hours")), "Fluids and rest", null, null);
    }

    /** @param appointmentId null for a walk-in */
    public record Arrival(UUID patientId, UUID appointmentId, UUID entryId) {
    }
}
