package org.clinic.export;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Deletes produced files once their keeping time is over (the export stays listed as Expired), and fails exports
 * that stopped moving because their node stopped, so they no longer block a new request. One node at a time.
 */
@Component
class ExportExpiry {

    private static final Logger log = LoggerFactory.getLogger(ExportExpiry.class);

    private final ExportStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExportSettings settings;

    ExportExpiry(ExportStore store, ApplicationEventPublisher events, Clock clock, ExportSettings settings) {
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    @Scheduled(cron = "${clinic.exports.clean-up-cron:0 */10 * * * *}", zone = "${clinic.time-zone}")
    @SchedulerLock(name = "expire-exports")
    public void cleanUp() {
        var now = clock.instant();
        int expired = 0;
        for (ExportStore.Row row : store.due(now)) {
            if (store.expire(row.id(), now)) {
                expired++;
                events.publishEvent(new ExportProgressed(row.publicId(), row.requestedBy()));
            }
        }
        for (ExportStore.Row row : store.stale(now.minus(settings.staleAfter()))) {
            if (store.fail(row.id(), "Interrupted: the server producing it stopped. Ask for it again.", now)) {
                events.publishEvent(new ExportProgressed(row.publicId(), row.requestedBy()));
            }
        }
        if (expired > 0) {
            log.info("Deleted the files of {} expired exports", expired);
        }
    }
}
