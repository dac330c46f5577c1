package org.clinic.api;

import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code api_token} table and its audit trail {@code api_token_event}. */
@Repository
class ApiTokenStore {

    /** A token row as authentication needs it. */
    record Row(long id, UUID publicId, String name, Role role, @Nullable UUID doctorId,
               @Nullable String doctorUsername, @Nullable Instant expiresAt, @Nullable Instant revokedAt,
               @Nullable Instant lastUsedAt) {
    }

    private static final String COLUMNS = "id, public_id, name, role, doctor_id, doctor_username, secret_hint,"
            + " created_at, created_by, expires_at, revoked_at, revoked_by, last_used_at";
    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"),
            UUID.fromString(rs.getString("public_id")), rs.getString("name"), Role.valueOf(rs.getString("role")),
            uuid(rs.getString("doctor_id")), rs.getString("doctor_username"), instant(rs.getTimestamp("expires_at")),
            instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at")));
    private static final RowMapper<ApiTokenSummary> SUMMARY = (rs, n) -> new ApiTokenSummary(
            UUID.fromString(rs.getString("public_id")), rs.getString("name"), Role.valueOf(rs.getString("role")),
            uuid(rs.getString("doctor_id")), null, rs.getString("secret_hint"),
            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
            instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("revoked_at")),
            rs.getString("revoked_by"), instant(rs.getTimestamp("last_used_at")));

    private final JdbcClient jdbc;

    ApiTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(UUID publicId, String name, Role role, @Nullable UUID doctorId, @Nullable String doctorUsername,
                String secretHash, String secretHint, Instant createdAt, String createdBy,
                @Nullable Instant expiresAt) {
        jdbc.sql("INSERT INTO api_token (public_id, name, role, doctor_id, doctor_username, secret_hash, secret_hint,"
                        + " created_at, created_by, expires_at) VALUES (:publicId, :name, :role, :doctorId,"
                        + " :doctorUsername, :hash, :hint, :at, :by, :expires)")
                .param("publicId", publicId.toString()).param("name", name).param("role", role.name())
                .param("doctorId", doctorId == null ? null : doctorId.toString())
                .param("doctorUsername", doctorUsername).param("hash", secretHash).param("hint", secretHint)
                .param("at", Timestamp.from(createdAt)).param("by", createdBy)
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt)).update();
        return jdbc.sql("SELECT id FROM api_token WHERE public_id = :publicId").param("publicId", publicId.toString())
                .query(Long.class).single();
    }

    boolean nameTaken(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE name = :name").param("name", name)
                .query(Long.class).single() > 0;
    }

    Optional<Row> bySecretHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE secret_hash = :hash").param("hash", hash)
                .query(ROW).optional();
    }

    /** Locks the token's row: a revocation and a second revocation run one after the other. */
    Optional<Row> lock(UUID publicId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE public_id = :id FOR UPDATE")
                .param("id", publicId.toString()).query(ROW).optional();
    }

    Optional<ApiTokenSummary> summary(UUID publicId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE public_id = :id").param("id", publicId.toString())
                .query(SUMMARY).optional();
    }

    List<ApiTokenSummary> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token ORDER BY revoked_at IS NOT NULL, name")
                .query(SUMMARY).list();
    }

    void revoke(long id, Instant at, String by) {
        jdbc.sql("UPDATE api_token SET revoked_at = :at, revoked_by = :by WHERE id = :id AND revoked_at IS NULL")
                .param("at", Timestamp.from(at)).param("by", by).param("id", id).update();
    }

    /** Records a use unless one was recorded within the last minute (so a busy token costs one write a minute). */
    void touch(long id, Instant now) {
        jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE id = :id"
                        + " AND (last_used_at IS NULL OR last_used_at < :minuteAgo)")
                .param("now", Timestamp.from(now)).param("id", id)
                .param("minuteAgo", Timestamp.from(now.minusSeconds(60))).update();
    }

    void recordEvent(long tokenId, Instant at, String kind, String by, @Nullable String detail) {
        jdbc.sql("INSERT INTO api_token_event (token_id, occurred_at, kind, acted_by, detail)"
                        + " VALUES (:token, :at, :kind, :by, :detail)")
                .param("token", tokenId).param("at", Timestamp.from(at)).param("kind", kind).param("by", by)
                .param("detail", detail).update();
    }

    private static @Nullable UUID uuid(@Nullable String value) {
        return value == null ? null : UUID.fromString(value);
    }

    private static @Nullable Instant instant(@Nullable Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
