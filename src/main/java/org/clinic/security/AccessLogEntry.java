package org.clinic.security;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** One read of a patient's data, as the access log keeps it. */
public record AccessLogEntry(long id, Instant accessedAt, String staffUsername, String staffRole, AccessKind what,
                             UUID patientId, @Nullable Long patientInternalId, String reason, boolean brokeGlass) {
}
