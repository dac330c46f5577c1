package org.clinic.appointment;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * An appointment found by one of its visit codes, as the position page and the kiosk need it: where and when, its
 * state, internal ids for the queue. Nothing that names the patient or says why they come.
 */
public record BookedVisit(UUID id, long internalId, long patientInternalId, long doctorInternalId,
                          LocalDate date, LocalTime start, AppointmentStatus status, String visitCode) {
}
