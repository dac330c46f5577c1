package org.clinic.api;

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
 * Two guards, each enough on its own for one of the two cases. The key row (token, key) in MariaDB is claimed
 * before booking: its primary key lets exactly one request claim it, and it keeps the body's hash and, once
 * booked, the answer. The booking's own request id is derived from (token, key), so requests that passed the claim
 * concurrently (same body) book through AppointmentService's unique request id, which books once and returns the
 * same appointment to all of them. The request id comes from the claim (its time included), so a key used again
 * after it was forgotten books afresh instead of finding the old booking.
 */
@Component
class IdempotentBookings {

    /** Printable ASCII, 1–100 characters (a UUID is typical). */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,100}");

    private final IdempotencyStore store;
    private final ApiSettings settings;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    IdempotentBookings(IdempotencyStore store, ApiSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Books through {@code booking} (given the request id to book with) once per key and body.
     *
     * @return 201 with the appointment, the first time and on every repeat (then with Idempotent-Replayed: true)
     */
    ResponseEntity<AppointmentJson.Appointment> book(ApiClient client, String key,
                                                     AppointmentJson.NewAppointment request,
                                                     Function<UUID, AppointmentJson.Appointment> booking) {
        if (!KEY.matcher(key).matches()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemTypes.problem(HttpStatus.BAD_REQUEST,
                    ProblemTypes.MALFORMED, "Idempotency-Key must be 1–100 printable ASCII characters"), null);
        }
        String hash = ApiTokenSecrets.hash(json.writeValueAsString(request));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as MariaDB keeps it
        store.forget(client.tokenId(), key, now.minus(settings.idempotencyKeysFor()));
        Optional<IdempotencyStore.Claimed> earlier = store.claim(client.tokenId(), key, hash, now);
        if (earlier.isPresent() && !earlier.get().requestHash().equals(hash)) {
            throw new IdempotencyKeyReused();
        }
        if (earlier.isPresent() && earlier.get().body() != null) {
            return created(json.readValue(earlier.get().body(), AppointmentJson.Appointment.class), true);
        }
        // one request id per claim: concurrent repeats share it, a key used afresh after it expired does not
        Instant claimedAt = earlier.map(IdempotencyStore.Claimed::createdAt).orElse(now);
        UUID requestId = UUID.nameUUIDFromBytes(("api-token:" + client.tokenId() + ":" + key + ":" + claimedAt)
                .getBytes(StandardCharsets.UTF_8));
        AppointmentJson.Appointment booked;
        try {
            booked = booking.apply(requestId);
        } catch (RuntimeException refused) {
            if (earlier.isEmpty()) {
                store.release(client.tokenId(), key); // nothing was booked: the key may be tried again
            }
            throw refused;
        }
        store.answer(client.tokenId(), key, HttpStatus.CREATED.value(), json.writeValueAsString(booked));
        return created(booked, earlier.isPresent());
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
