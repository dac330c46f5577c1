package org.clinic.patient;

import org.clinic.base.LiveEvent;

import java.util.UUID;

public record PatientRegistered(UUID patientId) implements LiveEvent {
}
