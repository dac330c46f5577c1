package org.clinic.clinical;

/**
 * Whether the patient's allergies are known: {@link #UNKNOWN} (not asked yet: a prompt to ask) is not the same as
 * {@link #NO_KNOWN} (asked; none known). {@link #HAS_ALLERGIES} while at least one allergy is active.
 */
public enum AllergyStatus {
    UNKNOWN("Allergies not yet recorded"),
    NO_KNOWN("No known allergies"),
    HAS_ALLERGIES("Allergies");

    private final String label;

    AllergyStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
