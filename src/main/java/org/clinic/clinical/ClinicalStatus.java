package org.clinic.clinical;

/** Where an allergy, alert or problem stands. Rows are never deleted: a mistake is marked entered in error. */
public enum ClinicalStatus {
    ACTIVE("active"),
    RESOLVED("resolved"),
    ENTERED_IN_ERROR("entered in error");

    private final String label;

    ClinicalStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
