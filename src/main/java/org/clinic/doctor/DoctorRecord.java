package org.clinic.doctor;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/**
 * A doctor as the administrators' screens show and edit them, active or not. {@code version} is what an editor
 * started from, so a save can refuse to overwrite someone else's change.
 */
public record DoctorRecord(UUID id, String displayName, SpecialtySummary specialty, String room, int slotMinutes,
                           int dailyCapacity, String staffUsername, String email, @Nullable String registrationNumber,
                           boolean active, long version) {
}
