package org.clinic.clinical;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** An alert for the care team; {@code clinical} ones are for doctors only. */
public record CareAlert(UUID id, AlertKind kind, @Nullable String detail, boolean clinical, ClinicalStatus status,
                        Instant recordedAt, String recordedBy) {

    public boolean active() {
        return status == ClinicalStatus.ACTIVE;
    }

    /** "Needs an interpreter: Portuguese", "Uses a wheelchair", or the text of an "other" alert. */
    public String text() {
        if (kind == AlertKind.OTHER && detail != null) {
            return detail;
        }
        return kind.label() + (detail == null ? "" : ": " + detail);
    }
}
