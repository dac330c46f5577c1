package org.clinic.appointment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.clinic.security.Channels;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code clinic.bookings} (tags {@code channel}: desk, portal, api or system, see {@link Channels}; {@code type}:
 * new or moved) counts committed bookings; {@code clinic.booking.refusals} (tag {@code reason}: slot_taken,
 * capacity, rule) refused ones. Counted from the booking's events, so the booking code knows nothing of meters and
 * a rolled-back booking is never counted.
 */
@Component
class BookingMeters {

    private final MeterRegistry meters;

    BookingMeters(MeterRegistry meters) {
        this.meters = meters;
        for (BookingRefused.Reason reason : BookingRefused.Reason.values()) {
            refusals(reason); // every reason is scraped from the start, at 0
        }
        for (String channel : new String[]{"desk", "portal", "api"}) {
            bookings(channel, "new");
            bookings(channel, "moved");
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void booked(AppointmentBooked booked) {
        // after commit, still on the thread (and as the person or integration) that booked
        String channel = booked.appointment().bookedOnline() ? "portal" : Channels.current();
        bookings(channel, booked.movedFrom() == null ? "new" : "moved").increment();
    }

    @EventListener
    void refused(BookingRefused refused) {
        refusals(refused.reason()).increment();
    }

    private Counter bookings(String channel, String type) {
        return Counter.builder("clinic.bookings").description("Appointments booked (committed)")
                .tag("channel", channel).tag("type", type).register(meters);
    }

    private Counter refusals(BookingRefused.Reason reason) {
        return Counter.builder("clinic.booking.refusals").description("Bookings refused; nothing was written")
                .tag("reason", reason.tag()).register(meters);
    }
}
