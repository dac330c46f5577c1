package org.clinic.message;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** One message as the Outbox screen lists it. */
public record OutboxEntry(UUID id, MessageKind kind, String recipientName, @Nullable String recipient,
                          String subject, MessageState state, int attempts, Instant createdAt,
                          @Nullable Instant nextAttemptAt, @Nullable Instant sentAt, @Nullable String lastError) {
}
