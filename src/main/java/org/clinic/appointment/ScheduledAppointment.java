package org.clinic.appointment;

/** A scheduled appointment with the internal ids another module's records point at (the outbox's reminders). */
public record ScheduledAppointment(long internalId, long patientInternalId, AppointmentSummary summary) {
}
