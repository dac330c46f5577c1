package org.clinic.queue;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A queue entry as a module that builds on the queue refers to it: internal ids for its foreign keys (never shown
 * or put in URLs), the patient and doctor, the day and the status.
 *
 * @param appointmentInternalId null for a walk-in
 * @param doctorId              null while a walk-in waits in a specialty's queue
 */
public record QueueVisit(UUID id, long internalId, @Nullable Long appointmentInternalId, UUID patientId,
                         @Nullable UUID doctorId, LocalDate date, String token, QueueStatus status) {
}
