package org.clinic.queue;

import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.CheckedInAppointment;
import org.clinic.base.ClinicSettings;
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
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The live queue. Each operation is one transaction that first locks the counter rows of the queues it touches
 * (in a fixed order), so operations on one queue run one after the other and every read sees the latest state;
 * tokens and places come from those counters and are unique by constraint. Every operation is appended to the
 * queue's event log with who and when, and published to open screens after it commits.
 *
 *
 * <p>This is the queue's write side. What screens read is {@link QueueBoards} over the shared day
 * ({@link QueueSnapshots}); the call order is {@link CallOrder}; who may work which queue is {@link QueueAccess};
 * an entry's transitions are {@link QueueEntry}'s; the shared lock-write-record-publish step is {@link QueueWriter}.
 * About 440 lines, one public method per command of the queue, each with its rules: knowingly over the size rule,
 * because splitting the commands further would split the queue's vocabulary across classes callers must know.
 */
@Service
public class QueueService {

    static final String FRONT_DESK = "hasAnyRole('" + Role.RECEPTIONIST_NAME + "','" + Role.ADMIN_NAME + "')";
    static final String STAFF = "hasAnyRole('" + Role.RECEPTIONIST_NAME + "','" + Role.DOCTOR_NAME + "','"
            + Role.ADMIN_NAME + "')";
    static final String DISPLAYS = "hasAnyRole('" + Role.DISPLAY_NAME + "','" + Role.RECEPTIONIST_NAME + "','"
            + Role.DOCTOR_NAME + "','" + Role.ADMIN_NAME + "')";

    private final QueueStore store;
    private final QueueWriter writer;
    private final QueueBoards boards;
    private final QueueAccess access;
    private final AppointmentService appointments;
    private final AppointmentQueries appointmentQueries;
    private final DoctorService doctors;
    private final PatientService patients;
    private final CurrentStaff currentStaff;
    private final CurrentQueueSettings settings;
    private final Clock clock;

    QueueService(QueueStore store, QueueWriter writer, QueueBoards boards, QueueAccess access,
                 AppointmentService appointments, AppointmentQueries appointmentQueries, DoctorService doctors,
                 PatientService patients,
                 CurrentStaff currentStaff, CurrentQueueSettings settings, Clock clock, ClinicSettings clinic) {
        this.store = store;
        this.writer = writer;
        this.boards = boards;
        this.access = access;
        this.appointments = appointments;
        this.appointmentQueries = appointmentQueries;
        this.doctors = doctors;
        this.patients = patients;
        this.currentStaff = currentStaff;
        this.settings = settings;
        this.clock = clinic.following(clock);
    }

    @PreAuthorize(STAFF)
    public QueueSettings settings() {
        return settings.current();
    }

    // ---------------------------------------------------------------------------------------------- joining

