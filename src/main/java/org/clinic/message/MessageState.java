package org.clinic.message;

/** Queued until the sender delivers it (sent) or gives up (failed); skipped when it could not be sent at all. */
public enum MessageState {
    QUEUED("Queued"),
    SENT("Sent"),
    FAILED("Failed"),
    SKIPPED("Skipped");

    private final String label;

    MessageState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
