package org.clinic.queue;

/** Where a patient is in the queue. Waiting → Called → In consultation → Done, or No-show / Left. */
public enum QueueStatus {
    WAITING("Waiting"),
    CALLED("Called"),
    IN_CONSULTATION("In consultation"),
    DONE("Done"),
    NO_SHOW("No-show"),
    LEFT("Left");

    private final String label;

    QueueStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still in the doctor's day: waiting, called or being seen. */
    public boolean active() {
        return this == WAITING || this == CALLED || this == IN_CONSULTATION;
    }
}