    /**
     * Checks in a booked patient: the appointment becomes Checked in and the patient gets a token in their doctor's
     * queue. Only on the appointment's day and only once; a second attempt is told the token already given.
     */
    @PreAuthorize(FRONT_DESK)
    public Ticket checkIn(UUID appointmentId) {
        AppointmentSummary appointment = appointmentQueries.get(appointmentId);
        DoctorSummary doctor = doctors.doctor(appointment.doctorId());
        LocalDate today = today();
        String line = QueueEntry.doctorLine(doctor.internalId());
        store.ensureLine(line, today);
        try {
            return writer.write(() -> {
                CheckedInAppointment checkedIn = appointments.checkIn(appointmentId, settings.current().earlyArrival());
                store.lockLines(List.of(line), today);
                PatientReference patient = patients.reference(checkedIn.patientId());
                QueueEntry entry = join(line, today, doctor.internalId(), doctor.specialty(), patient,
                        checkedIn.internalId(), Lane.REGULAR, null, checkedIn.reason(), QueueTokens.prefix(doctor, doctors.doctors()));
                writer.record(entry, QueueAction.CHECK_IN, null, null, line);
                writer.checkedIn(entry);
                writer.publish(today, Set.of(line), false);
                return boards.ticket(entry, doctor, doctor.specialty(), patient);
            });
        } catch (RuleViolation violation) {
            if (AppointmentService.ALREADY_CHECKED_IN.equals(violation.field())) {
                String token = writer.read(() -> appointmentEntry(appointmentId).map(QueueEntry::token).orElse(null));
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
        long specialtyInternalId = specialty.internalId();
        String line = doctor != null ? QueueEntry.doctorLine(doctor.internalId())
                : QueueEntry.specialtyLine(specialtyInternalId);
        LocalDate today = today();
        store.ensureLine(line, today);
        return writer.write(() -> {
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
                    lane, why, visit, doctor != null ? QueueTokens.prefix(doctor, doctors.doctors()) : QueueTokens.walkInPrefix(specialty, doctors.specialties()));
            writer.record(entry, QueueAction.WALK_IN, why, null, line);
            writer.checkedIn(entry);
            writer.publish(today, Set.of(line), false);
            return boards.ticket(entry, doctor, specialty, patient);
        });
    }

    private QueueEntry join(String line, LocalDate date, @Nullable Long doctorId, SpecialtySummary specialty,
                            PatientReference patient, @Nullable Long appointmentId, Lane lane,
                            @Nullable String priorityReason, @Nullable String visitReason, String prefix) {
        int number = store.nextToken(line, date);
        long place = store.placeAtEnd(line, date);
        QueueEntry entry = new QueueEntry(0, UUID.randomUUID(), date, line, number,
                prefix + "-" + String.format("%03d", number), line, place, doctorId, specialty.internalId(),
                patient.internalId(), QueueTokens.initials(patient.fullName()), appointmentId, lane, priorityReason, visitReason,
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
        String walkIns = QueueEntry.specialtyLine(doctor.specialty().internalId());
        store.ensureLine(own, today);
        store.ensureLine(walkIns, today);
        Long calledId = writer.write(() -> {
            int streak = store.lockLines(List.of(own, walkIns), today).get(own);
            List<QueueEntry> entries = store.ofLines(List.of(own, walkIns), today);
            entries.stream().filter(e -> e.line().equals(own)
                            && (e.status() == QueueStatus.CALLED || e.status() == QueueStatus.IN_CONSULTATION))
                    .findFirst().ifPresent(current -> {
                        throw new RuleViolation(null, "Token " + current.token() + " is "
                                + current.status().label().toLowerCase() + ": finish, start or mark them not present first");
                    });
            List<QueueEntry> order = CallOrder.of(entries, own, streak, settings.current().prioritiesPerRegular());
            if (order.isEmpty()) {
                return null;
            }
            QueueEntry next = order.getFirst();
            store.setStreak(own, today, CallOrder.nextStreak(streak, next.lane()));
            QueueEntry called = next.movedTo(own, next.line().equals(own) ? next.place() : store.placeAtEnd(own, today),
                    doctor.internalId(), QueueStatus.CALLED, clock.instant());
            store.update(called);
            writer.record(next, QueueAction.CALL, null, next, own);
            writer.publish(today, Set.of(own, walkIns), true);
            return next.id();
        });
        return calledId == null ? Optional.empty() : Optional.of(writer.read(() -> boards.view(store.byId(calledId).orElseThrow())));
    }

    /** Calls the patient again (the display announces it again). */
    @PreAuthorize(STAFF)
    public void recall(UUID entryId) {
        writer.operate(entryId, (entry, doctor) -> {
            QueueWriter.requireStatus(entry, "Only a called patient can be called again", QueueStatus.CALLED);
            store.update(entry.at(entry.status(), clock.instant(), entry.startedAt(), entry.finishedAt()));
            writer.record(entry, QueueAction.RECALL, null, null, entry.line());
            return true;
        });
    }

    /**
     * The called (or waiting) patient is not there: they move back {@link QueueSettings#skipPlaces()} places. After
     * {@link QueueSettings#maxSkips()} skips they can be recorded as a no-show ({@link #noShow(UUID)}).
     */
    @PreAuthorize(STAFF)
    public QueueEntryView notPresent(UUID entryId) {
        writer.operate(entryId, (entry, doctor) -> {
            QueueWriter.requireStatus(entry, "Only a waiting or called patient can be moved back", QueueStatus.CALLED,
                    QueueStatus.WAITING);
            List<QueueEntry> others = writer.waitingOf(entry.line(), entry.date()).stream()
                    .filter(e -> e.id() != entry.id()).toList();
            long place = writer.placeAfter(entry.line(), entry.date(), others, Math.min(settings.current().skipPlaces(), others.size()));
            QueueEntry skipped = entry.changed(entry.line(), place, entry.doctorId(), entry.lane(),
                    entry.priorityReason(), QueueStatus.WAITING, entry.skips() + 1, entry.calledAt(), null, null);
            store.update(skipped);
            writer.record(entry, QueueAction.SKIP, "Skip " + skipped.skips() + " of " + settings.current().maxSkips(), entry,
                    entry.line());
            return true;
        });
        return writer.read(() -> boards.view(store.byPublicId(entryId).orElseThrow()));
    }

    /** Records that the patient left without being seen; their appointment becomes a no-show. */
    @PreAuthorize(STAFF)
    public void noShow(UUID entryId) {
        writer.operate(entryId, (entry, doctor) -> {
            QueueWriter.requireStatus(entry, "Only a waiting or called patient can be a no-show", QueueStatus.CALLED,
                    QueueStatus.WAITING);
            store.update(entry.with(QueueStatus.NO_SHOW));
            if (entry.appointmentId() != null) {
                appointments.queueMoved(entry.appointmentId(), AppointmentStatus.NO_SHOW, "Did not answer the call");
            }
            writer.record(entry, QueueAction.NO_SHOW, null, entry, entry.line());
            return false;
        });
    }

    /** A patient who was called or left comes back: they are next in line. */
    @PreAuthorize(STAFF)
    public void returnToQueue(UUID entryId) {
        writer.operate(entryId, (entry, doctor) -> {
            QueueWriter.requireStatus(entry, "Only a called, no-show or departed patient can return to the queue",
                    QueueStatus.CALLED, QueueStatus.NO_SHOW, QueueStatus.LEFT);
            long place = writer.placeAfter(entry.line(), entry.date(), writer.waitingOf(entry.line(), entry.date()), 0);
            store.update(entry.changed(entry.line(), place, entry.doctorId(), entry.lane(), entry.priorityReason(),
                    QueueStatus.WAITING, entry.skips(), entry.calledAt(), null, null));
            if (entry.appointmentId() != null && entry.status() == QueueStatus.NO_SHOW) {
                appointments.queueMoved(entry.appointmentId(), AppointmentStatus.CHECKED_IN, "Returned to the queue");
            }
            writer.record(entry, QueueAction.RETURN, null, entry, entry.line());
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
        QueueEntry current = writer.read(() -> writer.entry(entryId));
        if (current.line().equals(targetLine)) {
            throw new RuleViolation("doctorId", "The patient is already in " + target.displayName() + "'s queue");
        }
        access.requireMayWork(current);
        writer.write(() -> {
            store.lockLines(List.of(current.line(), targetLine), current.date());
            QueueEntry entry = writer.entry(entryId);
            if (!entry.line().equals(current.line())) {
                throw new OptimisticLockingFailureException("moved meanwhile");
            }
            QueueWriter.requireStatus(entry, "Only a waiting or called patient can be transferred", QueueStatus.WAITING,
                    QueueStatus.CALLED);
            // Keep their arrival: they go before the first patient in the new queue who arrived after them.
            List<QueueEntry> there = writer.waitingOf(targetLine, entry.date());
            int before = (int) there.stream().filter(e -> !e.arrivedAt().isAfter(entry.arrivedAt())).count();
            long place = writer.placeAfter(targetLine, entry.date(), there, before);
            store.update(entry.movedTo(targetLine, place, target.internalId(), QueueStatus.WAITING, null));
            writer.record(entry, QueueAction.TRANSFER, "To " + target.displayName() + ": " + why, entry, entry.line());
            writer.publish(entry.date(), Set.of(entry.line(), targetLine), false);
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
        writer.operate(entryId, (entry, doctor) -> {
            QueueWriter.requireStatus(entry, "Only a waiting patient's priority can change", QueueStatus.WAITING);
            store.update(entry.changed(entry.line(), entry.place(), entry.doctorId(), lane,
                    lane == Lane.REGULAR ? null : why, entry.status(), entry.skips(), entry.calledAt(),
                    entry.startedAt(), entry.finishedAt()));
            writer.record(entry, QueueAction.PRIORITY, entry.lane().label() + " → " + lane.label() + ": " + why, entry,
                    entry.line());
            return false;
        });
    }

    /** The doctor starts the consultation; a patient still waiting is called first. */
    @PreAuthorize(STAFF)
    public void start(UUID entryId) {
        writer.operate(entryId, (entry, doctor) -> {
            QueueWriter.requireStatus(entry, "Only a waiting or called patient's consultation can start", QueueStatus.CALLED,
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
                writer.record(entry, QueueAction.CALL, null, null, entry.line());
            }
            store.update(entry.at(QueueStatus.IN_CONSULTATION, entry.calledAt() == null ? now : entry.calledAt(), now,
                    null));
            if (entry.appointmentId() != null) {
                appointments.queueMoved(entry.appointmentId(), AppointmentStatus.IN_CONSULTATION, null);
            }
            writer.record(entry, QueueAction.START, null, null, entry.line());
            return call;
        });
    }

    /** The consultation is over: the patient leaves the queue and the appointment is completed. */
    @PreAuthorize(STAFF)
    public void finish(UUID entryId) {
        writer.operate(entryId, (entry, doctor) -> {
            QueueWriter.requireStatus(entry, "Only a patient in consultation can be finished", QueueStatus.IN_CONSULTATION);
            store.update(entry.at(QueueStatus.DONE, entry.calledAt(), entry.startedAt(), clock.instant()));
            if (entry.appointmentId() != null) {
                appointments.queueMoved(entry.appointmentId(), AppointmentStatus.COMPLETED, null);
            }
            writer.record(entry, QueueAction.FINISH, null, null, entry.line());
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
        return writer.write(() -> {
            store.lockLines(List.of(own), today);
            QueueStore.EventRow last = store.latestEvents(List.of(own), today, 20).stream()
                    .filter(e -> e.actor().equals(actor) && e.action() != QueueAction.UNDO && !e.undone())
                    .findFirst().orElseThrow(() -> new RuleViolation(null, "Nothing of yours to undo on this queue"));
            if (!last.action().undoable() || last.beforeState() == null) {
                throw new RuleViolation(null, "\"" + last.action().label() + "\" cannot be undone");
            }
            if (Duration.between(last.at(), clock.instant()).compareTo(settings.current().undoWindow()) > 0) {
                throw new RuleViolation(null, "Too late to undo \"" + last.action().label() + "\" (more than "
                        + settings.current().undoWindow().toSeconds() + " seconds ago)");
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
            writer.record(entry, QueueAction.UNDO, last.action().label() + " undone", null, own);
            writer.publish(today, List.of(own, entry.line(), restored.line()), last.action() == QueueAction.CALL);
            return "Undid \"" + last.action().label() + "\" for token " + entry.token();
        });
    }

    // --------------------------------------------------------------------------------------------- internals

    private static @Nullable String checkedReason(Lane lane, @Nullable String reason) {
        String why = Texts.clean(reason);
        if (lane != Lane.REGULAR && (why == null || why.length() > 200)) {
            throw new RuleViolation("priorityReason", "Give the reason for the " + lane.label().toLowerCase()
                    + " priority (at most 200 characters)");
        }
        return lane == Lane.REGULAR ? null : why;
    }

    private Optional<QueueEntry> appointmentEntry(UUID appointmentId) {
        return store.byAppointment(appointmentQueries.internalId(appointmentId));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
