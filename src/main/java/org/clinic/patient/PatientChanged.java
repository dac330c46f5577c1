package org.clinic.patient;

import org.clinic.base.LiveEvent;

import java.util.UUID;

/** Details or status of a patient changed. */
public record PatientChanged(UUID patientId) implements LiveEvent {
}
