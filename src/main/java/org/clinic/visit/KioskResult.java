package org.clinic.visit;

import org.jspecify.annotations.Nullable;

/**
 * What the kiosk says after an attempt. Anything but {@link Outcome#CHECKED_IN} changed nothing.
 *
 * @param message what the patient reads (plain words, no name)
 * @param ticket  the ticket, when checked in now or before
 */
public record KioskResult(Outcome outcome, String message, @Nullable KioskTicket ticket) {

    public enum Outcome {
        CHECKED_IN,
        ALREADY_CHECKED_IN,
        /** A booking code was scanned or typed without the date of birth it needs. */
        NEEDS_BIRTH_DATE,
        REFUSED,
        /** Too many failed attempts on this kiosk: it asks the patient to go to reception for a while. */
        LIMITED
    }

    static KioskResult refused(String message) {
        return new KioskResult(Outcome.REFUSED, message, null);
    }
}
