package org.clinic.doctor;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A doctor's working time on one date: the slots it offers, or why it offers none (leave, a clinic holiday, no
 * sessions that weekday).
 *
 * @param sessions   the sessions of the day (weekly ones, or an extra session), clinic-local
 * @param closedWhy  why the doctor does not work that day, or null when they do
 */
public record DaySchedule(DoctorSummary doctor, LocalDate date, List<Session> sessions, @Nullable String closedWhy) {

    public record Session(LocalTime start, LocalTime end) {
    }

    public boolean isOpen() {
        return closedWhy == null && !sessions.isEmpty();
    }

    /** Every slot of the day: each session cut into slot-length pieces; a piece that would overrun is left out. */
    public List<Slot> slots() {
        List<Slot> slots = new ArrayList<>();
        if (!isOpen()) {
            return slots;
        }
        Duration length = doctor.slotLength();
        for (Session session : sessions) {
            for (LocalTime start = session.start(); !start.plus(length).isAfter(session.end())
                    && start.plus(length).isAfter(start); start = start.plus(length)) {
                slots.add(new Slot(start, start.plus(length)));
            }
        }
        slots.sort(null);
        return slots;
    }

    /** The slot that starts at the given time, if the day has one. */
    public java.util.Optional<Slot> slotAt(LocalTime start) {
        return slots().stream().filter(s -> s.start().equals(start)).findFirst();
    }
}
