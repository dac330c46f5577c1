package org.clinic.patient;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A patient as other modules refer to them: {@code internalId} for their foreign keys (never shown or put in URLs),
 * the public id, the name to show and whether they may be booked; the date of birth and sex for clinical screens
 * (ranges that depend on age, the consultation header).
 */
public record PatientReference(UUID id, long internalId, String fullName, String mrn, PatientStatus status,
                               LocalDate birthDate, boolean birthDateEstimated, Sex sex) {

    public boolean active() {
        return status == PatientStatus.ACTIVE;
    }
}
