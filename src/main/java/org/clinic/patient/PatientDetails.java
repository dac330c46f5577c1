package org.clinic.patient;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * What the front desk records about a patient, as typed; {@link PatientRules} cleans and checks it, for the form
 * and again in the service. When the birth date is unknown, {@code birthDate} holds the date estimated from an
 * age in years and {@code birthDateEstimated} is true.
 */
public record PatientDetails(
        @Nullable String givenName,
        @Nullable String familyName,
        @Nullable LocalDate birthDate,
        boolean birthDateEstimated,
        @Nullable Sex sex,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String address) {
}
