package org.clinic.visit;

import org.clinic.queue.QueuePlace;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

/**
 * What a visit link shows now. Everything here may reach the patient's phone: a state, times, a token, a count, a
 * room. Never a name, a date of birth, a reason or anything clinical.
 *
 * @param code   the visit code the page was opened with (to re-read it)
 * @param lines  the queue lines whose changes can move this visit (internal, for the live filter; never shown)
 * @param doctor the booked doctor (for the live filter while not yet checked in; never shown)
 */
public record VisitStatus(Kind kind, String code, @Nullable LocalDate date, @Nullable LocalTime appointmentTime,
                          @Nullable String token, int ahead, Duration estimatedWait, boolean estimateFromToday,
                          String room, Set<String> lines, @Nullable UUID doctor, @Nullable QueuePlace place) {

    public enum Kind {
        /** Unknown, expired, someone else's or rate-limited: the one neutral page. */
        NOT_VALID,
        /** Booked for today, not yet checked in. */
        BOOKED,
        WAITING,
        CALLED,
        BEING_SEEN,
        DONE,
        CANCELLED,
        NO_SHOW
    }

    /** The neutral answer: unknown, expired, foreign or rate-limited look the same. */
    public static VisitStatus notValid() {
        return new VisitStatus(Kind.NOT_VALID, "", null, null, null, 0, Duration.ZERO, false, "", Set.of(), null,
                null);
    }

    public boolean valid() {
        return kind != Kind.NOT_VALID;
    }
}
