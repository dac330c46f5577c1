package org.clinic.appointment;

import org.clinic.doctor.DaySchedule;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.Slot;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Free slots per doctor and day over several days, for the week strip: the bookings and full days of every doctor
 * asked for come from one query ({@link BookingStore#heldBetween}); working hours, leave and holidays from the
 * doctors' day schedules; and what counts as free is the very rule booking offers ({@link AppointmentReads#free}).
 * Secures nothing itself: {@link AppointmentQueries} does.
 */
@Component
class FreeWeeks {

    static final LocalTime NOON = LocalTime.NOON;

    private final DoctorService doctors;
    private final BookingStore store;
    private final AppointmentReads reads;

    FreeWeeks(DoctorService doctors, BookingStore store, AppointmentReads reads) {
        this.doctors = doctors;
        this.store = store;
        this.reads = reads;
    }

    List<DoctorWeek> of(List<UUID> doctorIds, LocalDate from, int days) {
        List<List<DaySchedule>> schedules = doctorIds.stream().map(id -> java.util.stream.IntStream.range(0, days)
                .mapToObj(i -> doctors.daySchedule(id, from.plusDays(i))).toList()).toList();
        BookingStore.HeldDays held = store.heldBetween(schedules.stream()
                .map(week -> week.getFirst().doctor().internalId()).toList(), from, from.plusDays(days - 1L));
        LocalDateTime now = reads.now();
        List<DoctorWeek> weeks = new ArrayList<>();
        for (List<DaySchedule> week : schedules) {
            List<FreeDay> out = new ArrayList<>();
            for (DaySchedule day : week) {
                long doctor = day.doctor().internalId();
                out.add(day(day, held.taken(doctor, day.date()), held.full(doctor, day.date()), now));
            }
            weeks.add(new DoctorWeek(week.getFirst().doctor(), out));
        }
        return weeks;
    }

    static FreeDay day(DaySchedule day, java.util.Set<LocalTime> taken, boolean full, LocalDateTime now) {
        if (!day.isOpen()) {
            return new FreeDay(day.date(), 0, 0, FreeDay.State.CLOSED,
                    day.closedWhy() == null ? "No working hours" : day.closedWhy());
        }
        List<Slot> free = AppointmentReads.free(day, taken, full, now);
        int morning = (int) free.stream().filter(s -> s.start().isBefore(NOON)).count();
        int afternoon = free.size() - morning;
        if (!free.isEmpty()) {
            return new FreeDay(day.date(), morning, afternoon, FreeDay.State.FREE, null);
        }
        boolean anyLeft = day.slots().stream().anyMatch(s -> LocalDateTime.of(day.date(), s.start()).isAfter(now));
        return new FreeDay(day.date(), 0, 0, full || anyLeft ? FreeDay.State.FULL : FreeDay.State.OVER, null);
    }
}
