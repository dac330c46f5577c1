package org.clinic.export;

/** Where an export stands. Only a ready export has a file; an expired one had one and it was deleted. */
public enum ExportState {
    RUNNING("Running"), READY("Ready"), CANCELLED("Cancelled"), FAILED("Failed"), EXPIRED("Expired");

    private final String label;

    ExportState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
