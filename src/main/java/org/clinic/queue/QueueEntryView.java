package org.clinic.queue;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A patient in a queue as staff screens show them.
 *
 * @param position      1 for the next to be called (following priorities and fairness), 0 when not waiting
 * @param estimatedWait from the doctor's average consultation today (the slot length until there is one)
 * @param longWait      waited longer than the configured threshold
 */
public record QueueEntryView(UUID id, String token, UUID patientId, String patientName, String patientMrn, Lane lane,
                             @Nullable String priorityReason, @Nullable String visitReason, QueueStatus status,
                             Instant arrivedAt, Duration waited, int position, Duration estimatedWait, int skips,
                             boolean walkIn, @Nullable UUID doctorId, @Nullable String doctorName, String room,
                             @Nullable Instant calledAt, boolean longWait) {
}
