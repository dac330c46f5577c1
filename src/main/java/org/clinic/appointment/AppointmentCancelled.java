package org.clinic.appointment;

/** An appointment was cancelled (not moved). Published inside the cancelling transaction. */
public record AppointmentCancelled(AppointmentSummary appointment, long internalId) {
}
