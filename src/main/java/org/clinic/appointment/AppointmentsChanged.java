package org.clinic.appointment;

import org.clinic.base.LiveEvent;

import java.time.LocalDate;
import java.util.UUID;

/** Appointments of a doctor's day changed: booked, cancelled, moved, or their status changed. */
public record AppointmentsChanged(UUID doctorId, LocalDate date, UUID patientId) implements LiveEvent {
}
