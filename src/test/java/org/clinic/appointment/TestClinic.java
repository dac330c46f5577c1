package org.clinic.appointment;

import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.NewDoctor;
import org.clinic.doctor.WorkingSession;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.TestPatients;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Factories for booking tests: a doctor with given hours and capacity, patients to book. A plain object over the
 * services (not a bean), so booking tests share the one cached Spring context with every other test.
 */
public class TestClinic {

    private final StaffAccountService accounts;
    private final DoctorService doctors;
    private final PatientService patients;

    public TestClinic(StaffAccountService accounts, DoctorService doctors, PatientService patients) {
        this.accounts = accounts;
        this.doctors = doctors;
        this.patients = patients;
    }

    /** A doctor who works every day from {@code start} to {@code end}. */
    public DoctorSummary doctor(LocalTime start, LocalTime end, int slotMinutes, int capacity) {
        return doctor("General practice", start, end, slotMinutes, capacity);
    }

    /** As {@link #doctor(LocalTime, LocalTime, int, int)}, in the given specialty (added if new). */
    public DoctorSummary doctor(String specialtyName, LocalTime start, LocalTime end, int slotMinutes, int capacity) {
        return SystemAuthentication.runAs(Role.ADMIN, () -> {
            String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000_000));
            accounts.create(new CreateStaffAccount("doc" + suffix, "Dr Test " + suffix, "doctor-password", Role.DOCTOR));
            var specialty = doctors.specialties().stream().filter(s -> s.name().equals(specialtyName)).findFirst()
                    .orElseGet(() -> doctors.addSpecialty(specialtyName));
            DoctorSummary doctor = doctors.addDoctor(new NewDoctor("doc" + suffix, "Dr Test " + suffix, specialty.id(),
                    "doc" + suffix + "@clinic.example.org", "GMC" + suffix, "R" + (suffix.length() % 9), slotMinutes,
                    capacity));
            List<WorkingSession> week = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                week.add(new WorkingSession(day, start, end));
            }
            doctors.setWeeklySessions(doctor.id(), week);
            return doctor;
        });
    }

    public List<UUID> patients(int count) {
        return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                PatientRecord patient = patients.register(TestPatients.details(), true);
                ids.add(patient.id());
            }
            return ids;
        });
    }
}
