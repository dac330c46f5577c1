package org.clinic.appointment;

import java.util.Optional;

/**
 * What a caller does inside the booking's own transaction, around the booking, so that its record of the request
 * and the appointment commit together or not at all (the REST API's Idempotency-Key: claim, booking and kept answer
 * in one durable commit). Both steps run again when the booking is retried.
 *
 * @param <T> the caller's answer
 * @see AppointmentService#book(BookAppointment, BookingSteps)
 */
public interface BookingSteps<T> {

    /**
     * First, before the patient's booking lock is taken (so locks are always taken in that order): an answer given
     * earlier to the same request, and then nothing is booked, or empty to book. May refuse by throwing; nothing is
     * written then.
     */
    Optional<T> earlier();

    /** After the booking, in its transaction: the answer, which this step may keep for {@link #earlier()}. */
    T answer(AppointmentSummary booked);

    /** No steps: the booking is the answer. */
    static BookingSteps<AppointmentSummary> none() {
        return new BookingSteps<>() {
            @Override
            public Optional<AppointmentSummary> earlier() {
                return Optional.empty();
            }

            @Override
            public AppointmentSummary answer(AppointmentSummary booked) {
                return booked;
            }
        };
    }
}
