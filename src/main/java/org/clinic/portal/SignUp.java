package org.clinic.portal;

import org.clinic.patient.PatientDetails;
import org.clinic.patient.Sex;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** A new patient signing up at the portal, as typed. Field names are what the form's messages are attached to. */
public record SignUp(@Nullable String givenName, @Nullable String familyName, @Nullable LocalDate birthDate,
                     @Nullable Sex sex, @Nullable String phone, @Nullable String address, @Nullable String email,
                     @Nullable String password) {

    PatientDetails details() {
        return new PatientDetails(givenName, familyName, birthDate, false, sex, phone, email, address);
    }
}
