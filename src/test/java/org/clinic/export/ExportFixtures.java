package org.clinic.export;

import org.clinic.appointment.TestClinic;
import org.clinic.consultation.ConsultationContent;
import org.clinic.consultation.ConsultationService;
import org.clinic.consultation.PastVisit;
import org.clinic.consultation.PrescriptionLine;
import org.clinic.consultation.Vitals;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.NewDoctor;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.TestPatients;
import org.clinic.security.ActingAs;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** Doctors, patients and past visits to export; a plain object over the services, like the other fixtures. */
public final class ExportFixtures {

    private final TestClinic clinic;
    private final StaffAccountService accounts;
    private final DoctorService doctors;
    private final PatientService patients;
    private final ConsultationService consultations;

    public ExportFixtures(StaffAccountService accounts, DoctorService doctors, PatientService patients,
                          ConsultationService consultations) {
        this.clinic = new TestClinic(accounts, doctors, patients);
        this.accounts = accounts;
        this.doctors = doctors;
        this.patients = patients;
        this.consultations = consultations;
    }

    public DoctorSummary doctor() {
        return clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
    }

    /** A doctor with the given display name (any script). */
    public DoctorSummary doctor(String displayName) {
        return SystemAuthentication.runAs(Role.ADMIN, () -> {
            String username = "exp" + ThreadLocalRandom.current().nextInt(100_000_000);
            accounts.create(new CreateStaffAccount(username, displayName, "doctor-password", Role.DOCTOR));
            var specialty = doctors.specialties().stream().filter(s -> s.name().equals("General practice"))
                    .findFirst().orElseGet(() -> doctors.addSpecialty("General practice"));
            return doctors.addDoctor(new NewDoctor(username, displayName, specialty.id(),
                    username + "@clinic.example.org", "GMC" + username, "R1", 15, 40));
        });
    }

    public UUID patient() {
        return clinic.patients(1).getFirst();
    }

    public UUID patient(String given, String family) {
        return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> {
            PatientRecord record = patients.register(TestPatients.details(given, family), true);
            return record.id();
        });
    }

    /** {@code count} completed visits of the patient with the doctor, on the days before today, newest first. */
    public void pastVisits(UUID patient, DoctorSummary doctor, int count, ConsultationContent content) {
        SystemAuthentication.runAs(Role.ADMIN, () -> {
            LocalDate today = LocalDate.now();
            for (int i = 0; i < count; i++) {
                consultations.recordPastVisit(new PastVisit(patient, doctor.id(),
                        today.minusDays(1 + i).atTime(9, 0).plusMinutes(i % 400), content));
            }
        });
    }

    public void pastVisits(UUID patient, DoctorSummary doctor, int count) {
        pastVisits(patient, doctor, count, content("Acute pharyngitis"));
    }

    public static ConsultationContent content(String diagnosis) {
        return new ConsultationContent(new Vitals(128, 82, 76, 37.2, 98, 16, 72.5, 175.0), "Cough for five days",
                "Dry cough", "Throat red", diagnosis, "J02.9",
                List.of(new PrescriptionLine("Paracetamol", "500 mg", "2 tablets", "up to 4 times a day", "5 days",
                        null)), "Fluids and rest", null, null);
    }

    public static <T> T as(DoctorSummary doctor, Supplier<T> work) {
        return ActingAs.as(doctor.staffUsername(), Role.DOCTOR, work);
    }

    public static <T> T asAdmin(Supplier<T> work) {
        return ActingAs.as("admin.exports", Role.ADMIN, work);
    }

}
