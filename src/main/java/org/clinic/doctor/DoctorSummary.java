package org.clinic.doctor;

import java.time.Duration;
import java.util.UUID;

/**
 * A doctor as booking and the screens see them. {@code internalId} is for other modules' foreign keys only and never
 * leaves the server (URLs carry {@code id}).
 */
public record DoctorSummary(UUID id, long internalId, String displayName, SpecialtySummary specialty, String room,
                            Duration slotLength, int dailyCapacity, String staffUsername, String email,
                            String registrationNumber) {
}
