package org.clinic.queue;

import java.util.UUID;

/**
 * A patient joined a queue: checked in for an appointment, or as a walk-in. {@code channel} is how
 * ({@link org.clinic.security.Channels}: desk, kiosk, portal, api).
 */
public record PatientCheckedIn(UUID entryId, String channel, boolean walkIn) {
}
