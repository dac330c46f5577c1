package org.clinic.clinical;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** An alert for the care team; the front desk records non-clinical ones only. */
public record RecordAlert(UUID patientId, @Nullable AlertKind kind, @Nullable String detail, boolean clinical) {
}
