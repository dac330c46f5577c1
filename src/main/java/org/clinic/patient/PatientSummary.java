package org.clinic.patient;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.UUID;

/** A patient as a search result or list row. */
public record PatientSummary(UUID id, String mrn, String givenName, String familyName, LocalDate birthDate,
                             boolean birthDateEstimated, Sex sex, @Nullable String phone, PatientStatus status) {

    public String fullName() {
        return givenName + " " + familyName;
    }

    public String displayMrn() {
        return Mrn.display(mrn);
    }
}
