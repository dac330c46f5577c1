package org.clinic.queue;

import org.clinic.base.ClinicSettings;
import org.clinic.base.NotFoundException;
import org.clinic.base.Retries;
import org.clinic.base.RuleViolation;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.security.Channels;
import org.clinic.security.CurrentStaff;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The step every queue command shares: one transaction that first locks the counter rows of the lines it touches
 * (in a fixed order), so commands on one line run one after the other and every read inside sees the latest state;
 * then the change, its row in the line's event log (who, when, and what an undo would restore), and the
 * {@link QueueChanged} the screens hear of once it commits. Retried when a concurrent command got there first.
 */
@Component
class QueueWriter {

    private final QueueStore store;
    private final QueueAccess access;
    private final DoctorService doctors;
    private final CurrentStaff currentStaff;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate reading;

    QueueWriter(QueueStore store, QueueAccess access, DoctorService doctors, CurrentStaff currentStaff,
                ApplicationEventPublisher events, Clock clock, ClinicSettings clinic,
                PlatformTransactionManager transactions) {
        this.store = store;
        this.access = access;
        this.doctors = doctors;
        this.currentStaff = currentStaff;
        this.events = events;
        this.clock = clinic.following(clock);
        this.transaction = new TransactionTemplate(transactions);
        // Under the line lock every read must see the latest committed queue, not a snapshot from before the lock.
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    interface Operation {
        /** Changes the locked entry; returns whether it was a call the displays should announce. */
        boolean apply(QueueEntry entry, @Nullable DoctorSummary doctor);
    }

    /** Runs an operation on one entry: its line locked first, then the entry read fresh and checked. */
    void operate(UUID entryId, Operation operation) {
        QueueEntry before = read(() -> entry(entryId));
        access.requireMayWork(before);
        store.ensureLine(before.line(), before.date());
        write(() -> {
            store.lockLines(List.of(before.line()), before.date());
            QueueEntry entry = entry(entryId);
            if (!entry.line().equals(before.line())) {
                throw new OptimisticLockingFailureException("Queue entry moved to another line meanwhile");
            }
            DoctorSummary doctor = entry.doctorId() == null ? null
                    : doctors.doctorsByInternalId(List.of(entry.doctorId())).get(entry.doctorId());
            boolean call = operation.apply(entry, doctor);
            publish(entry.date(), Set.of(entry.line()), call);
            return null;
        });
    }

    /** One command: its transaction, retried when a concurrent change got there first. */
    <T> T write(Supplier<@Nullable T> work) {
        return Retries.retrying(() -> transaction.execute(status -> work.get()),
                e -> e instanceof OptimisticLockingFailureException
                        || (e instanceof DataIntegrityViolationException
                        && String.valueOf(e.getMessage()).contains("uk_queue_entry_place")));
    }

    <T> T read(Supplier<T> work) {
        return reading.execute(status -> work.get());
    }

    /** Appends the action to the line's event log; {@code undoState}: the entry an undo would put back. */
    void record(QueueEntry before, QueueAction action, @Nullable String note, @Nullable QueueEntry undoState,
                String line) {
        long version = store.byId(before.id()).orElseThrow().version();
        QueueEntry atLine = before.changed(line, before.place(), before.doctorId(), before.lane(),
                before.priorityReason(), before.status(), before.skips(), before.calledAt(), before.startedAt(),
                before.finishedAt());
        store.recordEvent(atLine, action, clock.instant(), currentStaff.usernameForAudit(), note,
                undoState == null ? null : undoState.undoState(), version - 1);
    }

    void publish(LocalDate date, Collection<String> lines, boolean call) {
        events.publishEvent(new QueueChanged(date, Set.copyOf(new LinkedHashSet<>(lines)), call));
    }

    /** A patient joined a queue: published in the transaction, heard after it commits ({@link QueueMeters}). */
    void checkedIn(QueueEntry entry) {
        events.publishEvent(new PatientCheckedIn(entry.publicId(), Channels.current(), entry.appointmentId() == null));
    }

    List<QueueEntry> waitingOf(String line, LocalDate date) {
        return store.ofLines(List.of(line), date).stream().filter(e -> e.status() == QueueStatus.WAITING).toList();
    }

    /** A free place after the first {@code count} of the given waiting entries (in place order) of a line. */
    long placeAfter(String line, LocalDate date, List<QueueEntry> waiting, int count) {
        if (count >= waiting.size()) {
            return store.placeAtEnd(line, date);
        }
        long after = count == 0 ? 0 : waiting.get(count - 1).place();
        long before = waiting.get(count).place();
        if (before - after > 1) {
            return after + (before - after) / 2;
        }
        store.renumber(line, date);
        List<QueueEntry> renumbered = waitingOf(line, date).stream()
                .filter(e -> waiting.stream().anyMatch(w -> w.id() == e.id())).toList();
        return placeAfter(line, date, renumbered, count);
    }

    QueueEntry entry(UUID entryId) {
        return store.byPublicId(entryId).orElseThrow(() -> new NotFoundException("No queue entry with this id"));
    }

    static void requireStatus(QueueEntry entry, String message, QueueStatus... allowed) {
        if (!List.of(allowed).contains(entry.status())) {
            throw new RuleViolation(null, message + " (token " + entry.token() + " is "
                    + entry.status().label().toLowerCase() + ")");
        }
    }
}
