package org.clinic.message;

import org.clinic.base.NotFoundException;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the Outbox screen shows administrators: every message, its state and attempts; failed ones can be retried. */
@Service
@PreAuthorize("hasRole('" + Role.ADMIN_NAME + "')")
public class OutboxService {

    private final OutboxStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OutboxService(OutboxStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Newest first, filtered by state, kind and the start of the recipient's address or name. */
    @Transactional(readOnly = true)
    public List<OutboxEntry> messages(@Nullable MessageState state, @Nullable MessageKind kind,
                                      @Nullable String recipient, int offset, int limit) {
        String prefix = recipient == null || recipient.isBlank() ? null : recipient.strip();
        return store.page(state, kind, prefix, offset, Math.min(limit, 500));
    }

    /** The message exactly as it was rendered (plain text and HTML). */
    @Transactional(readOnly = true)
    public MessageBodies bodies(UUID messageId) {
        return store.bodies(messageId).map(b -> new MessageBodies(b.text(), b.html()))
                .orElseThrow(() -> new NotFoundException("No message with this id"));
    }

    /** Messages created in the last day, by state. */
    @Transactional(readOnly = true)
    public Map<MessageState, Long> lastDay() {
        return store.countsSince(clock.instant().minus(Duration.ofDays(1)));
    }

    /** Puts a failed message back in the queue with a fresh count of attempts; false if it is not failed. */
    @Transactional
    public boolean retry(UUID messageId) {
        boolean requeued = store.requeue(messageId, clock.instant());
        if (requeued) {
            events.publishEvent(new OutboxChanged());
            events.publishEvent(new Outbox.MessageQueued());
        }
        return requeued;
    }

    public record MessageBodies(String text, String html) {
    }
}
