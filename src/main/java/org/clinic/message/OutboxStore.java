package org.clinic.message;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The outbox table: queue once per dedup key, claim due messages without two senders taking the same one. */
@Component
class OutboxStore {

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many messages wait to be sent, and when the oldest of them was queued (null when none waits). */
    record Backlog(long pending, @Nullable Instant oldest) {
    }

    Backlog backlog() {
        return jdbc.sql("SELECT COUNT(*) AS pending, MIN(created_at) AS oldest FROM outbox_message WHERE state = 'QUEUED'")
                .query((rs, row) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return new Backlog(rs.getLong("pending"), oldest == null ? null : oldest.toInstant());
                }).single();
    }

    /** Inserts the message unless its dedup key exists already; true when this call queued it. */
    boolean insert(MessageRequest request, String subject, String text, String html, MessageState state,
                   @Nullable String reason, Instant now) {
        return jdbc.sql("INSERT IGNORE INTO outbox_message (public_id, dedup_key, kind, recipient_name, recipient,"
                        + " patient_id, appointment_id, subject, body_text, body_html, state, created_at,"
                        + " next_attempt_at, last_error) VALUES (:id, :key, :kind, :name, :to, :patient, :appointment,"
                        + " :subject, :text, :html, :state, :now, :next, :reason)")
                .param("id", UUID.randomUUID().toString()).param("key", request.dedupKey())
                .param("kind", request.kind().name()).param("name", request.recipient().name())
                .param("to", request.recipient().email()).param("patient", request.recipient().patientInternalId())
                .param("appointment", request.appointmentInternalId()).param("subject", subject)
                .param("text", text).param("html", html).param("state", state.name())
                .param("now", Timestamp.from(now))
                .param("next", state == MessageState.QUEUED ? Timestamp.from(now) : null)
                .param("reason", reason)
                .update() == 1;
    }

    /**
     * Claims up to {@code limit} due messages for this sender. The rows are locked with SKIP LOCKED, so senders on
     * other nodes claim other rows at the same moment; a claim lapses after {@code claimFor}.
     */
    List<Claimed> claimDue(String channel, String sender, Instant now, Instant claimUntil, int limit) {
        List<Long> ids = jdbc.sql("SELECT id FROM outbox_message WHERE state = 'QUEUED' AND next_attempt_at <= :now"
                        + " AND channel = :channel"
                        + " AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY next_attempt_at, id"
                        + " LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", Timestamp.from(now)).param("channel", channel).param("limit", limit)
                .query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("UPDATE outbox_message SET claimed_by = :sender, claimed_until = :until WHERE id IN (:ids)")
                .param("sender", sender).param("until", Timestamp.from(claimUntil)).param("ids", ids).update();
        return jdbc.sql("SELECT id, public_id, dedup_key, recipient_name, recipient, subject, body_text, body_html,"
                        + " attempts FROM outbox_message WHERE id IN (:ids) ORDER BY next_attempt_at, id")
                .param("ids", ids)
                .query((rs, row) -> new Claimed(rs.getLong(1), UUID.fromString(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getInt(9)))
                .list();
    }

    /** Marks a claimed message sent; only while this sender still holds the claim. */
    boolean markSent(long id, String sender, Instant at) {
        return jdbc.sql("UPDATE outbox_message SET state = 'SENT', sent_at = :at, attempts = attempts + 1,"
                        + " next_attempt_at = NULL, claimed_by = NULL, claimed_until = NULL, last_error = NULL"
                        + " WHERE id = :id AND state = 'QUEUED' AND claimed_by = :sender")
                .param("at", Timestamp.from(at)).param("id", id).param("sender", sender).update() == 1;
    }

    /** Records a failed attempt: tried again at {@code retryAt}, or failed for good when that is null. */
    void markAttemptFailed(long id, String sender, String error, @Nullable Instant retryAt) {
        jdbc.sql("UPDATE outbox_message SET attempts = attempts + 1, last_error = :error,"
                        + " state = IF(:retry IS NULL, 'FAILED', 'QUEUED'), next_attempt_at = :retry,"
                        + " claimed_by = NULL, claimed_until = NULL WHERE id = :id AND claimed_by = :sender")
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("retry", retryAt == null ? null : Timestamp.from(retryAt)).param("id", id)
                .param("sender", sender).update();
    }

    /** Puts a failed message back in the queue, to be tried at once with a fresh count of attempts. */
    boolean requeue(UUID id, Instant now) {
        return jdbc.sql("UPDATE outbox_message SET state = 'QUEUED', attempts = 0, next_attempt_at = :now,"
                        + " last_error = NULL WHERE public_id = :id AND state = 'FAILED'")
                .param("now", Timestamp.from(now)).param("id", id.toString()).update() == 1;
    }

    List<OutboxEntry> page(@Nullable MessageState state, @Nullable MessageKind kind, @Nullable String recipient,
                           int offset, int limit) {
        return jdbc.sql("SELECT public_id, kind, recipient_name, recipient, subject, state, attempts, created_at,"
                        + " next_attempt_at, sent_at, last_error FROM outbox_message"
                        + " WHERE (:state IS NULL OR state = :state) AND (:kind IS NULL OR kind = :kind)"
                        + " AND (:to IS NULL OR recipient LIKE CONCAT(:to, '%') OR recipient_name LIKE CONCAT(:to, '%'))"
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("state", state == null ? null : state.name()).param("kind", kind == null ? null : kind.name())
                .param("to", recipient).param("limit", limit).param("offset", offset)
                .query((rs, row) -> new OutboxEntry(UUID.fromString(rs.getString(1)), MessageKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), MessageState.valueOf(rs.getString(6)),
                        rs.getInt(7), rs.getTimestamp(8).toInstant(), instant(rs.getTimestamp(9)),
                        instant(rs.getTimestamp(10)), rs.getString(11)))
                .list();
    }

    Optional<Bodies> bodies(UUID id) {
        return jdbc.sql("SELECT body_text, body_html FROM outbox_message WHERE public_id = :id")
                .param("id", id.toString())
                .query((rs, row) -> new Bodies(rs.getString(1), rs.getString(2))).optional();
    }

    java.util.Map<MessageState, Long> countsSince(Instant since) {
        java.util.Map<MessageState, Long> counts = new java.util.EnumMap<>(MessageState.class);
        jdbc.sql("SELECT state, COUNT(*) FROM outbox_message WHERE created_at >= :since GROUP BY state")
                .param("since", Timestamp.from(since))
                .query(rs -> {
                    counts.put(MessageState.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    record Claimed(long id, UUID publicId, String dedupKey, String recipientName, String recipient, String subject,
                   String text, String html, int attempts) {
    }

    record Bodies(String text, String html) {
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
