package org.clinic.patient;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/**
 * How the clinic may reach a patient: the address on file and the contact preference ({@code emailMessages}
 * false when the patient asked not to be emailed).
 */
public record PatientContact(UUID id, long internalId, String fullName, @Nullable String email,
                             boolean emailMessages) {
}
