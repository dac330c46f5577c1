package org.clinic.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import org.clinic.base.LiveResync;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.DoctorsChanged;
import org.clinic.queue.QueueSnapshots.Day;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The queue's meters. {@code clinic.checkins} (tags {@code channel}: desk, kiosk, portal, api; {@code type}:
 * appointment or walk_in) counts committed check-ins. {@code clinic.queue.length} and {@code clinic.queue.longest.wait}
 * (seconds) give, per doctor (tags {@code doctor}: the doctor's id, {@code name}: their display name), how many
 * patients wait and since when the first of them waits.
 * <p>
 * The gauges come from the queue's shared day ({@link QueueSnapshots}): after each committed change the day is read
 * once anyway for the screens, and this takes its figures from that same read, off the committing thread. A scrape
 * runs no query; the longest wait is worked out from the arrival time at each scrape.
 */
@Component
class QueueMeters {

    private static final Logger log = LoggerFactory.getLogger(QueueMeters.class);

    private final QueueSnapshots snapshots;
    private final Clock clock;
    private final MeterRegistry meters;
    private final MultiGauge lengths;
    private final MultiGauge waits;
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("queue-meters").factory());
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private volatile Map<UUID, Instant> firstWaiting = Map.of();

    QueueMeters(QueueSnapshots snapshots, Clock clock, MeterRegistry meters) {
        this.snapshots = snapshots;
        this.clock = clock;
        this.meters = meters;
        this.lengths = MultiGauge.builder("clinic.queue.length")
                .description("Patients waiting (checked in, not called yet) in a doctor's queue").register(meters);
        this.waits = MultiGauge.builder("clinic.queue.longest.wait").baseUnit("seconds")
                .description("How long the first patient waiting in a doctor's queue has waited").register(meters);
        for (String channel : List.of("desk", "kiosk", "portal", "api")) {
            checkIns(channel, false); // every channel is scraped from the start, at 0
            checkIns(channel, true);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void checkedIn(PatientCheckedIn checkedIn) {
        checkIns(checkedIn.channel(), checkedIn.walkIn()).increment();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Order(Ordered.LOWEST_PRECEDENCE) // after QueueSnapshots has started reading the day again
    void queueChanged(QueueChanged change) {
        refresh();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void doctorsChanged(DoctorsChanged change) {
        refresh();
    }

    @EventListener({ApplicationReadyEvent.class, LiveResync.class})
    @Order(Ordered.LOWEST_PRECEDENCE)
    void startOrResync() {
        refresh();
    }

    /** Takes the figures from today's shared read, on this class's own thread; a burst of changes is read once. */
    void refresh() {
        if (!refreshQueued.compareAndSet(false, true)) {
            return;
        }
        refresher.execute(() -> {
            refreshQueued.set(false);
            try {
                show(SystemAuthentication.runAs(Role.RECEPTIONIST, snapshots::today));
            } catch (RuntimeException e) {
                log.debug("Queue meters not refreshed; the next change tries again", e);
            }
        });
    }

    private void show(Day day) {
        Map<Long, Integer> waiting = new HashMap<>();
        Map<Long, Instant> first = new HashMap<>();
        for (QueueEntry entry : day.entries()) {
            if (entry.status() == QueueStatus.WAITING && entry.doctorId() != null) {
                waiting.merge(entry.doctorId(), 1, Integer::sum);
                first.merge(entry.doctorId(), entry.arrivedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Map<Long, DoctorSummary> shown = new LinkedHashMap<>();
        day.doctors().forEach(doctor -> shown.put(doctor.internalId(), doctor));
        waiting.keySet().forEach(id -> {
            DoctorSummary doctor = day.doctorsById().get(id); // deactivated, still with patients waiting
            if (doctor != null) {
                shown.putIfAbsent(id, doctor);
            }
        });
        Map<UUID, Instant> since = new HashMap<>();
        List<MultiGauge.Row<?>> lengthRows = new ArrayList<>();
        List<MultiGauge.Row<?>> waitRows = new ArrayList<>();
        for (DoctorSummary doctor : shown.values()) {
            Tags tags = Tags.of("doctor", doctor.id().toString(), "name", doctor.displayName());
            lengthRows.add(MultiGauge.Row.of(tags, waiting.getOrDefault(doctor.internalId(), 0)));
            Instant arrived = first.get(doctor.internalId());
            if (arrived != null) {
                since.put(doctor.id(), arrived);
            }
            UUID id = doctor.id();
            waitRows.add(MultiGauge.Row.of(tags, this, meters -> meters.waitedSeconds(id)));
        }
        firstWaiting = Map.copyOf(since);
        lengths.register(lengthRows, true);
        waits.register(waitRows, true);
    }

    private double waitedSeconds(UUID doctor) {
        @Nullable Instant arrived = firstWaiting.get(doctor);
        return arrived == null ? 0 : Math.max(0, Duration.between(arrived, clock.instant()).toMillis() / 1000.0);
    }

    private Counter checkIns(String channel, boolean walkIn) {
        return Counter.builder("clinic.checkins").description("Patients checked in (committed)")
                .tag("channel", channel).tag("type", walkIn ? "walk_in" : "appointment").register(meters);
    }

    @PreDestroy
    void shutdown() {
        refresher.shutdownNow();
    }
}
