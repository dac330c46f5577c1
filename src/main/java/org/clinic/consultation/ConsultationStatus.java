package org.clinic.consultation;

/** Draft while the treating doctor writes; Completed locks it (corrections are addenda). */
public enum ConsultationStatus {
    DRAFT("Draft"),
    COMPLETED("Completed");

    private final String label;

    ConsultationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
