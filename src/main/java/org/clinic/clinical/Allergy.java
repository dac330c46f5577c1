package org.clinic.clinical;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** An allergy or intolerance of a patient, with who recorded it and when, and who last changed its status. */
public record Allergy(UUID id, String substance, @Nullable String reaction, Severity severity, ClinicalStatus status,
                      Instant recordedAt, String recordedBy, Instant changedAt, String changedBy) {

    public boolean active() {
        return status == ClinicalStatus.ACTIVE;
    }

    /** "Penicillins — severe, anaphylaxis". */
    public String summary() {
        return substance + " — " + severity.label() + (reaction == null ? "" : ", " + reaction);
    }
}
