package org.clinic.clinical;

import org.clinic.base.LiveEvent;

import java.util.UUID;

/** A patient's allergies, alerts or problem list changed. The patient's id only, never the content. */
public record SafetyChanged(UUID patientId) implements LiveEvent {
}
