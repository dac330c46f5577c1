package org.clinic.queue;

import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.CheckedInAppointment;
import org.clinic.base.ClinicSettings;
import org.clinic.base.NotFoundException;
import org.clinic.base.Retries;
import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.SpecialtySummary;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.clinic.security.CurrentStaff;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The live queue. Each operation is one transaction that first locks the counter rows of the queues it touches
 * (in a fixed order), so operations on one queue run one after the other and every read sees the latest state;
 * tokens and places come from those counters and are unique by constraint. Every operation is appended to the
 * queue's event log with who and when, and published to open screens after it commits.
 *
 *
 * <p>This is the queue's write side. What screens read is {@link QueueBoards} over the shared day
 * ({@link QueueSnapshots}); the call order is {@link CallOrder}; who may work which queue is {@link QueueAccess};
 * an entry's transitions are {@link QueueEntry}'s.
 */
@Service
public class QueueService {

    static final String FRONT_DESK = "hasAnyRole('" + Role.RECEPTIONIST_NAME + "','" + Role.ADMIN_NAME + "')";
    static final String STAFF = "hasAnyRole('" + Role.RECEPTIONIST_NAME + "','" + Role.DOCTOR_NAME + "','"
            + Role.ADMIN_NAME + "')";
    static final String DISPLAYS = "hasAnyRole('" + Role.DISPLAY_NAME + "','" + Role.RECEPTIONIST_NAME + "','"
            + Role.DOCTOR_NAME + "','" + Role.ADMIN_NAME + "')";

    private final QueueStore store;
    private final QueueBoards boards;
    private final QueueAccess access;
    private final AppointmentService appointments;
    private final DoctorService doctors;
    private final PatientService patients;
    private final CurrentStaff currentStaff;
    private final ApplicationEventPublisher events;
    private final QueueSettings settings;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate reading;

