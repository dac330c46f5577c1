package org.clinic.api;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Forgets Idempotency-Keys once {@code clinic.api.idempotency-keys-for} (24 h) has passed. One node at a time. */
@Component
class IdempotencyExpiry {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyExpiry.class);

    private final IdempotencyStore store;
    private final ApiSettings settings;
    private final Clock clock;

    IdempotencyExpiry(IdempotencyStore store, ApiSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${clinic.api.idempotency-clean-up-cron:0 7 * * * *}", zone = "${clinic.time-zone}")
    @SchedulerLock(name = "expire-api-idempotency-keys")
    public void cleanUp() {
        int removed = store.deleteOlderThan(clock.instant().minus(settings.idempotencyKeysFor()));
        if (removed > 0) {
            log.info("Forgot {} expired Idempotency-Keys", removed);
        }
    }
}
