package org.clinic.consultation;

import org.clinic.base.LiveEvent;

import java.util.UUID;

/** A consultation was started, saved, completed or given an addendum. Ids only, never content. */
public record ConsultationChanged(UUID consultationId, UUID patientId) implements LiveEvent {
}
