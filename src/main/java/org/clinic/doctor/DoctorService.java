package org.clinic.doctor;

import org.clinic.security.CurrentPatient;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Specialties, doctors and their working time: the doctor module's one door. Administrators change them; everyone
 * on the staff may read them, because booking, queues and the doctor's own screens all need them; a doctor reads
 * their own hours. Who may call what, and the transaction, are decided here; the work is done along the module's
 * seams, each in its own class: {@link Specialties}, {@link DoctorRecords}, {@link WorkingTime}, and
 * {@link DoctorDirectory} for the reads other modules make, with the doctor and day caches of each node.
 * <p>
 * Every change publishes {@link DoctorsChanged}; each node drops its caches when one is committed, wherever it was
 * made (several nodes: through the live update bus).
 */
@Service
public class DoctorService {

    static final String ADMIN = "hasRole('" + Role.ADMIN_NAME + "')";
    static final String DOCTOR = "hasRole('" + Role.DOCTOR_NAME + "')";
    static final String STAFF = "hasAnyRole('" + Role.ADMIN_NAME + "','" + Role.RECEPTIONIST_NAME + "','"
            + Role.DOCTOR_NAME + "')";

    /** Who works when, where and in which specialty is also what patients choose from when they book online. */
    static final String STAFF_AND_PATIENTS = "hasAnyRole('" + Role.ADMIN_NAME + "','" + Role.RECEPTIONIST_NAME + "','"
            + Role.DOCTOR_NAME + "','" + CurrentPatient.ROLE_NAME + "')";
    /** Doctors' names, specialties and rooms are also what waiting-room displays show beside the tokens. */
    static final String EVERYONE_SIGNED_IN = "hasAnyRole('" + Role.ADMIN_NAME + "','" + Role.RECEPTIONIST_NAME + "','"
            + Role.DOCTOR_NAME + "','" + Role.DISPLAY_NAME + "','" + CurrentPatient.ROLE_NAME + "')";

    private final Specialties specialties;
    private final DoctorRecords records;
    private final WorkingTime time;
    private final DoctorDirectory directory;

    DoctorService(Specialties specialties, DoctorRecords records, WorkingTime time, DoctorDirectory directory) {
        this.specialties = specialties;
        this.records = records;
        this.time = time;
        this.directory = directory;
    }

    // ---------------------------------------------------------------- specialties

    @PreAuthorize(ADMIN)
    @Transactional
    public SpecialtySummary addSpecialty(String name) {
        return specialties.add(name);
    }

    @PreAuthorize(ADMIN)
    @Transactional
    public SpecialtySummary renameSpecialty(UUID specialtyId, String name) {
        return specialties.rename(specialtyId, name);
    }

    /** Removes a specialty no doctor practises (a mistyped one, say); one in use stays. */
    @PreAuthorize(ADMIN)
    @Transactional
    public void removeSpecialty(UUID specialtyId) {
        specialties.remove(specialtyId);
    }

