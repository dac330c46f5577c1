package org.clinic.appointment;

import org.clinic.base.RuleViolation;

/** The doctor's day has no place left (its capacity is reached); the API answers it as a conflict. */
public class DayFullyBooked extends RuleViolation {

    public DayFullyBooked(String message) {
        super("date", message);
    }
}
