package org.clinic.appointment;

import org.clinic.base.ClinicSettings;
import org.clinic.doctor.DaySchedule;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.Slot;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How appointments read for the services that return them (the front desk's and the patient's): rows into
 * {@link AppointmentSummary}s with their patient and doctor, and a doctor's day into the slots still free. Secures
 * nothing itself: the services calling it do, and the patient and doctor reads it makes are secured in turn.
 */
@Component
class AppointmentReads {

    private final AppointmentRepository appointments;
    private final PatientService patients;
    private final DoctorService doctors;
    private final Clock clock;
    private final BookingStore store;

    AppointmentReads(AppointmentRepository appointments, PatientService patients, DoctorService doctors, Clock clock,
                     ClinicSettings settings, BookingStore store) {
        this.appointments = appointments;
        this.store = store;
        this.patients = patients;
        this.doctors = doctors;
        this.clock = settings.following(clock);
    }

    /** The slots of a doctor's day that nobody holds and that have not begun; none once the day is at capacity. */
    List<Slot> freeSlots(DaySchedule day) {
        if (capacityReached(day) != null) {
            return List.of();
        }
        Set<LocalTime> taken = new HashSet<>();
        appointments.findByDoctorIdAndDateOrderByStart(day.doctor().internalId(), day.date()).stream()
                .filter(a -> a.status().holdsSlot()).forEach(a -> taken.add(a.start()));
        return free(day, taken, false, LocalDateTime.now(clock));
    }

    /**
     * The rule of what can be booked, for one day and for a week alike: the day's slots that nobody holds and that
     * have not begun; none once the day is at capacity.
     */
    static List<Slot> free(DaySchedule day, Set<LocalTime> taken, boolean full, LocalDateTime now) {
        if (full) {
            return List.of();
        }
        return day.slots().stream()
                .filter(s -> !taken.contains(s.start()))
                .filter(s -> LocalDateTime.of(day.date(), s.start()).isAfter(now))
                .toList();
    }

    /** The clinic's time now (the zone of its settings). */
    LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** The day's capacity when all of it is booked, else null. */
    @org.jspecify.annotations.Nullable Integer capacityReached(DaySchedule day) {
        return store.capacityReached(day.doctor().internalId(), day.date());
    }

    /** Rows as summaries, in the same order, with their patients and doctors read in one go each. */
    List<AppointmentSummary> summarize(List<Appointment> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, PatientReference> people = patients.references(list.stream().map(Appointment::patientId)
                .collect(Collectors.toSet()));
        Map<Long, DoctorSummary> byId = doctors.doctorsByInternalId(list.stream().map(Appointment::doctorId)
                .collect(Collectors.toSet()));
        Map<Long, UUID> publicIds = new HashMap<>();
        list.stream().map(Appointment::rescheduledFrom).filter(Objects::nonNull).forEach(id ->
                appointments.findById(id).ifPresent(a -> publicIds.put(id, a.publicId())));
        return list.stream().map(a -> {
            PatientReference p = people.get(a.patientId());
            DoctorSummary d = byId.get(a.doctorId());
            return new AppointmentSummary(a.publicId(), p.id(), p.fullName(), p.mrn(), d.id(), d.displayName(),
                    d.specialty().name(), d.room(), a.date(), a.start(), a.end(), a.status(), a.kind(), a.reason(),
                    a.rescheduledFrom() == null ? null : publicIds.get(a.rescheduledFrom()), a.bookedOnline(),
                    a.bookingCode(), a.visitCode());
        }).toList();
    }
}
