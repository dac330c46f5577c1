package org.clinic.consultation;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A medicine the patient is taking according to a completed consultation's prescription whose course has not yet
 * run out; see {@link MedicationCourse} for how its end is read from the duration.
 *
 * @param consultationId where it was prescribed
 * @param course         from the visit date to its last day, {@code assumed} when the duration named no end
 */
public record CurrentMedication(String medicine, @Nullable String strength, @Nullable String dose,
                                @Nullable String frequency, @Nullable String duration, MedicationCourse course,
                                String prescribedBy, UUID consultationId) {
}
