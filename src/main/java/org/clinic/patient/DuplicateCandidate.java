package org.clinic.patient;

import java.util.UUID;

/** An existing patient that a new registration may duplicate, and why. */
public record DuplicateCandidate(PatientSummary patient, Reason reason) {

    public enum Reason {
        SAME_PHONE("same phone number"), SAME_NAME_AND_BIRTH_DATE("same name and date of birth");

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
}
