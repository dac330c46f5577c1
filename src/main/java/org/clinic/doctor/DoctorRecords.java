package org.clinic.doctor;

import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.StaffAccountSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Doctors' records: who they are, their specialty, room, slot length and daily capacity, and whether they are
 * bookable. Email and registration number are unique; a doctor is linked to one Doctor staff account for good.
 * Runs in DoctorService's transactions.
 */
@Component
class DoctorRecords {

    private final DoctorRepository doctors;
    private final SpecialtyRepository specialties;
    private final Specialties specialtyList;
    private final StaffAccountService accounts;
    private final ApplicationEventPublisher events;

    DoctorRecords(DoctorRepository doctors, SpecialtyRepository specialties, Specialties specialtyList,
                  StaffAccountService accounts, ApplicationEventPublisher events) {
        this.doctors = doctors;
        this.specialties = specialties;
        this.specialtyList = specialtyList;
        this.accounts = accounts;
        this.events = events;
    }

    DoctorSummary add(NewDoctor details) {
        events.publishEvent(new DoctorsChanged());
        List<RuleViolation.Problem> problems = detailProblems(null, details.displayName(), details.email(),
                details.registrationNumber(), details.room(), details.slotMinutes(), details.dailyCapacity());
        String username = details.staffUsername() == null ? "" : details.staffUsername().strip();
        Optional<StaffAccountSummary> account = accounts.list().stream()
                .filter(a -> a.username().equals(username)).findFirst();
        if (account.isEmpty()) {
            problems.add(new RuleViolation.Problem("staffUsername", "Choose the doctor's staff account"));
        } else if (account.get().role() != Role.DOCTOR) {
            problems.add(new RuleViolation.Problem("staffUsername", "Only a Doctor account can be linked to a doctor"));
        } else if (doctors.existsByStaffUsername(username)) {
            problems.add(new RuleViolation.Problem("staffUsername", "This account already belongs to a doctor"));
        }
        Optional<Specialty> specialty = details.specialtyId() == null ? Optional.empty()
                : specialties.findByPublicId(details.specialtyId());
        if (specialty.isEmpty()) {
            problems.add(new RuleViolation.Problem("specialtyId", "Choose a specialty"));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        NewDoctor cleaned = new NewDoctor(username, clean(details.displayName()), details.specialtyId(),
                DoctorRules.normalisedEmail(details.email()),
                DoctorRules.normalisedRegistrationNumber(details.registrationNumber()), clean(details.room()),
                details.slotMinutes(), details.dailyCapacity());
        Doctor doctor = saved(new Doctor(cleaned, specialty.get().id()));
        return doctor.toSummary(specialty.get().toSummary());
    }

    DoctorRecord update(UUID doctorId, long expectedVersion, DoctorChanges changes) {
        events.publishEvent(new DoctorsChanged());
        Doctor doctor = lock(doctorId);
        if (doctor.version() != expectedVersion) {
            throw new RuleViolation(null, "Someone else changed this doctor while you were editing. "
                    + "Their changes are shown now; make yours again.");
        }
        List<RuleViolation.Problem> problems = detailProblems(doctor.id(), changes.displayName(), changes.email(),
                changes.registrationNumber(), changes.room(), changes.slotMinutes(), changes.dailyCapacity());
        Optional<Specialty> specialty = changes.specialtyId() == null ? Optional.empty()
                : specialties.findByPublicId(changes.specialtyId());
        if (specialty.isEmpty()) {
            problems.add(new RuleViolation.Problem("specialtyId", "Choose a specialty"));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        doctor.change(clean(changes.displayName()), specialty.get().id(), DoctorRules.normalisedEmail(changes.email()),
                DoctorRules.normalisedRegistrationNumber(changes.registrationNumber()), clean(changes.room()),
                changes.slotMinutes(), changes.dailyCapacity());
        return saved(doctor).toRecord(specialty.get().toSummary());
    }

    DoctorRecord setActive(UUID doctorId, boolean active) {
        events.publishEvent(new DoctorsChanged());
        Doctor doctor = lock(doctorId);
        doctor.setActive(active);
        return doctors.saveAndFlush(doctor).toRecord(specialtyList.byInternalId().get(doctor.specialtyId()));
    }

    List<DoctorRecord> all() {
        Map<Long, SpecialtySummary> bySpecialty = specialtyList.byInternalId();
        return doctors.findAllByOrderByDisplayNameAsc().stream()
                .map(d -> d.toRecord(bySpecialty.get(d.specialtyId()))).toList();
    }

    DoctorRecord record(UUID doctorId) {
        Doctor doctor = doctors.findByPublicId(doctorId)
                .orElseThrow(() -> new NotFoundException("No doctor with this id"));
        return doctor.toRecord(specialtyList.byInternalId().get(doctor.specialtyId()));
    }

    List<StaffAccountSummary> unlinkedDoctorAccounts() {
        Set<String> linked = new HashSet<>(doctors.linkedStaffUsernames());
        return accounts.list().stream()
                .filter(a -> a.role() == Role.DOCTOR && a.enabled() && !linked.contains(a.username()))
                .sorted(Comparator.comparing(StaffAccountSummary::displayName)).toList();
    }

    /**
     * Writes the doctor; when another administrator took the same email, account or registration number between our
     * check and this write, the unique key refuses it and the editor is told at that field, as if the check had seen
     * it (the transaction rolls back).
     */
    private Doctor saved(Doctor doctor) {
        try {
            return doctors.saveAndFlush(doctor);
        } catch (DataIntegrityViolationException raced) {
            String message = String.valueOf(raced.getMostSpecificCause().getMessage());
            if (message.contains("uk_doctor_registration_number")) {
                throw new RuleViolation("registrationNumber", "Another doctor has this registration number");
            }
            if (message.contains("uk_doctor_email")) {
                throw new RuleViolation("email", "Another doctor has this email");
            }
            if (message.contains("uk_doctor_staff_username")) {
                throw new RuleViolation("staffUsername", "This account already belongs to a doctor");
            }
            throw raced;
        }
    }

    private Doctor lock(UUID doctorId) {
        return doctors.lockByPublicId(doctorId).orElseThrow(() -> new NotFoundException("No doctor with this id"));
    }

    private List<RuleViolation.Problem> detailProblems(@Nullable Long existingId, @Nullable String displayName,
                                                       @Nullable String email, @Nullable String registrationNumber,
                                                       @Nullable String room, int slotMinutes, int dailyCapacity) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        DoctorRules.nameProblem(displayName).ifPresent(p -> problems.add(new RuleViolation.Problem("displayName", p)));
        DoctorRules.slotMinutesProblem(slotMinutes)
                .ifPresent(p -> problems.add(new RuleViolation.Problem("slotMinutes", p)));
        DoctorRules.dailyCapacityProblem(dailyCapacity)
                .ifPresent(p -> problems.add(new RuleViolation.Problem("dailyCapacity", p)));
        DoctorRules.roomProblem(room).ifPresent(p -> problems.add(new RuleViolation.Problem("room", p)));
        Optional<String> emailProblem = DoctorRules.emailProblem(email);
        String normalisedEmail = DoctorRules.normalisedEmail(email);
        if (emailProblem.isPresent()) {
            problems.add(new RuleViolation.Problem("email", emailProblem.get()));
        } else if (existingId == null ? doctors.existsByEmail(normalisedEmail)
                : doctors.existsByEmailAndIdNot(normalisedEmail, existingId)) {
            problems.add(new RuleViolation.Problem("email", "Another doctor has this email"));
        }
        Optional<String> registrationProblem = DoctorRules.registrationNumberProblem(registrationNumber);
        if (registrationProblem.isPresent()) {
            problems.add(new RuleViolation.Problem("registrationNumber", registrationProblem.get()));
        } else {
            String cleaned = DoctorRules.normalisedRegistrationNumber(registrationNumber);
            if (existingId == null ? doctors.existsByRegistrationNumber(cleaned)
                    : doctors.existsByRegistrationNumberAndIdNot(cleaned, existingId)) {
                problems.add(new RuleViolation.Problem("registrationNumber",
                        "Another doctor has this registration number"));
            }
        }
        return problems;
    }

    static String clean(@Nullable String text) {
        String cleaned = Texts.clean(text);
        return cleaned == null ? "" : cleaned;
    }
}
