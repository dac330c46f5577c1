package org.clinic.doctor;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One weekly session, e.g. Monday 09:00–12:30, in the clinic's time zone. */
public record WorkingSession(DayOfWeek day, LocalTime start, LocalTime end) {

    public WorkingSession {
        if (!start.isBefore(end)) {
            throw new org.clinic.base.RuleViolation("end", "A session must end after it starts");
        }
    }
}
