package org.clinic.message;

import org.jspecify.annotations.Nullable;

import java.util.Map;

/**
 * A message to queue. {@code dedupKey} names the fact the message is about, so the same fact never queues a second
 * message (e.g. {@code appointment:<id>:REMINDER:2026-12-02}); {@code model} fills the kind's templates and must
 * carry nothing clinical.
 */
public record MessageRequest(MessageKind kind, String dedupKey, Recipient recipient, String subject,
                             Map<String, ?> model, @Nullable Long appointmentInternalId) {

    public MessageRequest {
        if (dedupKey.isBlank() || dedupKey.length() > 160) {
            throw new IllegalArgumentException("A dedup key of 1-160 characters is needed");
        }
        model = Map.copyOf(model);
    }

    /** The key for a message about an appointment: one of each kind per appointment and day. */
    public static String appointmentKey(Object appointmentId, MessageKind kind, java.time.LocalDate day) {
        return "appointment:" + appointmentId + ":" + kind.name() + ":" + day;
    }
}