    @PreAuthorize(EVERYONE_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<SpecialtySummary> specialties() {
        return specialties.all();
    }

    /** Every specialty with how many doctors practise it, by name. */
    @PreAuthorize(ADMIN)
    @Transactional(readOnly = true)
    public List<SpecialtyUsage> specialtyUsage() {
        return specialties.usage();
    }

    // ---------------------------------------------------------------- doctors

    @PreAuthorize(ADMIN)
    @Transactional
    public DoctorSummary addDoctor(NewDoctor details) {
        return records.add(details);
    }

    /**
     * Changes a doctor's details. {@code expectedVersion} is the version the editor started from: if someone else
     * saved in between, the change is refused rather than overwriting theirs. A new slot length or capacity applies
     * to bookings made from now on; appointments already booked keep their times.
     */
    @PreAuthorize(ADMIN)
    @Transactional
    public DoctorRecord updateDoctor(UUID doctorId, long expectedVersion, DoctorChanges changes) {
        return records.update(doctorId, expectedVersion, changes);
    }

    /** The doctor stops being bookable; their record, hours and appointments stay. */
    @PreAuthorize(ADMIN)
    @Transactional
    public DoctorRecord deactivateDoctor(UUID doctorId) {
        return records.setActive(doctorId, false);
    }

    @PreAuthorize(ADMIN)
    @Transactional
    public DoctorRecord reactivateDoctor(UUID doctorId) {
        return records.setActive(doctorId, true);
    }

    /** Every doctor, active or not, by name: the administrators' list. */
    @PreAuthorize(ADMIN)
    @Transactional(readOnly = true)
    public List<DoctorRecord> allDoctors() {
        return records.all();
    }

    @PreAuthorize(ADMIN)
    @Transactional(readOnly = true)
    public DoctorRecord doctorRecord(UUID doctorId) {
        return records.record(doctorId);
    }

    /** Enabled Doctor staff accounts that no doctor is linked to yet: who can be added as a doctor. */
    @PreAuthorize(ADMIN)
    @Transactional(readOnly = true)
    public List<StaffAccountSummary> unlinkedDoctorAccounts() {
        return records.unlinkedDoctorAccounts();
    }

    // ---------------------------------------------------------------- working time

    /**
     * Replaces a doctor's weekly sessions. Sessions of one weekday may not overlap each other, nor an upcoming
     * extra session on a date of that weekday.
     */
    @PreAuthorize(ADMIN)
    @Transactional
    public void setWeeklySessions(UUID doctorId, List<WorkingSession> sessions) {
        time.setWeeklySessions(doctorId, sessions);
    }

    /** A day off for the doctor; today or later, once per date, not on a date with an extra session. */
    @PreAuthorize(ADMIN)
    @Transactional
    public void addLeave(UUID doctorId, @Nullable LocalDate date, @Nullable String note) {
        time.addLeave(doctorId, date, note);
    }

    /**
     * A session on one date beyond the week: today or later, within the day, not on leave or a clinic holiday,
     * overlapping neither the weekly sessions of that weekday nor another extra session of that date.
     */
    @PreAuthorize(ADMIN)
    @Transactional
    public void addExtraSession(UUID doctorId, @Nullable LocalDate date, @Nullable LocalTime start,
                                @Nullable LocalTime end, @Nullable String note) {
        time.addExtraSession(doctorId, date, start, end, note);
    }

    /** The doctor's leave and extra sessions from today on. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<DateException> upcomingDateExceptions(UUID doctorId) {
        return time.upcomingDateExceptions(doctorId);
    }

    @PreAuthorize(ADMIN)
    @Transactional
    public void removeDateException(UUID doctorId, long exceptionId) {
        time.removeDateException(doctorId, exceptionId);
    }

    /** A date on which the whole clinic is closed; today or later, one name a date. */
    @PreAuthorize(ADMIN)
    @Transactional
    public void addClinicHoliday(@Nullable LocalDate date, @Nullable String name) {
        time.addClinicHoliday(date, name);
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<ClinicHoliday> upcomingClinicHolidays() {
        return time.upcomingClinicHolidays();
    }

    @PreAuthorize(ADMIN)
    @Transactional
    public void removeClinicHoliday(LocalDate date) {
        time.removeClinicHoliday(date);
    }

    /**
     * The signed-in doctor's own details, week, upcoming leave and extra sessions, and clinic holidays; empty when
     * their account is not linked to a doctor yet.
     */
    @PreAuthorize(DOCTOR)
    @Transactional(readOnly = true)
    public Optional<DoctorSchedule> mySchedule() {
        return time.mySchedule();
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<WorkingSession> weeklySessions(UUID doctorId) {
        return time.weeklySessions(doctorId);
    }

    // ---------------------------------------------------------------- reads for booking and other modules

    @PreAuthorize(EVERYONE_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<DoctorSummary> doctors() {
        return directory.active();
    }

    /** Doctors by internal id, for other modules' lists (appointments, queues). */
    @PreAuthorize(STAFF_AND_PATIENTS)
    @Transactional(readOnly = true)
    public Map<Long, DoctorSummary> doctorsByInternalId(Collection<Long> internalIds) {
        return directory.byInternalId(internalIds);
    }

    @PreAuthorize(STAFF_AND_PATIENTS)
    @Transactional(readOnly = true)
    public DoctorSummary doctor(UUID doctorId) {
        return directory.doctor(doctorId);
    }

    /** The doctor's working time on a date, with leave, extra sessions and clinic holidays applied. */
    @PreAuthorize(STAFF_AND_PATIENTS)
    @Transactional(readOnly = true)
    public DaySchedule daySchedule(UUID doctorId, LocalDate date) {
        return directory.daySchedule(doctorId, date);
    }
}
