package org.clinic.patient;

import java.util.UUID;

/** An existing patient that a new registration may duplicate, and why. */
public record DuplicateCandidate(PatientSummary patient, Reason reason) {

    public enum Reason {
        SAME_PHONE("same phone number"),
        SAME_NAME_AND_BIRTH_DATE("same name and date of birth"),
        /** Given and family name each sound like the existing patient's (docs/adr/0016), and the same birth date. */
        SOUNDS_ALIKE_SAME_BIRTH_DATE("name sounds alike, same date of birth");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public UUID id() {
        return patient.id();
    }

    /** Why it matched, as the warning says it: "sounds like Tariq Nasser, same date of birth". */
    public String why() {
        return switch (reason) {
            case SOUNDS_ALIKE_SAME_BIRTH_DATE -> "sounds like " + patient.givenName() + " " + patient.familyName()
                    + ", same date of birth";
            case SAME_NAME_AND_BIRTH_DATE, SAME_PHONE -> reason.label();
        };
    }
}
