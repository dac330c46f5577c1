package org.clinic.appointment;

import org.jspecify.annotations.Nullable;

/**
 * An appointment was booked, or moved ({@code movedFrom} is then the cancelled original). Published inside the
 * booking transaction, so a listener that writes (the outbox) writes in the same transaction.
 */
public record AppointmentBooked(AppointmentSummary appointment, long internalId,
                                @Nullable AppointmentSummary movedFrom) {
}
