package org.clinic.doctor;

import java.util.UUID;

/** A specialty; {@code internalId} is for other modules' foreign keys only and never leaves the server. */
public record SpecialtySummary(UUID id, String name, long internalId) {
}
