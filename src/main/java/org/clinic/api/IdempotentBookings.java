package org.clinic.api;

import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.BookingSteps;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Booking with an {@code Idempotency-Key}: the same key and body give the same appointment and the same answer,
 * however often and however concurrently they are sent; the same key with another body is refused (422).
 * <p>
 * The key row (token, key) is claimed, the appointment booked and the answer kept in one transaction, the booking's
 * own ({@link AppointmentService#book(BookAppointment, BookingSteps)}), so a booking costs one durable commit. The
 * claim is its first statement, before the patient's booking lock, so a concurrent request with the same key waits
 * at the claim's primary key, not in the middle of a booking: when the first commits, it answers what the first
 * kept; when the first was refused (rolled back, no claim left), it books itself. A retried booking claims again.
 * The request id the appointment is booked with comes from the claim (its time included), so a key used afresh
 * after it expired books afresh.
 */
@Component
class IdempotentBookings {

    /** Printable ASCII, 1–100 characters (a UUID is typical). */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,100}");

    private final AppointmentService appointments;
    private final IdempotencyStore store;
    private final ApiSettings settings;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    IdempotentBookings(AppointmentService appointments, IdempotencyStore store, ApiSettings settings, Clock clock) {
        this.appointments = appointments;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Books {@code command} (given the request id to book with) once per key and body.
     *
     * @return 201 with the appointment, the first time and on every repeat (then with Idempotent-Replayed: true)
     */
    ResponseEntity<AppointmentJson.Appointment> book(ApiClient client, String key,
                                                     AppointmentJson.NewAppointment request,
                                                     Function<UUID, BookAppointment> command) {
        if (!KEY.matcher(key).matches()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemTypes.problem(HttpStatus.BAD_REQUEST,
                    ProblemTypes.MALFORMED, "Idempotency-Key must be 1–100 printable ASCII characters"), null);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as MariaDB keeps it
        UUID requestId = UUID.nameUUIDFromBytes(("api-token:" + client.tokenId() + ":" + key + ":" + now)
                .getBytes(StandardCharsets.UTF_8));
        Answer answer = appointments.book(command.apply(requestId), new KeyedBooking(client.tokenId(), key,
                ApiTokenSecrets.hash(json.writeValueAsString(request)), now));
        return created(answer.appointment(), answer.replayed());
    }

    private record Answer(AppointmentJson.Appointment appointment, boolean replayed) {
    }

    /** The key's steps inside the booking's transaction. */
    private final class KeyedBooking implements BookingSteps<Answer> {

        private final long tokenId;
        private final String key;
        private final String hash;
        private final Instant now;

        KeyedBooking(long tokenId, String key, String hash, Instant now) {
            this.tokenId = tokenId;
            this.key = key;
            this.hash = hash;
            this.now = now;
        }

        @Override
        public Optional<Answer> earlier() {
            Optional<IdempotencyStore.Claimed> claimed = store.claim(tokenId, key, hash, now);
            if (claimed.isEmpty()) {
                return Optional.empty();
            }
            IdempotencyStore.Claimed earlier = claimed.get();
            if (earlier.createdAt().isBefore(now.minus(settings.idempotencyKeysFor()))) {
                store.reclaim(tokenId, key, hash, now); // expired, not yet cleaned up: the key is new again
                return Optional.empty();
            }
            if (!earlier.requestHash().equals(hash)) {
                throw new IdempotencyKeyReused();
            }
            if (earlier.body() == null) {
                // Only a claim kept apart from its booking leaves no answer (before claim, booking and answer
                // committed together); whether that booking happened is unknown, so this request books it.
                store.reclaim(tokenId, key, hash, now);
                return Optional.empty();
            }
            return Optional.of(new Answer(json.readValue(earlier.body(), AppointmentJson.Appointment.class), true));
        }

        @Override
        public Answer answer(AppointmentSummary booked) {
            AppointmentJson.Appointment appointment = AppointmentJson.Appointment.of(booked);
            store.answer(tokenId, key, HttpStatus.CREATED.value(), json.writeValueAsString(appointment));
            return new Answer(appointment, false);
        }
    }

    static ResponseEntity<AppointmentJson.Appointment> created(AppointmentJson.Appointment appointment,
                                                               boolean replayed) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.CREATED)
                .location(java.net.URI.create("/api/v1/appointments/" + appointment.id()));
        if (replayed) {
            answer.header("Idempotent-Replayed", "true");
        }
        return answer.body(appointment);
    }
}
