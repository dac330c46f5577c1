package org.clinic.patient;

/** Inactive patients stay in the registry and its history but cannot be booked. */
public enum PatientStatus {
    ACTIVE("Active"), INACTIVE("Inactive");

    private final String label;

    PatientStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
