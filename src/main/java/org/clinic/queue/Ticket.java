package org.clinic.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** What a patient takes away from check-in: the token, where to go, and roughly how long it will take. */
public record Ticket(UUID entryId, String token, String patientName, String doctorName, String specialty,
                     String room, int position, Duration estimatedWait, Instant issuedAt) {
}
