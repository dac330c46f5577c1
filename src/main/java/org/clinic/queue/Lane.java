package org.clinic.queue;

/**
 * How a waiting patient is called. Emergencies go first; the priority lanes are interleaved fairly with regular
 * patients (see {@link QueueSettings#prioritiesPerRegular()}).
 */
public enum Lane {
    REGULAR("Regular"),
    SENIOR("Senior"),
    PREGNANT("Pregnant"),
    DISABILITY("Disability"),
    CHILD("Child"),
    EMERGENCY("Emergency");

    private final String label;

    Lane(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isPriority() {
        return this != REGULAR && this != EMERGENCY;
    }
}
