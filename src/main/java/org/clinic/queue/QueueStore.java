package org.clinic.queue;

import org.clinic.base.VisitCodes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The queue's rows: line counters (locked per operation), entries, and the append-only event log. */
@Component
class QueueStore {

    /** Room between two places, so a patient can be moved back between others without renumbering. */
    static final long GAP = 1L << 20;

    private static final String COLUMNS = "id, public_id, on_date, token_line, token_number, token, line, place,"
            + " doctor_id, specialty_id, patient_id, initials, appointment_id, lane, priority_reason, visit_reason,"
            + " status, skips, arrived_at, called_at, started_at, finished_at, version";

    private static final RowMapper<QueueEntry> ENTRY = (rs, row) -> new QueueEntry(rs.getLong(1),
            UUID.fromString(rs.getString(2)), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getInt(5),
            rs.getString(6), rs.getString(7), rs.getLong(8), (Long) rs.getObject(9, Long.class), rs.getLong(10),
            rs.getLong(11), rs.getString(12), (Long) rs.getObject(13, Long.class), Lane.valueOf(rs.getString(14)),
            rs.getString(15), rs.getString(16), QueueStatus.valueOf(rs.getString(17)), rs.getInt(18),
            instant(rs.getTimestamp(19)), instant(rs.getTimestamp(20)), instant(rs.getTimestamp(21)),
            instant(rs.getTimestamp(22)), rs.getLong(23));

    private final JdbcClient jdbc;
    private final Set<String> knownLines = ConcurrentHashMap.newKeySet();

    QueueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** Creates the line's counter row for the day if missing; outside the operation's transaction (auto-commit). */
    void ensureLine(String line, LocalDate date) {
        String key = line + "/" + date;
        // Known only once the row exists: marking it first let a second thread lock a row not yet inserted.
        if (!knownLines.contains(key)) {
            insertLine(line, date);
            knownLines.add(key);
        }
    }

    private void insertLine(String line, LocalDate date) {
        jdbc.sql("INSERT IGNORE INTO queue_line_day (line, on_date) VALUES (:line, :date)")
                .param("line", line).param("date", date).update();
    }

    /** Locks the lines' counter rows, always in the same order, and returns their priority streaks. */
    java.util.Map<String, Integer> lockLines(Collection<String> lines, LocalDate date) {
        java.util.Map<String, Integer> streaks = new java.util.TreeMap<>();
        for (String line : new java.util.TreeSet<>(lines)) {
            Integer streak = lockLine(line, date).orElseGet(() -> {
                // Its row was inserted in a transaction that rolled back: insert it again, in this one.
                insertLine(line, date);
                return lockLine(line, date).orElseThrow(() ->
                        new IllegalStateException("Queue line " + line + " has no row for " + date));
            });
            streaks.put(line, streak);
        }
        return streaks;
    }

    private java.util.Optional<Integer> lockLine(String line, LocalDate date) {
        return jdbc.sql("SELECT priority_streak FROM queue_line_day WHERE line = :line AND on_date = :date FOR UPDATE")
                .param("line", line).param("date", date).query(Integer.class).optional();
    }

    int nextToken(String line, LocalDate date) {
        jdbc.sql("UPDATE queue_line_day SET last_token = last_token + 1 WHERE line = :line AND on_date = :date")
                .param("line", line).param("date", date).update();
        return jdbc.sql("SELECT last_token FROM queue_line_day WHERE line = :line AND on_date = :date")
                .param("line", line).param("date", date).query(Integer.class).single();
    }

    /** A place behind everyone in the line. */
    long placeAtEnd(String line, LocalDate date) {
        jdbc.sql("UPDATE queue_line_day SET last_place = last_place + :gap WHERE line = :line AND on_date = :date")
                .param("gap", GAP).param("line", line).param("date", date).update();
        return jdbc.sql("SELECT last_place FROM queue_line_day WHERE line = :line AND on_date = :date")
                .param("line", line).param("date", date).query(Long.class).single();
    }

    /** Every line's priority streak of the day. */
    java.util.Map<String, Integer> streaks(LocalDate date) {
        java.util.Map<String, Integer> streaks = new java.util.HashMap<>();
        jdbc.sql("SELECT line, priority_streak FROM queue_line_day WHERE on_date = :date").param("date", date)
                .query((rs, row) -> streaks.put(rs.getString(1), rs.getInt(2))).list();
        return streaks;
    }

