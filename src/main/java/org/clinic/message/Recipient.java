package org.clinic.message;

import org.jspecify.annotations.Nullable;

/**
 * Who a message goes to. {@code acceptsEmail} is the patient's contact preference (staff always accept); a
 * recipient without an address, with an unusable one or who opted out is skipped, and the skip is recorded.
 *
 * @param patientInternalId the patient's internal id when the recipient is a patient, for the outbox's records
 */
public record Recipient(String name, @Nullable String email, boolean acceptsEmail, @Nullable Long patientInternalId) {

    public static Recipient staff(String name, @Nullable String email) {
        return new Recipient(name, email, true, null);
    }
}
