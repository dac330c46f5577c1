package org.clinic.appointment;

import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.doctor.DaySchedule;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.Slot;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.clinic.security.PatientOwnership;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.clinic.appointment.AppointmentService.STAFF;

/**
 * The read side of booking: a doctor's day and the clinic's, the slots still free and the free week, a patient's
 * appointments, one appointment and its history. Every method is read-only and states who may call it; what
 * {@link AppointmentService} changes, these read back.
 */
@Service
public class AppointmentQueries {

    private final AppointmentRepository appointments;
    private final BookingStore store;
    private final AppointmentReads reads;
    private final FreeWeeks weeks;
    private final PatientService patients;
    private final DoctorService doctors;

    AppointmentQueries(AppointmentRepository appointments, BookingStore store, AppointmentReads reads,
                       FreeWeeks weeks, PatientService patients, DoctorService doctors) {
        this.appointments = appointments;
        this.store = store;
        this.reads = reads;
        this.weeks = weeks;
        this.patients = patients;
        this.doctors = doctors;
    }

    /** An appointment's internal id, for another module's foreign key. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public long internalId(UUID appointmentId) {
        return find(appointmentId).id();
    }

    /** The doctor's appointments on a date, all statuses, in time order. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<AppointmentSummary> dayOf(UUID doctorId, LocalDate date) {
        DoctorSummary doctor = doctors.doctor(doctorId);
        return reads.summarize(appointments.findByDoctorIdAndDateOrderByStart(doctor.internalId(), date));
    }

    /** Every appointment of a date across doctors, in time order. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<AppointmentSummary> allOn(LocalDate date) {
        Set<Long> ids = doctors.doctors().stream().map(DoctorSummary::internalId).collect(Collectors.toSet());
        return reads.summarize(appointments.findByDateAndDoctorIdInOrderByStart(date, ids));
    }

    /** The appointments of a date still scheduled (not checked in, cancelled or done), across doctors, in time order. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<ScheduledAppointment> scheduledOn(LocalDate date) {
        Set<Long> ids = doctors.doctors().stream().map(DoctorSummary::internalId).collect(Collectors.toSet());
        List<Appointment> scheduled = appointments.findByDateAndDoctorIdInOrderByStart(date, ids).stream()
                .filter(a -> a.status() == AppointmentStatus.SCHEDULED).toList();
        List<AppointmentSummary> summaries = reads.summarize(scheduled);
        List<ScheduledAppointment> result = new java.util.ArrayList<>(scheduled.size());
        for (int i = 0; i < scheduled.size(); i++) {
            result.add(new ScheduledAppointment(scheduled.get(i).id(), scheduled.get(i).patientId(), summaries.get(i)));
        }
        return result;
    }

    /** The slots of a doctor's day that can still be booked now (free, and not yet begun). */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<Slot> freeSlots(UUID doctorId, LocalDate date) {
        DaySchedule day = doctors.daySchedule(doctorId, date);
        return reads.freeSlots(day);
    }

    /** When every place of the doctor's day is booked: the day's capacity (a number of patients), else null. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public @Nullable Integer capacityReached(UUID doctorId, LocalDate date) {
        return reads.capacityReached(doctors.daySchedule(doctorId, date));
    }

    /**
     * For a week strip: each doctor's free slots on {@code days} days from {@code from}, counted by the same rule
     * as {@link #freeSlots}, with the bookings of all of them read in one query.
     */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<DoctorWeek> freeWeek(List<UUID> doctorIds, LocalDate from, int days) {
        if (days < 1 || days > 31) {
            throw new RuleViolation(null, "A week strip shows 1 to 31 days");
        }
        return weeks.of(doctorIds, from, days);
    }

    @PreAuthorize(STAFF + " or " + PatientOwnership.OWN_RECORD) // the patient's own export reads it
    @Transactional(readOnly = true)
    public List<AppointmentSummary> ofPatient(UUID patientId) {
        PatientReference patient = patients.reference(patientId);
        return reads.summarize(appointments.findByPatientIdOrderByDateDescStartDesc(patient.internalId()));
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public AppointmentSummary get(UUID appointmentId) {
        return reads.summarize(List.of(find(appointmentId))).getFirst();
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<AppointmentHistoryEntry> history(UUID appointmentId) {
        return store.history(find(appointmentId).id());
    }

    private Appointment find(UUID appointmentId) {
        return appointments.findByPublicId(appointmentId)
                .orElseThrow(() -> new NotFoundException("No appointment with this id"));
    }
}
