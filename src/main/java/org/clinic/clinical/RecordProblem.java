package org.clinic.clinical;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.UUID;

/** A condition for the problem list: an ICD-10 code of the clinic's list and, where known, its onset. */
public record RecordProblem(UUID patientId, @Nullable String code, @Nullable LocalDate onset) {
}
