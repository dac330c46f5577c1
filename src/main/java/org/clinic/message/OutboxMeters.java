package org.clinic.message;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code clinic.outbox.pending} (messages waiting to be sent) and {@code clinic.outbox.oldest.age} (seconds since
 * the oldest of them was queued): a growing backlog means the mail server is away or refuses. One indexed query
 * per scrape serves both (kept for a second); while the database is away both read NaN.
 */
@Component
class OutboxMeters {

    private static final Logger log = LoggerFactory.getLogger(OutboxMeters.class);
    private static final long KEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final OutboxStore store;
    private final Clock clock;
    private volatile Figures last = new Figures(Double.NaN, Double.NaN, System.nanoTime() - 2 * KEEP_NANOS);

    OutboxMeters(OutboxStore store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        Gauge.builder("clinic.outbox.pending", this, m -> m.figures().pending())
                .description("Messages queued and not sent yet").register(meters);
        Gauge.builder("clinic.outbox.oldest.age", this, m -> m.figures().oldestAge()).baseUnit("seconds")
                .description("How long the oldest message waiting to be sent has waited").register(meters);
    }

    private record Figures(double pending, double oldestAge, long readAt) {
    }

    private Figures figures() {
        Figures known = last;
        if (System.nanoTime() - known.readAt() < KEEP_NANOS) {
            return known;
        }
        Figures read;
        try {
            OutboxStore.Backlog backlog = store.backlog();
            read = new Figures(backlog.pending(), backlog.oldest() == null ? 0
                    : Math.max(0, Duration.between(backlog.oldest(), clock.instant()).toMillis() / 1000.0),
                    System.nanoTime());
        } catch (RuntimeException unavailable) {
            log.debug("Outbox backlog not read", unavailable);
            read = new Figures(Double.NaN, Double.NaN, System.nanoTime());
        }
        last = read;
        return read;
    }
}
