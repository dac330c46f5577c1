package org.clinic.queue;

import org.clinic.base.ClinicSettings;
import org.clinic.base.LiveResync;
import org.clinic.base.VisitCodes;
import org.clinic.doctor.DoctorRooms;
import org.clinic.doctor.DoctorRooms.DoctorRoom;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Patients' own view of their place in the queue, found by the visit code they carry. Many phones follow the same
 * line at once, so a line is read once per change and that read is shared by every open position page of the line:
 * a committed queue change drops the reads of the lines it touched (before the screens are told), and the next
 * page to ask reads the line again while the others wait for that one read.
 */
@Service
public class QueuePositions {

    static final String FRONT_DESK_AND_KIOSK = "hasAnyRole('" + Role.RECEPTIONIST_NAME + "','" + Role.ADMIN_NAME
            + "','" + Role.KIOSK_NAME + "')";
    /** A specialty's walk-in line has no doctor of its own: its estimate per patient ahead. */
    private static final Duration WALK_IN_ESTIMATE = Duration.ofMinutes(15);
    private static final int RECENT_CONSULTATIONS = 8;
    private static final long KEEP_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final QueueStore store;
    private final CurrentQueueSettings settings;
    private final DoctorRooms rooms;
    private final Clock clock;
    private final TransactionTemplate reading;
    private final SharedReads<String, LineSnapshot> snapshots = new SharedReads<>();
    private final AtomicLong loads = new AtomicLong();

    QueuePositions(QueueStore store, CurrentQueueSettings settings, DoctorRooms rooms, Clock clock, ClinicSettings clinic,
                   PlatformTransactionManager transactions) {
        this.store = store;
        this.settings = settings;
        this.rooms = rooms;
        this.clock = clinic.following(clock);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * The place of the queue entry a visit code names, on any day (the caller decides whether the link is still
     * valid). Open to anyone: the code is the permission, and the answer names nobody.
     */
    @PreAuthorize("permitAll()")
    public Optional<QueuePlace> byVisitCode(@Nullable String code) {
        if (!VisitCodes.isVisitCode(code)) {
            return Optional.empty();
        }
        return reading.execute(status -> store.byVisitCode(code))
                .map(entry -> place(entry, snapshot(entry.date(), linesOf(entry)), code));
    }

    /**
     * The same place after a queue change, from the line's shared read; read afresh by its code only when the
     * patient has left that line (called by a doctor from the walk-in line, transferred).
     */
    @PreAuthorize("permitAll()")
    public Optional<QueuePlace> refresh(QueuePlace known) {
        LineSnapshot line = snapshot(known.date(), known.lines());
        return line.entry(known.entryId()).map(entry -> place(entry, line, known.visitCode())).or(() -> byVisitCode(known.visitCode()));
    }

    /** The visit code of a queue entry, for its ticket's link and QR code. */
    @PreAuthorize(FRONT_DESK_AND_KIOSK)
    public String visitCode(UUID entryId) {
        return reading.execute(status -> store.visitCode(entryId))
                .orElseThrow(() -> new org.clinic.base.NotFoundException("No queue entry with this id"));
    }

    /** Runs before the screens hear of the change (they re-read from here). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void queueChanged(QueueChanged change) {
        snapshots.dropIf(line -> !Collections.disjoint(line.lines(), change.lines()));
    }

    /** Changes made on other nodes may have been missed while the bus between them was down: read every line again. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void resync(LiveResync resync) {
        snapshots.clear();
    }

    /** How many times a line was read for position pages (tests check that pages share reads). */
    long lineReads() {
        return loads.get();
    }

    private QueuePlace place(QueueEntry entry, LineSnapshot line, String visitCode) {
        DoctorRoom room = entry.doctorId() == null ? null : line.room(entry.doctorId(), rooms);
        int ahead = 0;
        Duration estimate = Duration.ZERO;
        if (entry.status() == QueueStatus.WAITING) {
            ahead = Math.max(0, line.order().indexOf(entry.publicId()));
            estimate = line.average().multipliedBy(ahead + (line.busy() ? 1 : 0));
        }
        return new QueuePlace(entry.publicId(), visitCode, entry.date(), entry.token(), entry.status(),
                ahead, estimate, line.averageFromToday(), room == null ? "" : room.room(),
                room == null ? null : room.doctorName(), line.lines());
    }

    private static Set<String> linesOf(QueueEntry entry) {
        String walkIns = QueueEntry.specialtyLine(entry.specialtyId());
        return entry.doctorId() == null ? Set.of(walkIns)
                : Set.of(QueueEntry.doctorLine(entry.doctorId()), walkIns);
    }

    /** The line's shared read: at most one in flight per line, kept until a change to it commits (or 5 s). */
    private LineSnapshot snapshot(LocalDate date, Set<String> lines) {
        String key = date + "/" + String.join(",", new java.util.TreeSet<>(lines));
        return snapshots.get(key, () -> load(date, lines), line -> System.nanoTime() - line.loadedAt() < KEEP_NANOS);
    }

    private LineSnapshot load(LocalDate date, Set<String> lines) {
        loads.incrementAndGet();
        return reading.execute(status -> {
            List<QueueEntry> entries = store.ofLines(lines, date);
            String own = lines.stream().filter(l -> l.startsWith("doctor:")).findFirst()
                    .orElse(lines.iterator().next());
            int streak = own.startsWith("doctor:") ? store.streaks(date).getOrDefault(own, 0) : 0;
            List<UUID> order = CallOrder.of(entries, own, streak, settings.current().prioritiesPerRegular()).stream()
                    .map(QueueEntry::publicId).toList();
            boolean busy = own.startsWith("doctor:") && entries.stream().anyMatch(e -> e.line().equals(own)
                    && (e.status() == QueueStatus.CALLED || e.status() == QueueStatus.IN_CONSULTATION));
            Duration average = WALK_IN_ESTIMATE;
            boolean fromToday = false;
            Map<Long, DoctorRoom> doctorRooms = new ConcurrentHashMap<>();
            if (own.startsWith("doctor:")) {
                long doctorId = Long.parseLong(own.substring("doctor:".length()));
                List<Long> recent = store.recentConsultationSeconds(own, date, RECENT_CONSULTATIONS);
                DoctorRoom room = rooms.of(doctorId).orElse(null);
                if (room != null) {
                    doctorRooms.put(doctorId, room);
                    average = room.slotLength();
                }
                if (!recent.isEmpty()) {
                    average = Duration.ofSeconds(Math.max(60, Math.round(recent.stream()
                            .mapToLong(Long::longValue).average().orElse(0))));
                    fromToday = true;
                }
            }
            Map<UUID, QueueEntry> byId = new HashMap<>();
            entries.forEach(e -> byId.put(e.publicId(), e));
            return new LineSnapshot(Set.copyOf(lines), byId, order, busy, average, fromToday, doctorRooms,
                    System.nanoTime());
        });
    }

    /** One read of a line (a doctor's own line with their specialty's walk-ins, or a walk-in line alone). */
    private record LineSnapshot(Set<String> lines, Map<UUID, QueueEntry> entries, List<UUID> order, boolean busy,
                                Duration average, boolean averageFromToday, Map<Long, DoctorRoom> rooms,
                                long loadedAt) {

        Optional<QueueEntry> entry(UUID entryId) {
            return Optional.ofNullable(entries.get(entryId));
        }

        @Nullable DoctorRoom room(long doctorId, DoctorRooms lookup) {
            return rooms.computeIfAbsent(doctorId, id -> lookup.of(id).orElse(null));
        }
    }
}
