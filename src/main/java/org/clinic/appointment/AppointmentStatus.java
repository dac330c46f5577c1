package org.clinic.appointment;

import java.util.Set;

/**
 * Scheduled → Checked in → In consultation → Completed, or Cancelled / No-show. The only place that knows which
 * transitions exist.
 */
public enum AppointmentStatus {
    SCHEDULED("Scheduled"),
    CHECKED_IN("Checked in"),
    IN_CONSULTATION("In consultation"),
    COMPLETED("Completed"),
    CANCELLED("Cancelled"),
    NO_SHOW("No-show");

    private final String label;

    AppointmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the appointment still holds its slot and counts against the doctor's capacity. */
    public boolean holdsSlot() {
        return this != CANCELLED && this != NO_SHOW;
    }

    boolean canBecome(AppointmentStatus next) {
        return switch (this) {
            case SCHEDULED -> Set.of(CHECKED_IN, CANCELLED, NO_SHOW).contains(next);
            case CHECKED_IN -> Set.of(IN_CONSULTATION, CANCELLED, NO_SHOW).contains(next);
            case IN_CONSULTATION -> next == COMPLETED;
            // only when the queue undoes its own no-show of a checked-in patient, within its undo window
            case NO_SHOW -> next == CHECKED_IN;
            case COMPLETED, CANCELLED -> false;
        };
    }
}
