package org.clinic.security;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The {@code patient_access_log} table: one INSERT per read, and the administrators' paged lookups. */
@Repository
class AccessLogStore {

    private static final String INSERT = "INSERT INTO patient_access_log (accessed_at, staff_username, staff_role,"
            + " what, patient_public_id, patient_id, reason, broke_glass)"
            + " VALUES (:at, :username, :role, :what, :patient, :internal, :reason, :glass)";
    private static final RowMapper<AccessLogEntry> ENTRY = (rs, n) -> new AccessLogEntry(rs.getLong("id"),
            rs.getTimestamp("accessed_at").toInstant(), rs.getString("staff_username"), rs.getString("staff_role"),
            AccessKind.valueOf(rs.getString("what")), UUID.fromString(rs.getString("patient_public_id")),
            rs.getObject("patient_id", Long.class), rs.getString("reason"), rs.getBoolean("broke_glass"));

    /** One patient read; {@code internalId} may be unknown to the reader. */
    record Read(UUID patientId, @Nullable Long internalId) {
    }

    private final JdbcClient jdbc;

    AccessLogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Instant at, String username, String role, AccessKind what, Read read, AccessReason reason) {
        jdbc.sql(INSERT).params(params(at, username, role, what, read, reason)).update();
    }

    /** Several reads in one statement (an export of many patients). */
    void insertAll(Instant at, String username, String role, AccessKind what, List<Read> reads, AccessReason reason) {
        if (reads.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(INSERT.substring(0, INSERT.indexOf(" VALUES") + 7));
        Map<String, Object> params = new LinkedHashMap<>(params(at, username, role, what, reads.getFirst(), reason));
        for (int i = 0; i < reads.size(); i++) {
            sql.append(i == 0 ? " " : ", ").append("(:at, :username, :role, :what, :patient").append(i)
                    .append(", :internal").append(i).append(", :reason, :glass)");
            params.put("patient" + i, reads.get(i).patientId().toString());
            params.put("internal" + i, reads.get(i).internalId());
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    /** Newest first; the ordering matches the indexes, so a page is a short index range. */
    List<AccessLogEntry> find(AccessLogQuery query, @Nullable Instant from, @Nullable Instant until, int offset,
                              int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.patientIds() != null) {
            if (query.patientIds().isEmpty()) {
                return List.of();
            }
            where.add("patient_public_id IN (:patients)");
            params.put("patients", query.patientIds().stream().map(UUID::toString).toList());
        }
        if (query.staffUsername() != null) {
            where.add("staff_username = :username");
            params.put("username", query.staffUsername());
        }
        if (from != null) {
            where.add("accessed_at >= :from");
            params.put("from", Timestamp.from(from));
        }
        if (until != null) {
            where.add("accessed_at < :until");
            params.put("until", Timestamp.from(until));
        }
        if (query.flaggedOnly()) {
            where.add("broke_glass");
        }
        params.put("offset", offset);
        params.put("limit", limit);
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        return jdbc.sql("SELECT * FROM patient_access_log" + filter
                        + " ORDER BY accessed_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(ENTRY).list();
    }

    private static Map<String, Object> params(Instant at, String username, String role, AccessKind what, Read read,
                                              AccessReason reason) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("at", Timestamp.from(at));
        params.put("username", username);
        params.put("role", role);
        params.put("what", what.name());
        params.put("patient", read.patientId().toString());
        params.put("internal", read.internalId());
        params.put("reason", reason.text());
        params.put("glass", reason.brokeGlass());
        return params;
    }
}
