package org.clinic.doctor;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.UUID;

/**
 * A doctor as booking and the screens see them. {@code internalId} is for other modules' foreign keys only and never
 * leaves the server (URLs carry {@code id}). An inactive doctor keeps their history but offers no slots.
 */
public record DoctorSummary(UUID id, long internalId, String displayName, SpecialtySummary specialty, String room,
                            Duration slotLength, int dailyCapacity, String staffUsername, String email,
                            @Nullable String registrationNumber, boolean active) {
}
