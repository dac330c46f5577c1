package org.clinic.message;

import org.clinic.base.operations.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers queued messages through their channel (email over SMTP). Each round claims a batch of due messages
 * (rows locked with SKIP LOCKED, so senders on several nodes share the queue without taking the same message),
 * sends them, and marks each sent or schedules its next attempt with a doubling wait; after the last attempt it is
 * failed with the error. Runs every few seconds, and at once after a transaction that queued a message commits.
 *
 * <p>A node that dies between handing a message to the SMTP server and marking it sent leaves a claim that lapses;
 * the message is then sent again. That window is one SMTP conversation long; everything else is exactly once.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxStore store;
    private final MessageChannel email;
    private final MessageSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final String senderId = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("outbox-sender").factory());
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final AtomicBoolean warnedNoMailServer = new AtomicBoolean();

    OutboxSender(OutboxStore store, EmailChannel email, MessageSettings settings,
                 ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.email = email;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${clinic.messages.poll-interval:5s}",
            initialDelayString = "${clinic.messages.poll-interval:5s}")
    void poll() {
        deliverDue();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onQueued(Outbox.MessageQueued queued) {
        if (wakeUpPending.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                wakeUpPending.set(false);
                deliverDue();
            });
        }
    }

    /** Delivers every message due now; returns how many were sent. */
    int deliverDue() {
        MessageChannel channel = email;
        if (!channel.available()) {
            if (warnedNoMailServer.compareAndSet(false, true)) {
                log.warn("No mail server configured (CLINIC_MAIL_HOST): messages stay queued in the outbox");
            }
            return 0;
        }
        int sent = 0;
        try {
            while (true) {
                Instant now = clock.instant();
                List<OutboxStore.Claimed> batch = transaction.execute(status ->
                        store.claimDue(channel.name(), senderId, now, now.plus(settings.claimFor()), settings.batchSize()));
                if (batch == null || batch.isEmpty()) {
                    break;
                }
                sent += send(channel, batch);
                events.publishEvent(new OutboxChanged());
                if (batch.size() < settings.batchSize()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Outbox delivery round stopped: {}", Redacted.describe(e));
        }
        return sent;
    }

    private int send(MessageChannel channel, List<OutboxStore.Claimed> batch) {
        Map<Long, String> failed = channel.deliver(batch);
        int sent = 0;
        for (OutboxStore.Claimed message : batch) {
            String reason = failed.get(message.id());
            if (reason == null) {
                if (!store.markSent(message.id(), senderId, clock.instant())) {
                    log.warn("Message {} was sent after its claim lapsed", message.publicId());
                }
                sent++;
                continue;
            }
            int attempts = message.attempts() + 1;
            Instant retryAt = attempts >= settings.maxAttempts() ? null
                    : clock.instant().plus(settings.retryAfter(attempts));
            store.markAttemptFailed(message.id(), senderId, reason, retryAt);
            // the mail server's reason often names the recipient ("550 <ann@example.org> ..."): not logged so
            log.info("Message {} not delivered (attempt {} of {}): {}", message.publicId(), attempts,
                    settings.maxAttempts(), withoutAddresses(reason));
        }
        return sent;
    }

    /** The reason with e-mail addresses replaced (it stays whole in the outbox, which staff read). */
    static String withoutAddresses(String reason) {
        return reason.replaceAll("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+", "[address]");
    }

    @PreDestroy
    void shutdown() {
        wakeUps.shutdownNow();
    }
}
