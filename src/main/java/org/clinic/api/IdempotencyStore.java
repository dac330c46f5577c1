package org.clinic.api;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code api_idempotency} table, written inside the booking's transaction (see {@link IdempotentBookings}): the
 * claim, the appointment and the answer commit together, and a refused booking leaves no claim behind. The primary
 * key (token, key) lets one request in; a concurrent one with the same key waits at its INSERT until the first
 * commits (then it finds the answer) or rolls back (then its INSERT claims the key).
 */
@Repository
class IdempotencyStore {

    /** A key already claimed: the request it was used with, and the answer once there is one. */
    record Claimed(String requestHash, @Nullable String body, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key for this request: empty when this call made the claim, else the existing claim. */
    Optional<Claimed> claim(long tokenId, String key, String requestHash, Instant now) {
        try {
            jdbc.sql("INSERT INTO api_idempotency (token_id, idempotency_key, request_hash, created_at)"
                            + " VALUES (:token, :key, :hash, :at)")
                    .param("token", tokenId).param("key", key).param("hash", requestHash)
                    .param("at", Timestamp.from(now)).update();
            return Optional.empty();
        } catch (DuplicateKeyException claimed) {
            // The failed INSERT left a shared lock on the committed row: a locking read sees it as committed, and
            // concurrent repeats, all holding the same shared lock, read side by side.
            return Optional.of(jdbc.sql("SELECT request_hash, response_body, created_at FROM api_idempotency"
                            + " WHERE token_id = :token AND idempotency_key = :key LOCK IN SHARE MODE")
                    .param("token", tokenId).param("key", key)
                    .query((rs, n) -> new Claimed(rs.getString("request_hash"), rs.getString("response_body"),
                            rs.getTimestamp("created_at").toInstant()))
                    .single());
        }
    }

    /** Makes an existing claim this request's, as if it were new: for a key used afresh after it expired. */
    void reclaim(long tokenId, String key, String requestHash, Instant now) {
        jdbc.sql("UPDATE api_idempotency SET request_hash = :hash, created_at = :at, response_status = NULL,"
                        + " response_body = NULL WHERE token_id = :token AND idempotency_key = :key")
                .param("hash", requestHash).param("at", Timestamp.from(now)).param("token", tokenId)
                .param("key", key).update();
    }

    /** Keeps the answer of the claim this transaction made. */
    void answer(long tokenId, String key, int status, String body) {
        jdbc.sql("UPDATE api_idempotency SET response_status = :status, response_body = :body"
                        + " WHERE token_id = :token AND idempotency_key = :key")
                .param("status", status).param("body", body).param("token", tokenId).param("key", key).update();
    }

    int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM api_idempotency WHERE created_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }
}
