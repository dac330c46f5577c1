package org.clinic.consultation;

import org.jspecify.annotations.Nullable;

/**
 * A consultation as its screen opens it, with what the screen's header needs from the patient's earlier visits.
 *
 * @param earlierWeight the most recent weight recorded at an earlier completed consultation, shown when this one
 *                      has none yet; null when none was ever recorded
 */
public record OpenedConsultation(Consultation consultation, @Nullable RecordedWeight earlierWeight) {
}
