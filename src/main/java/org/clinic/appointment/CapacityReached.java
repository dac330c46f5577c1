package org.clinic.appointment;

import org.clinic.base.RuleViolation;

/**
 * The doctor's day holds as many appointments as the doctor sees in a day; nothing was booked. Counted as a refusal
 * by capacity, and answered by the API as a conflict.
 */
public class CapacityReached extends RuleViolation {

    public CapacityReached(String message) {
        super("date", message);
    }
}
