package org.clinic.clinical;

/**
 * How bad a reaction to the substance was: HL7 FHIR AllergyIntolerance's reaction severity (mild, moderate,
 * severe), with life-threatening kept apart, as clinics record anaphylaxis.
 */
public enum Severity {
    MILD("mild"),
    MODERATE("moderate"),
    SEVERE("severe"),
    LIFE_THREATENING("life-threatening");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Severe or worse: shown in red. */
    public boolean serious() {
        return this == SEVERE || this == LIFE_THREATENING;
    }
}
