package org.clinic.patient;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Everything the patient record screen shows about a patient; {@code version} guards concurrent edits;
 * {@code emailMessages} is the contact preference (may the clinic email them).
 */
public record PatientRecord(UUID id, String mrn, String givenName, String familyName, LocalDate birthDate,
                            boolean birthDateEstimated, Sex sex, @Nullable String phone, @Nullable String email,
                            @Nullable String address, PatientStatus status, Instant registeredAt, long version,
                            boolean emailMessages) {

    public String fullName() {
        return givenName + " " + familyName;
    }

    public String displayMrn() {
        return Mrn.display(mrn);
    }

    public PatientDetails details() {
        return new PatientDetails(givenName, familyName, birthDate, birthDateEstimated, sex, phone, email, address);
    }
}
