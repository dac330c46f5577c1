package org.clinic.patient;

import java.util.UUID;

/**
 * A patient as other modules refer to them: {@code internalId} for their foreign keys (never shown or put in URLs),
 * the public id, the name to show and whether they may be booked.
 */
public record PatientReference(UUID id, long internalId, String fullName, String mrn, PatientStatus status) {

    public boolean active() {
        return status == PatientStatus.ACTIVE;
    }
}
