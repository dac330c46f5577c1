package org.clinic.security;

/** What of a patient's data was read, for the access log. */
public enum AccessKind {
    RECORD("Patient record"),
    HISTORY("Change history"),
    CONSULTATION("Consultations"),
    SUMMARY("Visit summary"),
    PRINT("Printed summary"),
    EXPORT("History export"),
    API("API"),
    PORTAL("Patient portal"),
    SAFETY("Allergies, alerts, problems");

    private final String label;

    AccessKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
