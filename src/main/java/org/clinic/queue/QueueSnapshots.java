package org.clinic.queue;

import jakarta.annotation.PreDestroy;
import org.clinic.base.ClinicSettings;
import org.clinic.base.LiveResync;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorsChanged;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.SpecialtySummary;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The queue's read model: everything the queue screens show of today, read from the database once per committed
 * change, however many screens watch. A committed {@link QueueChanged} (from this node or, through the bus, from
 * another), and every change to doctors, drops the day before any screen hears of it and starts reading it again at
 * once, so the screens that then ask all wait for that one read. The day is immutable and numbered ({@link Day#version()}); what each kind
 * of screen shows of it is worked out once per day and kept with it ({@link Day#projection}), and who may see that
 * is checked by {@link QueueBoards} on every call. Names, rooms and working time change elsewhere, so a day is also
 * read again when it is more than a few seconds old and someone asks.
 */
@Component
class QueueSnapshots {

    private static final Logger log = LoggerFactory.getLogger(QueueSnapshots.class);
    private static final long KEEP_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int RECENT_CALLS = 50;

    private final QueueStore store;
    private final DoctorService doctors;
    private final PatientService patients;
    private final Clock clock;
    private final TransactionTemplate reading;
    private final SharedReads<LocalDate, Day> days = new SharedReads<>();
    private final AtomicLong versions = new AtomicLong();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("queue-snapshot").factory());

    QueueSnapshots(QueueStore store, DoctorService doctors, PatientService patients, Clock clock,
                   ClinicSettings clinic, PlatformTransactionManager transactions) {
        this.store = store;
        this.doctors = doctors;
        this.patients = patients;
        this.clock = clinic.following(clock);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * Everything the queue screens read of one day. {@code version} grows with every read; a screen that shows
     * version n knows it is up to date until a later one exists.
     */
    record Day(LocalDate date, long version, long loadedAt, List<QueueEntry> entries, List<DoctorSummary> doctors,
               Map<Long, DoctorSummary> doctorsById, Map<Long, SpecialtySummary> specialties,
               Map<String, Integer> streaks, Map<Long, Duration> averages, List<QueueStore.EventRow> calls,
               AtomicReference<@Nullable Map<Long, PatientReference>> names, Map<Object, Object> projections) {

        /** What one kind of screen shows of this day, worked out by the first screen that asks. */
        @SuppressWarnings("unchecked")
        <K, T> T projection(K key, Function<K, T> work) {
            Object known = projections.get(key);
            if (known != null) {
                return (T) known;
            }
            T made = work.apply(key);
            Object raced = projections.putIfAbsent(key, made);
            return raced == null ? made : (T) raced;
        }
    }

    /** Today, as last read: shared by every screen until the next change (or a few seconds pass). */
    Day today() {
        LocalDate today = LocalDate.now(clock);
        return days.get(today, () -> load(today), day -> System.nanoTime() - day.loadedAt() < KEEP_NANOS);
    }

    /** A day read afresh, not shared (the result of an operation, another day). */
    Day read(LocalDate date) {
        return load(date);
    }

    /**
     * The names of the day's queued patients, read through the patient service under the caller's permissions the
     * first time a staff screen needs them (displays never ask), then kept with the day.
     */
    Map<Long, PatientReference> people(Day day) {
        Map<Long, PatientReference> known = day.names().get();
        if (known != null) {
            return known;
        }
        Map<Long, PatientReference> read = day.entries().isEmpty() ? Map.of() : reading.execute(status ->
                patients.references(day.entries().stream().map(QueueEntry::patientId).collect(Collectors.toSet())));
        day.names().compareAndSet(null, read);
        return Objects.requireNonNull(day.names().get());
    }

    /**
     * A queue change committed (here or on another node): the day is read again, once, before the screens are told
     * (they then find the new read in flight or done).
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void queueChanged(QueueChanged change) {
        changed();
    }

    /**
     * A doctor, their room or their hours changed (on any node): the day names doctors and rooms, and a display of a
     * doctor added a moment ago must find them.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE + 1) // after DoctorDirectory has dropped its doctors, before the screens hear
    void doctorsChanged(DoctorsChanged change) {
        changed();
    }

    /** The clinic's zone (its today) or the long-wait threshold may have changed: read again. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE + 1) // after ClinicSettings has re-read the settings
    void settingsChanged(org.clinic.base.ClinicSettingsChanged change) {
        changed();
    }

    /** Changes made on other nodes may have been missed while the bus between them was down: read again. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE + 1) // after DoctorDirectory has dropped its doctors
    void resync(LiveResync resync) {
        changed();
    }

    /** Drops today's read and starts the next one in the background. */
    void changed() {
        days.clear();
        loader.execute(() -> {
            try {
                SystemAuthentication.runAs(Role.RECEPTIONIST, this::today);
            } catch (RuntimeException e) {
                log.debug("Queue day could not be read ahead; the first screen to ask reads it", e);
            }
        });
    }

    /** How many times a day was read (tests check that screens share reads). */
    long reads() {
        return versions.get();
    }

    private Day load(LocalDate date) {
        long version = versions.incrementAndGet();
        return Objects.requireNonNull(reading.execute(status -> {
            List<QueueEntry> entries = store.ofDay(date);
            List<DoctorSummary> all = doctors.doctors();
            Map<Long, DoctorSummary> byId = new HashMap<>();
            all.forEach(d -> byId.put(d.internalId(), d));
            List<Long> queuedDoctors = entries.stream().map(QueueEntry::doctorId).filter(Objects::nonNull).toList();
            if (queuedDoctors.stream().anyMatch(id -> !byId.containsKey(id))) {
                byId.putAll(doctors.doctorsByInternalId(Set.copyOf(queuedDoctors))); // deactivated, still queued
            }
            Map<Long, Duration> averages = new HashMap<>();
            store.averageConsultationSeconds(date).forEach((doctor, seconds) ->
                    averages.put(doctor, Duration.ofSeconds(seconds)));
            Map<Long, SpecialtySummary> specialties = doctors.specialties().stream()
                    .collect(Collectors.toMap(SpecialtySummary::internalId, s -> s));
            return new Day(date, version, System.nanoTime(), entries, all, Map.copyOf(byId), specialties,
                    store.streaks(date), Map.copyOf(averages), store.latestCalls(date, RECENT_CALLS),
                    new AtomicReference<>(), new ConcurrentHashMap<>());
        }));
    }

    @PreDestroy
    void shutdown() {
        loader.shutdownNow();
    }
}
