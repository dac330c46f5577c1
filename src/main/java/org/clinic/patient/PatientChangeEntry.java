package org.clinic.patient;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One line of a patient's change history: who changed which field from what to what, and when. */
public record PatientChangeEntry(Instant changedAt, String changedBy, String field, @Nullable String oldValue,
                                 @Nullable String newValue) {
}
