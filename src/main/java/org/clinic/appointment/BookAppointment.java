package org.clinic.appointment;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A booking request. {@code requestId} is made once per booking form (or API call): submitting the same request
 * twice (double click, retry, two tabs) books once and returns the same appointment.
 */
public record BookAppointment(UUID requestId, UUID patientId, UUID doctorId, LocalDate date, LocalTime start,
                              AppointmentKind kind, @Nullable String reason) {
}
