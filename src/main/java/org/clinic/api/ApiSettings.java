package org.clinic.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code clinic.api.*}: how many calls a token may make per minute (counted on this node: with several nodes each
 * counts its own, so the limit per token is this times the number of nodes until the buckets move to MariaDB or
 * Redis), the largest request body, and how long an Idempotency-Key is remembered.
 */
@ConfigurationProperties("clinic.api")
record ApiSettings(Integer callsPerMinute, DataSize maxBody, Duration idempotencyKeysFor) {

    ApiSettings {
        callsPerMinute = callsPerMinute == null ? 120 : callsPerMinute;
        maxBody = maxBody == null ? DataSize.ofKilobytes(64) : maxBody;
        idempotencyKeysFor = idempotencyKeysFor == null ? Duration.ofHours(24) : idempotencyKeysFor;
    }
}
