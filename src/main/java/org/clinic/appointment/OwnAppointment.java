package org.clinic.appointment;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** One of the signed-in patient's own appointments, as the portal shows it: when, with whom, where. */
public record OwnAppointment(UUID id, LocalDate date, LocalTime start, LocalTime end, String doctorName,
                             String specialty, String room, AppointmentStatus status) {
}
