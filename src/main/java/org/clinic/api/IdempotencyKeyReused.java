package org.clinic.api;

/** An Idempotency-Key this token already used with a different request body: nothing was done. */
class IdempotencyKeyReused extends RuntimeException {

    IdempotencyKeyReused() {
        super("This Idempotency-Key was already used with a different request body; use a new key for a new booking");
    }
}
