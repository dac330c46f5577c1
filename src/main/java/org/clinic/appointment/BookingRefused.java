package org.clinic.appointment;

/**
 * A booking was refused and nothing was written: published after its transaction rolled back, for the meters. Only
 * the kind of refusal travels, never who or what was asked for.
 */
public record BookingRefused(Reason reason) {

    public enum Reason {
        /** Someone else took the slot a moment before. */
        SLOT_TAKEN,
        /** The doctor's day is full. */
        CAPACITY,
        /** Any other rule: inactive patient, closed day, overlapping appointment, the portal's limits, ... */
        RULE;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static BookingRefused of(org.clinic.base.RuleViolation refusal) {
        return new BookingRefused(refusal instanceof SlotTaken ? Reason.SLOT_TAKEN
                : refusal instanceof CapacityReached ? Reason.CAPACITY : Reason.RULE);
    }
}