    /** Each doctor's average consultation of the day, in seconds, for those who finished one. */
    java.util.Map<Long, Long> averageConsultationSeconds(LocalDate date) {
        java.util.Map<Long, Long> averages = new java.util.HashMap<>();
        jdbc.sql("SELECT doctor_id, ROUND(AVG(TIMESTAMPDIFF(SECOND, started_at, finished_at))) FROM queue_entry"
                        + " WHERE on_date = :date AND status = 'DONE' AND started_at IS NOT NULL AND doctor_id IS NOT NULL"
                        + " GROUP BY doctor_id")
                .param("date", date).query((rs, row) -> averages.put(rs.getLong(1), rs.getLong(2))).list();
        return averages;
    }


    void setStreak(String line, LocalDate date, int streak) {
        jdbc.sql("UPDATE queue_line_day SET priority_streak = :s WHERE line = :line AND on_date = :date")
                .param("s", streak).param("line", line).param("date", date).update();
    }

    long insert(QueueEntry e) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        // The visit code: the appointment's (its confirmation's link keeps working), or a fresh one for a walk-in.
        jdbc.sql("INSERT INTO queue_entry (public_id, visit_code, on_date, token_line, token_number, token, line, place,"
                        + " doctor_id, specialty_id, patient_id, initials, appointment_id, lane, priority_reason,"
                        + " visit_reason, status, skips, arrived_at) VALUES (:publicId,"
                        + " COALESCE((SELECT a.visit_code FROM appointment a WHERE a.id = :appointmentId), :freshCode),"
                        + " :date, :tokenLine, :tokenNumber, :token, :line,"
                        + " :place, :doctorId, :specialtyId, :patientId, :initials, :appointmentId, :lane,"
                        + " :priorityReason, :visitReason, :status, 0, :arrivedAt)")
                .param("publicId", e.publicId().toString()).param("freshCode", VisitCodes.newVisitCode()).param("date", e.date()).param("tokenLine", e.tokenLine())
                .param("tokenNumber", e.tokenNumber()).param("token", e.token()).param("line", e.line())
                .param("place", e.place()).param("doctorId", e.doctorId()).param("specialtyId", e.specialtyId())
                .param("patientId", e.patientId()).param("initials", e.initials())
                .param("appointmentId", e.appointmentId()).param("lane", e.lane().name())
                .param("priorityReason", e.priorityReason()).param("visitReason", e.visitReason())
                .param("status", e.status().name()).param("arrivedAt", timestamp(e.arrivedAt()))
                .update(keys, "id");
        return java.util.Objects.requireNonNull(keys.getKey()).longValue();
    }

    /** Writes an entry's changed state; the version makes a write over a stale read fail instead of winning. */
    void update(QueueEntry e) {
        int updated = jdbc.sql("UPDATE queue_entry SET line = :line, place = :place, doctor_id = :doctorId,"
                        + " lane = :lane, priority_reason = :priorityReason, status = :status, skips = :skips,"
                        + " called_at = :calledAt, started_at = :startedAt, finished_at = :finishedAt,"
                        + " version = version + 1 WHERE id = :id AND version = :version")
                .param("line", e.line()).param("place", e.place()).param("doctorId", e.doctorId())
                .param("lane", e.lane().name()).param("priorityReason", e.priorityReason())
                .param("status", e.status().name()).param("skips", e.skips())
                .param("calledAt", timestamp(e.calledAt())).param("startedAt", timestamp(e.startedAt()))
                .param("finishedAt", timestamp(e.finishedAt())).param("id", e.id()).param("version", e.version())
                .update();
        if (updated != 1) {
            throw new org.springframework.dao.OptimisticLockingFailureException("Queue entry changed meanwhile");
        }
    }

    Optional<QueueEntry> byPublicId(UUID publicId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM queue_entry WHERE public_id = :id")
                .param("id", publicId.toString()).query(ENTRY).optional();
    }

    /** The entry a visit link names. */
    Optional<QueueEntry> byVisitCode(String visitCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM queue_entry WHERE visit_code = :code")
                .param("code", visitCode).query(ENTRY).optional();
    }

    Optional<String> visitCode(UUID publicId) {
        return jdbc.sql("SELECT visit_code FROM queue_entry WHERE public_id = :id")
                .param("id", publicId.toString()).query(String.class).optional();
    }

    /** How long a doctor's last few consultations of the day took, in seconds (the newest first). */
    List<Long> recentConsultationSeconds(String line, LocalDate date, int count) {
        return jdbc.sql("SELECT TIMESTAMPDIFF(SECOND, started_at, finished_at) FROM queue_entry"
                        + " WHERE on_date = :date AND line = :line AND status = 'DONE' AND started_at IS NOT NULL"
                        + " ORDER BY finished_at DESC LIMIT :count")
                .param("date", date).param("line", line).param("count", count).query(Long.class).list();
    }

    Optional<QueueEntry> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM queue_entry WHERE id = :id").param("id", id).query(ENTRY).optional();
    }

    Optional<QueueEntry> byAppointment(long appointmentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM queue_entry WHERE appointment_id = :a")
                .param("a", appointmentId).query(ENTRY).optional();
    }

    /** The day's entries of the given lines, in place order. */
    List<QueueEntry> ofLines(Collection<String> lines, LocalDate date) {
        if (lines.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM queue_entry WHERE on_date = :date AND line IN (:lines)"
                        + " ORDER BY place")
                .param("date", date).param("lines", lines).query(ENTRY).list();
    }

    List<QueueEntry> ofDay(LocalDate date) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM queue_entry WHERE on_date = :date ORDER BY place")
                .param("date", date).query(ENTRY).list();
    }

    /** Renumbers the waiting entries of a line with full gaps, keeping their order (when two places touch). */
    void renumber(String line, LocalDate date) {
        List<QueueEntry> waiting = ofLines(List.of(line), date).stream()
                .filter(e -> e.status() == QueueStatus.WAITING).toList();
        // Move them out of the way first (negative places are never used otherwise), then into fresh places.
        for (QueueEntry e : waiting) {
            jdbc.sql("UPDATE queue_entry SET place = -place - 1 WHERE id = :id").param("id", e.id()).update();
        }
        for (QueueEntry e : waiting) {
            long place = placeAtEnd(line, date);
            jdbc.sql("UPDATE queue_entry SET place = :place, version = version + 1 WHERE id = :id")
                    .param("place", place).param("id", e.id()).update();
        }
    }

    long recordEvent(QueueEntry entry, QueueAction action, Instant at, String actor, @Nullable String note,
                     @Nullable String beforeState, long entryVersion) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO queue_event (entry_id, on_date, line, action, occurred_at, actor, note, before_state,"
                        + " entry_version) VALUES (:entry, :date, :line, :action, :at, :actor, :note, :before, :version)")
                .param("entry", entry.id()).param("date", entry.date()).param("line", entry.line())
                .param("action", action.name()).param("at", Timestamp.from(at)).param("actor", actor)
                .param("note", note).param("before", beforeState).param("version", entryVersion)
                .update(keys, "id");
        return java.util.Objects.requireNonNull(keys.getKey()).longValue();
    }

    record EventRow(long id, long entryId, String line, QueueAction action, Instant at, String actor,
                    @Nullable String note, @Nullable String beforeState, long entryVersion, boolean undone) {
    }

    private static final RowMapper<EventRow> EVENT = (rs, row) -> new EventRow(rs.getLong(1), rs.getLong(2),
            rs.getString(3), QueueAction.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getString(6),
            rs.getString(7), rs.getString(8), rs.getLong(9), rs.getBoolean(10));

    private static final String EVENT_COLUMNS = "id, entry_id, line, action, occurred_at, actor, note, before_state,"
            + " entry_version, undone";

    /** The newest events of the given lines, newest first. */
    List<EventRow> latestEvents(Collection<String> lines, LocalDate date, int limit) {
        return jdbc.sql("SELECT " + EVENT_COLUMNS + " FROM queue_event WHERE on_date = :date AND line IN (:lines)"
                        + " ORDER BY id DESC LIMIT :limit")
                .param("date", date).param("lines", lines).param("limit", limit).query(EVENT).list();
    }

    /** The day's calls (and recalls) that were not undone, newest first. */
    List<EventRow> latestCalls(LocalDate date, int limit) {
        return jdbc.sql("SELECT " + EVENT_COLUMNS + " FROM queue_event WHERE on_date = :date"
                        + " AND action IN ('CALL', 'RECALL') AND undone = FALSE ORDER BY id DESC LIMIT :limit")
                .param("date", date).param("limit", limit).query(EVENT).list();
    }

    void markUndone(long eventId) {
        jdbc.sql("UPDATE queue_event SET undone = TRUE WHERE id = :id").param("id", eventId).update();
    }

    List<EventRow> events(long entryId) {
        return jdbc.sql("SELECT " + EVENT_COLUMNS + " FROM queue_event WHERE entry_id = :e ORDER BY id")
                .param("e", entryId).query(EVENT).list();
    }

}
