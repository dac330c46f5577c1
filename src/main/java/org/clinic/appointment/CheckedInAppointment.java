package org.clinic.appointment;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** An appointment just checked in, as the queue needs it (internal ids for its foreign keys). */
public record CheckedInAppointment(long internalId, UUID id, long patientInternalId, UUID patientId,
                                   long doctorInternalId, UUID doctorId, LocalDate date, LocalTime start,
                                   AppointmentKind kind, @Nullable String reason) {
}
