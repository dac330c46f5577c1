package org.clinic.portal;

import org.clinic.base.RuleViolation;

/**
 * A new patient's details match a record in the registry (the registry's duplicate rules): no second record is made.
 * Says nothing of that record; the patient is offered to link theirs instead.
 */
public class RecordAlreadyExists extends RuleViolation {

    public static final String MESSAGE = "It looks like you are already registered with us. Instead of a new record, "
            + "link your existing one: with your MRN and date of birth, or with an invitation code from reception.";

    public RecordAlreadyExists() {
        super(null, MESSAGE);
    }
}
