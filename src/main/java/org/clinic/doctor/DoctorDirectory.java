package org.clinic.doctor;

import org.clinic.base.LiveResync;
import org.clinic.base.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reads every other module makes of doctors (booking, queues, consultations, reports): who is bookable, and a
 * doctor's working time on a date. A doctor and a day are read on every booking and change rarely, so they are kept
 * in memory on each node, and all of them are dropped when any change is committed, on this node or another
 * ({@link DoctorsChanged} arrives through the live update bus), and on {@link LiveResync}.
 * <p>
 * Each kept entry carries the generation it was read in; a drop moves the generation on. A read that began before a
 * change and ends after it is stored under the old generation and never served, so no node keeps the state from
 * before the change.
 */
@Component
class DoctorDirectory {

    private static final int DAY_LIMIT = 20_000;

    private final DoctorRepository doctors;
    private final ScheduleStore schedules;
    private final Specialties specialties;
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Kept<DaySchedule>> days = new ConcurrentHashMap<>();
    private final Map<UUID, Kept<DoctorSummary>> summaries = new ConcurrentHashMap<>();

    DoctorDirectory(DoctorRepository doctors, ScheduleStore schedules, Specialties specialties) {
        this.doctors = doctors;
        this.schedules = schedules;
        this.specialties = specialties;
    }

    /** Runs before the screens are told (LiveUpdates), so a screen that re-reads gets the new hours. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void changed(DoctorsChanged changed) {
        drop();
    }

    /**
     * Also at once, inside the writing transaction, and again when it ends either way: what that transaction reads
     * after its change must not come from before it, and what it read of its own change must not outlive a rollback.
     */
    @EventListener
    void changing(DoctorsChanged changing) {
        drop();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    drop();
                }
            });
        }
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void resync(LiveResync resync) {
        drop();
    }

    void drop() {
        generation.incrementAndGet();
        days.clear();
        summaries.clear();
    }

    List<DoctorSummary> active() {
        Map<Long, SpecialtySummary> bySpecialty = specialties.byInternalId();
        return doctors.findByActiveTrueOrderByDisplayNameAsc().stream()
                .map(d -> d.toSummary(bySpecialty.get(d.specialtyId()))).toList();
    }

    Map<Long, DoctorSummary> byInternalId(Collection<Long> internalIds) {
        Map<Long, SpecialtySummary> bySpecialty = specialties.byInternalId();
        Map<Long, DoctorSummary> found = new HashMap<>();
        doctors.findAllById(internalIds).forEach(d -> found.put(d.id(), d.toSummary(bySpecialty.get(d.specialtyId()))));
        return found;
    }

    DoctorSummary doctor(UUID doctorId) {
        long now = generation.get();
        Kept<DoctorSummary> kept = summaries.get(doctorId);
        if (kept != null && kept.generation() == now) {
            return kept.value();
        }
        Doctor doctor = doctors.findByPublicId(doctorId)
                .orElseThrow(() -> new NotFoundException("No doctor with this id"));
        DoctorSummary summary = doctor.toSummary(specialties.byInternalId().get(doctor.specialtyId()));
        summaries.put(doctorId, new Kept<>(now, summary));
        return summary;
    }

    /** The doctor's working time on a date, with leave, extra sessions and clinic holidays applied. */
    DaySchedule daySchedule(UUID doctorId, LocalDate date) {
        long now = generation.get();
        String key = doctorId + "/" + date;
        Kept<DaySchedule> kept = days.get(key);
        if (kept != null && kept.generation() == now) {
            return kept.value();
        }
        DaySchedule day = read(doctorId, date);
        if (days.size() >= DAY_LIMIT) {
            days.clear(); // bounded: a long-running clinic reads ever new dates
        }
        days.put(key, new Kept<>(now, day));
        return day;
    }

    private DaySchedule read(UUID doctorId, LocalDate date) {
        DoctorSummary doctor = doctor(doctorId);
        if (!doctor.active()) {
            return new DaySchedule(doctor, date, List.of(), doctor.displayName() + " no longer sees patients");
        }
        var holiday = schedules.holiday(date);
        if (holiday.isPresent()) {
            return new DaySchedule(doctor, date, List.of(), "Clinic closed: " + holiday.get());
        }
        if (schedules.onLeave(doctor.internalId(), date)) {
            return new DaySchedule(doctor, date, List.of(), doctor.displayName() + " is on leave");
        }
        List<DaySchedule.Session> sessions = new ArrayList<>(schedules.week(doctor.internalId()).stream()
                .filter(s -> s.day() == date.getDayOfWeek())
                .map(s -> new DaySchedule.Session(s.start(), s.end())).toList());
        sessions.addAll(schedules.extraSessions(doctor.internalId(), date));
        sessions.sort(Comparator.comparing(DaySchedule.Session::start));
        return new DaySchedule(doctor, date, sessions, sessions.isEmpty()
                ? doctor.displayName() + " does not work on " + WorkingTime.dayName(date.getDayOfWeek()) + "s" : null);
    }

    /** How many days are kept now (tests). */
    int keptDays() {
        return days.size();
    }

    private record Kept<T>(long generation, T value) {
    }
}