    QueueService(QueueStore store, QueueBoards boards, QueueAccess access, AppointmentService appointments,
                 DoctorService doctors, PatientService patients, CurrentStaff currentStaff, ApplicationEventPublisher events, QueueSettings settings, Clock clock,
                 ClinicSettings clinic, PlatformTransactionManager transactions) {
        this.store = store;
        this.boards = boards;
        this.access = access;
        this.appointments = appointments;
        this.doctors = doctors;
        this.patients = patients;
        this.currentStaff = currentStaff;
        this.events = events;
        this.settings = settings;
        this.clock = clock.withZone(clinic.timeZone());
        this.transaction = new TransactionTemplate(transactions);
        // Under the line lock every read must see the latest committed queue, not a snapshot from before the lock.
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    @PreAuthorize(STAFF)
    public QueueSettings settings() {
        return settings;
    }

    // ---------------------------------------------------------------------------------------------- joining

    /**
     * Checks in a booked patient: the appointment becomes Checked in and the patient gets a token in their doctor's
     * queue. Only on the appointment's day and only once; a second attempt is told the token already given.
     */
    @PreAuthorize(FRONT_DESK)
    public Ticket checkIn(UUID appointmentId) {
        AppointmentSummary appointment = appointments.get(appointmentId);
        DoctorSummary doctor = doctors.doctor(appointment.doctorId());
        LocalDate today = today();
        String line = QueueEntry.doctorLine(doctor.internalId());
        store.ensureLine(line, today);
        try {
            return write(() -> {
                CheckedInAppointment checkedIn = appointments.checkIn(appointmentId, settings.earlyArrival());
                store.lockLines(List.of(line), today);
                PatientReference patient = patients.reference(checkedIn.patientId());
                QueueEntry entry = join(line, today, doctor.internalId(), doctor.specialty(), patient,
                        checkedIn.internalId(), Lane.REGULAR, null, checkedIn.reason(), tokenPrefix(doctor));
                record(entry, QueueAction.CHECK_IN, null, null, line);
                publish(today, Set.of(line), false);
                return boards.ticket(entry, doctor, doctor.specialty(), patient);
            });
        } catch (RuleViolation violation) {
            if (AppointmentService.ALREADY_CHECKED_IN.equals(violation.field())) {
                String token = read(() -> appointmentEntry(appointmentId).map(QueueEntry::token).orElse(null));
                throw new RuleViolation(violation.field(), violation.getMessage()
                        + (token == null ? "" : " (token " + token + "); no second token was issued"));
            }
            throw violation;
        }
    }

    /**
     * A patient without an appointment joins a doctor's queue, or the walk-in queue of a specialty (any of its
     * doctors calls from it). A lane other than regular needs a reason.
     */
    @PreAuthorize(FRONT_DESK)
    public Ticket walkIn(UUID patientId, @Nullable UUID doctorId, UUID specialtyId, Lane lane,
                         @Nullable String priorityReason, @Nullable String visitReason) {
        String why = checkedReason(lane, priorityReason);
        String visit = Texts.clean(visitReason);
        if (visit != null && (visit.length() > 300 || Texts.hasInvisibleCharacters(visitReason))) {
            throw new RuleViolation("visitReason", "At most 300 characters");
        }
        DoctorSummary doctor = doctorId == null ? null : doctors.doctor(doctorId);
        SpecialtySummary specialty = doctor != null ? doctor.specialty() : doctors.specialties().stream()
                .filter(s -> s.id().equals(specialtyId)).findFirst()
                .orElseThrow(() -> new RuleViolation("specialtyId", "Choose a specialty"));
        if (doctor != null && !doctor.specialty().id().equals(specialtyId)) {
            throw new RuleViolation("doctorId", doctor.displayName() + " is not in " + specialty.name());
        }
        long specialtyInternalId = specialtyInternalId(specialty);
        String line = doctor != null ? QueueEntry.doctorLine(doctor.internalId())
                : QueueEntry.specialtyLine(specialtyInternalId);
        LocalDate today = today();
        store.ensureLine(line, today);
        return write(() -> {
            store.lockLines(List.of(line), today);
            PatientReference patient = patients.reference(patientId);
            if (!patient.active()) {
                throw new RuleViolation("patientId", patient.fullName() + " is inactive; reactivate the patient first");
            }
            boolean alreadyWaiting = store.ofDay(today).stream()
                    .anyMatch(e -> e.patientId() == patient.internalId() && e.status().active());
            if (alreadyWaiting) {
                throw new RuleViolation("patientId", patient.fullName() + " is already in a queue today");
            }
            QueueEntry entry = join(line, today, doctor == null ? null : doctor.internalId(), specialty, patient, null,
                    lane, why, visit, doctor != null ? tokenPrefix(doctor) : walkInPrefix(specialty));
            record(entry, QueueAction.WALK_IN, why, null, line);
            publish(today, Set.of(line), false);
            return boards.ticket(entry, doctor, specialty, patient);
        });
    }

    private QueueEntry join(String line, LocalDate date, @Nullable Long doctorId, SpecialtySummary specialty,
                            PatientReference patient, @Nullable Long appointmentId, Lane lane,
                            @Nullable String priorityReason, @Nullable String visitReason, String prefix) {
        int number = store.nextToken(line, date);
        long place = store.placeAtEnd(line, date);
        QueueEntry entry = new QueueEntry(0, UUID.randomUUID(), date, line, number,
                prefix + "-" + String.format("%03d", number), line, place, doctorId, specialtyInternalId(specialty),
                patient.internalId(), initials(patient.fullName()), appointmentId, lane, priorityReason, visitReason,
                QueueStatus.WAITING, 0, clock.instant(), null, null, null, 0);
        long id = store.insert(entry);
        return store.byId(id).orElseThrow();
    }

    // ------------------------------------------------------------------------------------------- operations

    /**
     * Calls the next patient for a doctor: emergencies first, then priority lanes and regular patients interleaved
     * ({@link QueueSettings#prioritiesPerRegular()} priority calls, then a regular one), each in queue order; the
     * specialty's walk-ins are called alongside the doctor's own patients, by arrival. Empty when nobody waits.
     */
    @PreAuthorize(STAFF)
    public Optional<QueueEntryView> callNext(UUID doctorId) {
        DoctorSummary doctor = doctors.doctor(doctorId);
        access.requireMayWork(doctor);
        LocalDate today = today();
        String own = QueueEntry.doctorLine(doctor.internalId());
        String walkIns = QueueEntry.specialtyLine(specialtyInternalId(doctor.specialty()));
        store.ensureLine(own, today);
        store.ensureLine(walkIns, today);
        Long calledId = write(() -> {
            int streak = store.lockLines(List.of(own, walkIns), today).get(own);
            List<QueueEntry> entries = store.ofLines(List.of(own, walkIns), today);
            entries.stream().filter(e -> e.line().equals(own)
                            && (e.status() == QueueStatus.CALLED || e.status() == QueueStatus.IN_CONSULTATION))
                    .findFirst().ifPresent(current -> {
                        throw new RuleViolation(null, "Token " + current.token() + " is "
                                + current.status().label().toLowerCase() + ": finish, start or mark them not present first");
                    });
            List<QueueEntry> order = boards.callOrder(entries, own, streak);
            if (order.isEmpty()) {
                return null;
            }
            QueueEntry next = order.getFirst();
            store.setStreak(own, today, CallOrder.nextStreak(streak, next.lane()));
            QueueEntry called = next.movedTo(own, next.line().equals(own) ? next.place() : store.placeAtEnd(own, today),
                    doctor.internalId(), QueueStatus.CALLED, clock.instant());
            store.update(called);
            record(next, QueueAction.CALL, null, next, own);
            publish(today, Set.of(own, walkIns), true);
            return next.id();
        });
        return calledId == null ? Optional.empty() : Optional.of(read(() -> boards.view(store.byId(calledId).orElseThrow())));
    }

    /** Calls the patient again (the display announces it again). */
    @PreAuthorize(STAFF)
    public void recall(UUID entryId) {
        operate(entryId, (entry, doctor) -> {
            requireStatus(entry, "Only a called patient can be called again", QueueStatus.CALLED);
            store.update(entry.at(entry.status(), clock.instant(), entry.startedAt(), entry.finishedAt()));
            record(entry, QueueAction.RECALL, null, null, entry.line());
            return true;
        });
    }

    /**
     * The called (or waiting) patient is not there: they move back {@link QueueSettings#skipPlaces()} places. After
     * {@link QueueSettings#maxSkips()} skips they can be recorded as a no-show ({@link #noShow(UUID)}).
     */
    @PreAuthorize(STAFF)
    public QueueEntryView notPresent(UUID entryId) {
        operate(entryId, (entry, doctor) -> {
            requireStatus(entry, "Only a waiting or called patient can be moved back", QueueStatus.CALLED,
                    QueueStatus.WAITING);
            List<QueueEntry> others = waitingOf(entry.line(), entry.date()).stream()
                    .filter(e -> e.id() != entry.id()).toList();
            long place = placeAfter(entry.line(), entry.date(), others, Math.min(settings.skipPlaces(), others.size()));
            QueueEntry skipped = entry.changed(entry.line(), place, entry.doctorId(), entry.lane(),
                    entry.priorityReason(), QueueStatus.WAITING, entry.skips() + 1, entry.calledAt(), null, null);
            store.update(skipped);
            record(entry, QueueAction.SKIP, "Skip " + skipped.skips() + " of " + settings.maxSkips(), entry,
                    entry.line());
            return true;
        });
        return read(() -> boards.view(store.byPublicId(entryId).orElseThrow()));
    }

    /** Records that the patient left without being seen; their appointment becomes a no-show. */
    @PreAuthorize(STAFF)
    public void noShow(UUID entryId) {
        operate(entryId, (entry, doctor) -> {
            requireStatus(entry, "Only a waiting or called patient can be a no-show", QueueStatus.CALLED,
                    QueueStatus.WAITING);
            store.update(entry.with(QueueStatus.NO_SHOW));
            if (entry.appointmentId() != null) {
                appointments.queueMoved(entry.appointmentId(), AppointmentStatus.NO_SHOW, "Did not answer the call");
            }
            record(entry, QueueAction.NO_SHOW, null, entry, entry.line());
            return false;
        });
    }

    /** A patient who was called or left comes back: they are next in line. */
    @PreAuthorize(STAFF)
    public void returnToQueue(UUID entryId) {
        operate(entryId, (entry, doctor) -> {
            requireStatus(entry, "Only a called, no-show or departed patient can return to the queue",
                    QueueStatus.CALLED, QueueStatus.NO_SHOW, QueueStatus.LEFT);
            long place = placeAfter(entry.line(), entry.date(), waitingOf(entry.line(), entry.date()), 0);
            store.update(entry.changed(entry.line(), place, entry.doctorId(), entry.lane(), entry.priorityReason(),
                    QueueStatus.WAITING, entry.skips(), entry.calledAt(), null, null));
            if (entry.appointmentId() != null && entry.status() == QueueStatus.NO_SHOW) {
                appointments.queueMoved(entry.appointmentId(), AppointmentStatus.CHECKED_IN, "Returned to the queue");
            }
            record(entry, QueueAction.RETURN, null, entry, entry.line());
            return false;
        });
    }

    /** Moves a waiting patient to another doctor's queue, keeping their arrival time and priority. */
    @PreAuthorize(STAFF)
    public void transfer(UUID entryId, UUID toDoctorId, String reason) {
        String why = Texts.clean(reason);
        if (why == null || why.length() > 300) {
            throw new RuleViolation("reason", "Give a reason for the transfer");
        }
        DoctorSummary target = doctors.doctor(toDoctorId);
        String targetLine = QueueEntry.doctorLine(target.internalId());
        store.ensureLine(targetLine, today());
        QueueEntry current = read(() -> entry(entryId));
        if (current.line().equals(targetLine)) {
            throw new RuleViolation("doctorId", "The patient is already in " + target.displayName() + "'s queue");
        }
        access.requireMayWork(current);
        write(() -> {
            store.lockLines(List.of(current.line(), targetLine), current.date());
            QueueEntry entry = entry(entryId);
            if (!entry.line().equals(current.line())) {
                throw new OptimisticLockingFailureException("moved meanwhile");
            }
            requireStatus(entry, "Only a waiting or called patient can be transferred", QueueStatus.WAITING,
                    QueueStatus.CALLED);
            // Keep their arrival: they go before the first patient in the new queue who arrived after them.
            List<QueueEntry> there = waitingOf(targetLine, entry.date());
            int before = (int) there.stream().filter(e -> !e.arrivedAt().isAfter(entry.arrivedAt())).count();
            long place = placeAfter(targetLine, entry.date(), there, before);
            store.update(entry.movedTo(targetLine, place, target.internalId(), QueueStatus.WAITING, null));
            record(entry, QueueAction.TRANSFER, "To " + target.displayName() + ": " + why, entry, entry.line());
            publish(entry.date(), Set.of(entry.line(), targetLine), false);
            return null;
        });
    }

    /** Changes a patient's lane; always with a reason, which staff see (displays never show priorities). */
    @PreAuthorize(STAFF)
    public void changePriority(UUID entryId, Lane lane, String reason) {
        String why = Texts.clean(reason);
        if (why == null || why.length() > 200 || Texts.hasInvisibleCharacters(reason)) {
            throw new RuleViolation("reason", "Give a reason for the priority change (at most 200 characters)");
        }
        operate(entryId, (entry, doctor) -> {
            requireStatus(entry, "Only a waiting patient's priority can change", QueueStatus.WAITING);
            store.update(entry.changed(entry.line(), entry.place(), entry.doctorId(), lane,
                    lane == Lane.REGULAR ? null : why, entry.status(), entry.skips(), entry.calledAt(),
                    entry.startedAt(), entry.finishedAt()));
            record(entry, QueueAction.PRIORITY, entry.lane().label() + " → " + lane.label() + ": " + why, entry,
                    entry.line());
            return false;
        });
    }

    /** The doctor starts the consultation; a patient still waiting is called first. */
    @PreAuthorize(STAFF)
    public void start(UUID entryId) {
        operate(entryId, (entry, doctor) -> {
            requireStatus(entry, "Only a waiting or called patient's consultation can start", QueueStatus.CALLED,
                    QueueStatus.WAITING);
            if (entry.doctorId() == null) {
                throw new RuleViolation(null, "A specialty walk-in is called by a doctor before the consultation");
            }
            boolean busy = store.ofLines(List.of(entry.line()), entry.date()).stream()
                    .anyMatch(e -> e.id() != entry.id() && e.status() == QueueStatus.IN_CONSULTATION);
            if (busy) {
                throw new RuleViolation(null, "Another consultation of this doctor is still open; finish it first");
            }
            Instant now = clock.instant();
            boolean call = entry.status() == QueueStatus.WAITING;
            if (call) {
                record(entry, QueueAction.CALL, null, null, entry.line());
            }
            store.update(entry.at(QueueStatus.IN_CONSULTATION, entry.calledAt() == null ? now : entry.calledAt(), now,
                    null));
            if (entry.appointmentId() != null) {
                appointments.queueMoved(entry.appointmentId(), AppointmentStatus.IN_CONSULTATION, null);
            }
            record(entry, QueueAction.START, null, null, entry.line());
            return call;
        });
    }

    /** The consultation is over: the patient leaves the queue and the appointment is completed. */
    @PreAuthorize(STAFF)
    public void finish(UUID entryId) {
        operate(entryId, (entry, doctor) -> {
            requireStatus(entry, "Only a patient in consultation can be finished", QueueStatus.IN_CONSULTATION);
            store.update(entry.at(QueueStatus.DONE, entry.calledAt(), entry.startedAt(), clock.instant()));
            if (entry.appointmentId() != null) {
                appointments.queueMoved(entry.appointmentId(), AppointmentStatus.COMPLETED, null);
            }
            record(entry, QueueAction.FINISH, null, null, entry.line());
            return false;
        });
    }

    /**
     * Undoes the last action the signed-in user took on the doctor's queue, if it was a call, a skip, a no-show, a
     * return, a transfer or a priority change, within {@link QueueSettings#undoWindow()}, and the patient has not
     * been moved since.
     */
    @PreAuthorize(STAFF)
    public String undoLast(UUID doctorId) {
        DoctorSummary doctor = doctors.doctor(doctorId);
        access.requireMayWork(doctor);
        LocalDate today = today();
        String own = QueueEntry.doctorLine(doctor.internalId());
        String actor = currentStaff.usernameForAudit();
        store.ensureLine(own, today);
        return write(() -> {
            store.lockLines(List.of(own), today);
            QueueStore.EventRow last = store.latestEvents(List.of(own), today, 20).stream()
                    .filter(e -> e.actor().equals(actor) && e.action() != QueueAction.UNDO && !e.undone())
                    .findFirst().orElseThrow(() -> new RuleViolation(null, "Nothing of yours to undo on this queue"));
            if (!last.action().undoable() || last.beforeState() == null) {
                throw new RuleViolation(null, "\"" + last.action().label() + "\" cannot be undone");
            }
            if (Duration.between(last.at(), clock.instant()).compareTo(settings.undoWindow()) > 0) {
                throw new RuleViolation(null, "Too late to undo \"" + last.action().label() + "\" (more than "
                        + settings.undoWindow().toSeconds() + " seconds ago)");
            }
            QueueEntry entry = store.byId(last.entryId()).orElseThrow();
            if (entry.version() != last.entryVersion() + 1) {
                throw new RuleViolation(null, "Token " + entry.token() + " has changed since; nothing was undone");
            }
            QueueEntry restored = entry.restored(last.beforeState());
            store.lockLines(List.of(restored.line()), today);
            store.update(restored);
            if (entry.appointmentId() != null && last.action() == QueueAction.NO_SHOW) {
                appointments.queueMoved(entry.appointmentId(), AppointmentStatus.CHECKED_IN, "No-show undone");
            }
            store.markUndone(last.id());
            record(entry, QueueAction.UNDO, last.action().label() + " undone", null, own);
            publish(today, List.of(own, entry.line(), restored.line()), last.action() == QueueAction.CALL);
            return "Undid \"" + last.action().label() + "\" for token " + entry.token();
        });
    }

    // --------------------------------------------------------------------------------------------- internals

    private List<QueueEntry> waitingOf(String line, LocalDate date) {
        return store.ofLines(List.of(line), date).stream().filter(e -> e.status() == QueueStatus.WAITING).toList();
    }

    /** A free place after the first {@code count} of the given waiting entries (in place order) of a line. */
    private long placeAfter(String line, LocalDate date, List<QueueEntry> waiting, int count) {
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

    private interface Operation {
        /** Changes the locked entry; returns whether it was a call the displays should announce. */
        boolean apply(QueueEntry entry, @Nullable DoctorSummary doctor);
    }

    /** Runs an operation on one entry: its line locked first, then the entry read fresh and checked. */
    private void operate(UUID entryId, Operation operation) {
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

    private void record(QueueEntry before, QueueAction action, @Nullable String note, @Nullable QueueEntry undoState,
                        String line) {
        long version = store.byId(before.id()).orElseThrow().version();
        QueueEntry atLine = before.changed(line, before.place(), before.doctorId(), before.lane(),
                before.priorityReason(), before.status(), before.skips(), before.calledAt(), before.startedAt(),
                before.finishedAt());
        store.recordEvent(atLine, action, clock.instant(), currentStaff.usernameForAudit(), note,
                undoState == null ? null : undoState.undoState(), version - 1);
    }

    private static void requireStatus(QueueEntry entry, String message, QueueStatus... allowed) {
        if (!List.of(allowed).contains(entry.status())) {
            throw new RuleViolation(null, message + " (token " + entry.token() + " is "
                    + entry.status().label().toLowerCase() + ")");
        }
    }

    private static @Nullable String checkedReason(Lane lane, @Nullable String reason) {
        String why = Texts.clean(reason);
        if (lane != Lane.REGULAR && (why == null || why.length() > 200)) {
            throw new RuleViolation("priorityReason", "Give the reason for the " + lane.label().toLowerCase()
                    + " priority (at most 200 characters)");
        }
        return lane == Lane.REGULAR ? null : why;
    }

    private Optional<QueueEntry> appointmentEntry(UUID appointmentId) {
        return store.byAppointment(appointments.internalId(appointmentId));
    }

    private QueueEntry entry(UUID entryId) {
        return store.byPublicId(entryId).orElseThrow(() -> new NotFoundException("No queue entry with this id"));
    }

    private static long specialtyInternalId(SpecialtySummary specialty) {
        return specialty.internalId();
    }

    /**
     * A doctor's token prefix: their room's code (up to three letters or digits, e.g. "B" or "2A") when no other
     * doctor's room has the same code, so a token read out in the waiting room is unique; otherwise "D" and the
     * doctor's number.
     */
    private String tokenPrefix(DoctorSummary doctor) {
        String code = roomCode(doctor.room());
        boolean shared = doctors.doctors().stream()
                .anyMatch(d -> d.internalId() != doctor.internalId() && roomCode(d.room()).equals(code));
        return code.isEmpty() || code.length() > 3 || shared || code.startsWith("W") ? "D" + doctor.internalId() : code;
    }

    private static String roomCode(String room) {
        return room.replaceAll("[^\\p{Alnum}]", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static String walkInPrefix(SpecialtySummary specialty) {
        return "W" + specialty.name().substring(0, 1).toUpperCase(java.util.Locale.ROOT);
    }

    static String initials(String fullName) {
        String[] words = fullName.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return "";
        }
        String first = words[0].substring(0, 1);
        String last = words.length > 1 ? words[words.length - 1].substring(0, 1) : "";
        return (first + "." + (last.isEmpty() ? "" : " " + last + ".")).toUpperCase(java.util.Locale.ROOT);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private void publish(LocalDate date, Collection<String> lines, boolean call) {
        events.publishEvent(new QueueChanged(date, Set.copyOf(new LinkedHashSet<>(lines)), call));
    }

    /** One command: its transaction, retried when a concurrent change got there first. */
    private <T> T write(Supplier<@Nullable T> work) {
        return Retries.retrying(() -> transaction.execute(status -> work.get()),
                e -> e instanceof OptimisticLockingFailureException
                        || (e instanceof DataIntegrityViolationException
                        && String.valueOf(e.getMessage()).contains("uk_queue_entry_place")));
    }

    private <T> T read(Supplier<T> work) {
        return reading.execute(status -> work.get());
    }
}
