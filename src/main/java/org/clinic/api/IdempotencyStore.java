package org.clinic.api;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code api_idempotency} table. Each statement commits on its own (no surrounding transaction): a claim is
 * visible to a concurrent request with the same key at once, and the primary key (token, key) lets one of them in.
 */
@Repository
class IdempotencyStore {

    /** A key already claimed: the request it was used with, and the answer once there is one. */
    record Claimed(String requestHash, @Nullable Integer status, @Nullable String body, Instant createdAt) {
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
            return jdbc.sql("SELECT request_hash, response_status, response_body, created_at FROM api_idempotency"
                            + " WHERE token_id = :token AND idempotency_key = :key")
                    .param("token", tokenId).param("key", key)
                    .query((rs, n) -> new Claimed(rs.getString("request_hash"),
                            rs.getObject("response_status", Integer.class), rs.getString("response_body"),
                            rs.getTimestamp("created_at").toInstant()))
                    .optional()
                    // released meanwhile (the first request failed): claim it afresh
                    .or(() -> claim(tokenId, key, requestHash, now));
        }
    }

    /** Keeps the answer; the first one kept stays (a concurrent duplicate answered the same appointment anyway). */
    void answer(long tokenId, String key, int status, String body) {
        jdbc.sql("UPDATE api_idempotency SET response_status = :status, response_body = :body"
                        + " WHERE token_id = :token AND idempotency_key = :key AND response_status IS NULL")
                .param("status", status).param("body", body).param("token", tokenId).param("key", key).update();
    }

    /** Gives an unanswered key back (the request failed), so it can be tried again. */
    void release(long tokenId, String key) {
        jdbc.sql("DELETE FROM api_idempotency WHERE token_id = :token AND idempotency_key = :key"
                        + " AND response_status IS NULL")
                .param("token", tokenId).param("key", key).update();
    }

    int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM api_idempotency WHERE created_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }

    /** Removes one expired claim, so the key can be used afresh before the clean-up has run. */
    void forget(long tokenId, String key, Instant cutoff) {
        jdbc.sql("DELETE FROM api_idempotency WHERE token_id = :token AND idempotency_key = :key"
                        + " AND created_at < :cutoff")
                .param("token", tokenId).param("key", key).param("cutoff", Timestamp.from(cutoff)).update();
    }
}
