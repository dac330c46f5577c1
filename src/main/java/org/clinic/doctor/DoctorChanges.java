package org.clinic.doctor;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** New details for an existing doctor; the staff account a doctor signs in with never changes. */
public record DoctorChanges(@Nullable String displayName, @Nullable UUID specialtyId, @Nullable String email,
                            @Nullable String registrationNumber, @Nullable String room, int slotMinutes,
                            int dailyCapacity) {
}
