package org.clinic.export;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The export rows, their files and the audit of who exported whom. State changes only from RUNNING, in SQL. */
@Component
class ExportStore {

    /** An export row without its file; internal ids included, so never handed to screens. */
    record Row(long id, UUID publicId, String requestedBy, String requesterName, ExportKind kind,
               @Nullable Long patientId, @Nullable Long doctorId, @Nullable LocalDate from, @Nullable LocalDate to,
               String subject, ExportState state, int rowsDone, @Nullable Integer rowsTotal, String fileName,
               Instant createdAt, @Nullable Instant finishedAt, @Nullable Instant expiresAt, @Nullable String error) {

        ExportSummary summary() {
            return new ExportSummary(publicId, kind, subject, requestedBy, requesterName, state, rowsDone, rowsTotal,
                    fileName, createdAt, finishedAt, expiresAt, error);
        }
    }

    /** A new export's subject: who asks for what. */
    record NewExport(UUID publicId, String requestedBy, String requesterName, ExportKind kind,
                     @Nullable Long patientId, @Nullable Long doctorId, @Nullable LocalDate from,
                     @Nullable LocalDate to, String subject, String fileName) {
    }

    private static final String SELECT = "SELECT id, public_id, requested_by, requester_name, kind, patient_id,"
            + " doctor_id, from_date, to_date, subject, state, rows_done, rows_total, file_name, created_at,"
            + " finished_at, expires_at, error FROM history_export ";

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong(1), UUID.fromString(rs.getString(2)),
            rs.getString(3), rs.getString(4), ExportKind.valueOf(rs.getString(5)), rs.getObject(6, Long.class),
            rs.getObject(7, Long.class), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
            rs.getString(10), ExportState.valueOf(rs.getString(11)), rs.getInt(12), rs.getObject(13, Integer.class),
            rs.getString(14), rs.getTimestamp(15).toInstant(), instant(rs.getTimestamp(16)),
            instant(rs.getTimestamp(17)), rs.getString(18));

    private final JdbcClient jdbc;

    ExportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a running export; the database refuses a second running one of the same subject and requester. */
    long insert(NewExport e, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO history_export (public_id, requested_by, requester_name, kind, patient_id, doctor_id,"
                        + " from_date, to_date, subject, state, file_name, created_at, updated_at) VALUES (:publicId,"
                        + " :by, :name, :kind, :patient, :doctor, :from, :to, :subject, 'RUNNING', :file, :now, :now)")
                .param("publicId", e.publicId().toString()).param("by", e.requestedBy())
                .param("name", e.requesterName()).param("kind", e.kind().name()).param("patient", e.patientId())
                .param("doctor", e.doctorId()).param("from", e.from()).param("to", e.to())
                .param("subject", e.subject()).param("file", e.fileName()).param("now", Timestamp.from(now))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    /** The running export of this subject by this requester, if any. */
    Optional<Row> running(NewExport e) {
        return jdbc.sql(SELECT + "WHERE state = 'RUNNING' AND requested_by = :by AND kind = :kind"
                        + " AND patient_id <=> :patient AND doctor_id <=> :doctor AND from_date <=> :from"
                        + " AND to_date <=> :to")
                .param("by", e.requestedBy()).param("kind", e.kind().name()).param("patient", e.patientId())
                .param("doctor", e.doctorId()).param("from", e.from()).param("to", e.to())
                .query(ROW).optional();
    }

    Optional<Row> byPublicId(UUID publicId) {
        return jdbc.sql(SELECT + "WHERE public_id = :id").param("id", publicId.toString()).query(ROW).optional();
    }

    Optional<Row> byId(long id) {
        return jdbc.sql(SELECT + "WHERE id = :id").param("id", id).query(ROW).optional();
    }

    /** The newest exports, of one requester or (null) of everyone. */
    List<Row> recent(@Nullable String requestedBy, int limit) {
        return jdbc.sql(SELECT + (requestedBy == null ? "" : "WHERE requested_by = :by ")
                        + "ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("by", requestedBy == null ? "" : requestedBy).param("limit", limit).query(ROW).list();
    }

    boolean isRunning(long id) {
        return jdbc.sql("SELECT state FROM history_export WHERE id = :id").param("id", id).query(String.class)
                .optional().map(ExportState.RUNNING.name()::equals).orElse(false);
    }

    /** Records the number of visits to write; false when the export was cancelled meanwhile. */
    boolean counted(long id, int total, Instant now) {
        return jdbc.sql("UPDATE history_export SET rows_total = :total, updated_at = :now"
                        + " WHERE id = :id AND state = 'RUNNING'")
                .param("total", total).param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    /** Records progress; false when the export was cancelled meanwhile. */
    boolean progressed(long id, int done, Instant now) {
        return jdbc.sql("UPDATE history_export SET rows_done = :done, updated_at = :now"
                        + " WHERE id = :id AND state = 'RUNNING'")
                .param("done", done).param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    /** Stores the file and makes the export ready; false when it was cancelled meanwhile. */
    boolean ready(long id, byte[] file, int done, Instant now, Instant expires) {
        return jdbc.sql("UPDATE history_export SET state = 'READY', file = :file, rows_done = :done,"
                        + " finished_at = :now, updated_at = :now, expires_at = :expires"
                        + " WHERE id = :id AND state = 'RUNNING'")
                .param("file", file).param("done", done).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expires)).param("id", id).update() == 1;
    }

    boolean cancel(long id, Instant now) {
        return jdbc.sql("UPDATE history_export SET state = 'CANCELLED', finished_at = :now, updated_at = :now"
                        + " WHERE id = :id AND state = 'RUNNING'")
                .param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    boolean fail(long id, String error, Instant now) {
        return jdbc.sql("UPDATE history_export SET state = 'FAILED', error = :error, finished_at = :now,"
                        + " updated_at = :now WHERE id = :id AND state = 'RUNNING'")
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    Optional<byte[]> file(long id) {
        return jdbc.sql("SELECT file FROM history_export WHERE id = :id AND state = 'READY'").param("id", id)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** One audit row per patient in the file, with the number of their visits in it. */
    void audit(long exportId, Map<Long, Integer> visitsByPatient, String by, Instant at) {
        visitsByPatient.forEach((patient, visits) -> jdbc.sql("INSERT INTO export_audit (export_id, patient_id,"
                        + " exported_by, exported_at, visits) VALUES (:export, :patient, :by, :at, :visits)")
                .param("export", exportId).param("patient", patient).param("by", by)
                .param("at", Timestamp.from(at)).param("visits", visits).update());
    }

    /** Ready exports whose keeping time is over. */
    List<Row> due(Instant now) {
        return jdbc.sql(SELECT + "WHERE state = 'READY' AND expires_at <= :now").param("now", Timestamp.from(now))
                .query(ROW).list();
    }

    /** Deletes the file of a ready export and marks it expired; false when it was not ready. */
    boolean expire(long id, Instant now) {
        return jdbc.sql("UPDATE history_export SET state = 'EXPIRED', file = NULL, updated_at = :now"
                        + " WHERE id = :id AND state = 'READY'")
                .param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    /** Running exports that stopped moving before the given time: their node stopped. */
    List<Row> stale(Instant before) {
        return jdbc.sql(SELECT + "WHERE state = 'RUNNING' AND updated_at < :before")
                .param("before", Timestamp.from(before)).query(ROW).list();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
