package org.clinic.appointment;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * An appointment as lists, day views and the patient record show it.
 *
 * @param bookedOnline by the patient, in the portal
 * @param bookingCode what the patient types at the kiosk (with their date of birth)
 * @param visitCode   the code of the visit's public position page ({@code /visit/<code>}); for the patient's own
 *                    messages and ticket only
 */
public record AppointmentSummary(UUID id, UUID patientId, String patientName, String patientMrn, UUID doctorId,
                                 String doctorName, String specialty, String room, LocalDate date, LocalTime start,
                                 LocalTime end, AppointmentStatus status, AppointmentKind kind,
                                 @Nullable String reason, @Nullable UUID rescheduledFrom, boolean bookedOnline,
                                 String bookingCode, String visitCode) {
}
