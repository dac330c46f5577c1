package org.clinic.clinical;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A condition of the problem list, coded in ICD-10, with its onset where known. */
public record Problem(UUID id, String code, String title, @Nullable LocalDate onset, ClinicalStatus status,
                      Instant recordedAt, String recordedBy, Instant changedAt, String changedBy) {

    public boolean active() {
        return status == ClinicalStatus.ACTIVE;
    }

    public String label() {
        return code + " · " + title;
    }
}
