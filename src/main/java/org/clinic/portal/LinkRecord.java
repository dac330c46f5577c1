package org.clinic.portal;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * A patient linking their existing record: by MRN and date of birth (the code then goes to the email address on the
 * record), or by reception's invitation code and an email address of their choice.
 */
public record LinkRecord(@Nullable String mrn, @Nullable LocalDate birthDate, @Nullable String invitationCode,
                         @Nullable String email, @Nullable String password) {

    public static LinkRecord byMrn(@Nullable String mrn, @Nullable LocalDate birthDate, @Nullable String password) {
        return new LinkRecord(mrn, birthDate, null, null, password);
    }

    public static LinkRecord byInvitation(@Nullable String code, @Nullable String email, @Nullable String password) {
        return new LinkRecord(null, null, code, email, password);
    }
}
