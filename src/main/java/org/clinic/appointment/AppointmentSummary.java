package org.clinic.appointment;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** An appointment as lists, day views and the patient record show it; {@code bookedOnline}: by the patient. */
public record AppointmentSummary(UUID id, UUID patientId, String patientName, String patientMrn, UUID doctorId,
                                 String doctorName, String specialty, String room, LocalDate date, LocalTime start,
                                 LocalTime end, AppointmentStatus status, AppointmentKind kind,
                                 @Nullable String reason, @Nullable UUID rescheduledFrom, boolean bookedOnline) {
}
