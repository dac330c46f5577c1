package org.clinic.appointment;

import org.clinic.base.RuleViolation;
import org.clinic.doctor.Slot;

import java.util.List;

/** The slot was booked by someone else a moment ago; carries the next free slots to offer instead. */
public class SlotTaken extends RuleViolation {

    private final List<Slot> nextFree;

    public SlotTaken(List<Slot> nextFree) {
        super("start", "This slot was just taken by another booking");
        this.nextFree = List.copyOf(nextFree);
    }

    public List<Slot> nextFree() {
        return nextFree;
    }
}
