package org.clinic.consultation;

import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.base.ClinicSettings;
import org.clinic.base.NotFoundException;
import org.clinic.base.Retries;
import org.clinic.base.RuleViolation;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.Slot;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.clinic.queue.QueueEntryView;
import org.clinic.queue.QueueBoards;
import org.clinic.queue.QueueService;
import org.clinic.queue.QueueStatus;
import org.clinic.queue.QueueVisit;
import org.clinic.security.CurrentStaff;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writing consultations, from the queue into the room and out again. Starting one calls the patient if needed and
 * moves the queue entry and the appointment into the consultation; the treating doctor writes a draft that is saved
 * as they type, each save naming the version it was based on; completing locks the consultation, finishes the queue
 * entry and completes the appointment in one transaction; later corrections are addenda; the follow-up is booked
 * from here; administrators record visits from before the system. Every save, the completing one too, is also kept
 * as a version ({@link ConsultationVersions}), so the history before completion is not lost. Doctors only, but for
 * that import. What a write returns is what its writer just saved, not logged as a read; reading consultations, and
 * logging those reads, is {@link ConsultationRecords}.
 */
@Service
public class ConsultationService {

    static final String DOCTORS = "hasRole('" + Role.DOCTOR_NAME + "')";
    static final String STAFF = "hasAnyRole('" + Role.RECEPTIONIST_NAME + "','" + Role.DOCTOR_NAME + "','"
            + Role.ADMIN_NAME + "')";
    static final String ADMINS = "hasRole('" + Role.ADMIN_NAME + "')";
    /** The field of the violation raised when a visit's consultation was started already. */
    public static final String ALREADY_STARTED = "alreadyStarted";
    /** The field of the violation raised when a save was based on an older version (another tab saved since). */
    public static final String STALE = "stale";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final int FOLLOW_UP_SEARCH_DAYS = 14;

    private final ConsultationStore store;
    private final ConsultationVersionStore versions;
    private final ConsultationLookup lookup;
    private final QueueService queue;
    private final QueueBoards boards;
    private final AppointmentService appointments;
    private final AppointmentQueries appointmentQueries;
    private final PatientService patients;
    private final DoctorService doctors;
    private final CurrentStaff currentStaff;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final PrescriptionAllergies allergies;

    ConsultationService(ConsultationStore store, ConsultationVersionStore versions, ConsultationLookup lookup,
                        QueueService queue, QueueBoards boards, AppointmentService appointments,
                        AppointmentQueries appointmentQueries, PatientService patients,
                        DoctorService doctors, CurrentStaff currentStaff, ApplicationEventPublisher events,
                        Clock clock, ClinicSettings settings, PlatformTransactionManager transactions,
                        PrescriptionAllergies allergies) {
        this.store = store;
        this.allergies = allergies;
        this.versions = versions;
        this.lookup = lookup;
        this.queue = queue;
        this.boards = boards;
        this.appointments = appointments;
        this.appointmentQueries = appointmentQueries;
        this.patients = patients;
        this.doctors = doctors;
        this.currentStaff = currentStaff;
        this.events = events;
        this.clock = settings.following(clock);
        this.transaction = new TransactionTemplate(transactions);
        // The queue's operations join this transaction; they rely on reads under their locks seeing the latest rows.
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    // ------------------------------------------------------------------------------------------ into the room

    /**
     * Starts the consultation of a patient in the signed-in doctor's queue: the patient is called if still waiting,
     * and the queue entry and the appointment become In consultation, all in one transaction. Once per visit: a
     * second start is told who started it and when.
     */
    @PreAuthorize(DOCTORS)
    public Consultation start(UUID queueEntryId) {
        DoctorSummary me = signedInDoctor();
        QueueVisit visit = boards.visit(queueEntryId);
        if (visit.doctorId() == null) {
            throw new RuleViolation(null, "Call this walk-in from your queue first (token " + visit.token() + ")");
        }
        if (!visit.doctorId().equals(me.id())) {
            throw new AccessDeniedException("This patient is in another doctor's queue");
        }
        Optional<ConsultationStore.Row> existing = lookup.read(() -> store.byQueueEntry(visit.internalId()));
        if (existing.isPresent()) {
            throw alreadyStarted(existing.get());
        }
        if (!visit.status().active()) {
            throw new RuleViolation(null, "Only a checked-in patient or a queued walk-in can be seen (token "
                    + visit.token() + " is " + visit.status().label().toLowerCase() + ")");
        }
        UUID id = UUID.randomUUID();
        try {
            write(() -> {
                PatientReference patient = patients.reference(visit.patientId());
                store.insert(id, visit.internalId(), visit.appointmentInternalId(), patient.internalId(),
                        me.internalId(), visit.date(), clock.instant(), currentStaff.usernameForAudit());
                if (visit.status() != QueueStatus.IN_CONSULTATION) {
                    queue.start(queueEntryId); // joins this transaction: all or nothing
                }
                events.publishEvent(new ConsultationChanged(id, visit.patientId()));
                return null;
            });
        } catch (DataIntegrityViolationException duplicate) {
            String message = String.valueOf(duplicate.getMessage());
            if (message.contains("uk_consultation_queue_entry") || message.contains("uk_consultation_appointment")) {
                throw lookup.read(() -> store.byQueueEntry(visit.internalId())
                        .or(() -> visit.appointmentInternalId() == null ? Optional.empty()
                                : store.byAppointment(visit.appointmentInternalId()))
                        .map(this::alreadyStarted)
                        .orElseGet(() -> new RuleViolation(ALREADY_STARTED,
                                "A consultation for this visit was started meanwhile")));
            }
            throw duplicate;
        }
        return written(id);
    }

    /** The consultation started for a queue visit, if any. */
    @PreAuthorize(DOCTORS)
    public Optional<UUID> forQueueEntry(UUID queueEntryId) {
        QueueVisit visit = boards.visit(queueEntryId);
        return lookup.read(() -> store.byQueueEntry(visit.internalId()).map(ConsultationStore.Row::publicId));
    }

    // ------------------------------------------------------------------------------------------------ writing

    /**
     * Saves the treating doctor's draft, only over the version it was based on: a save from a tab that is behind
     * is refused (nothing saved) and told when the other save happened.
     */
    @PreAuthorize(DOCTORS)
    public SavedDraft saveDraft(UUID consultationId, long version, ConsultationContent content) {
        DoctorSummary me = signedInDoctor();
        ConsultationStore.Row before = lookup.read(() -> lookup.row(consultationId));
        requireTreating(before, me);
        ConsultationContent checked = ConsultationRules.check(content, before.visitDate());
        return write(() -> {
            ConsultationStore.Row row = lockedRow(consultationId);
            requireDraft(row);
            requireVersion(row, version);
            Instant now = clock.instant();
            String by = currentStaff.usernameForAudit();
            store.saveDraft(row.id(), version, checked, now, by);
            versions.keep(row.id(), version + 1, checked, now, by, false);
            events.publishEvent(new ConsultationChanged(row.publicId(), lookup.patientOf(row).id()));
            return new SavedDraft(version + 1, now);
        });
    }

    /**
     * Completes the consultation with its final content, in one transaction: the consultation is locked against
     * further edits, the queue entry is finished and the appointment completed. Either all of it happens or none:
     * a failure anywhere leaves the draft, the queue entry and the appointment as they were. A second completion
     * (another tab, a double click) is told who completed it and when. A prescription line matching one of the
     * patient's active allergies needs the reason it is prescribed anyway; the reason is recorded.
     */
    @PreAuthorize(DOCTORS)
    public Consultation complete(UUID consultationId, long version, ConsultationContent content) {
        DoctorSummary me = signedInDoctor();
        ConsultationStore.Row before = lookup.read(() -> lookup.row(consultationId));
        requireTreating(before, me);
        ConsultationContent checked = ConsultationRules.checkForCompletion(content, before.visitDate());
        write(() -> {
            ConsultationStore.Row row = lockedRow(consultationId); // first: completions of one consultation queue up
            requireDraft(row);
            requireVersion(row, version);
            // under the consultation's lock, against the allergies as they are now: a line matching an active
            // allergy needs its reason, and each reason given is recorded
            UUID patientId = lookup.patientOf(row).id();
            allergies.record(patientId, row.publicId(), allergies.requireReasons(patientId, content.prescription()));
            Instant now = clock.instant();
            String by = currentStaff.usernameForAudit();
            store.saveDraft(row.id(), version, checked, now, by);
            store.complete(row.id(), now, by);
            versions.keep(row.id(), version + 2, checked, now, by, true); // saved, then completed: two steps
            if (row.queueEntryPublicId() != null) {
                QueueVisit visit = boards.visit(row.queueEntryPublicId());
                if (visit.status() == QueueStatus.IN_CONSULTATION) {
                    queue.finish(row.queueEntryPublicId()); // joins: entry Done, appointment Completed
                } else if (visit.status() != QueueStatus.DONE) { // Done: finished from the queue already
                    throw new RuleViolation(null, "Token " + visit.token() + " is no longer in consultation (now "
                            + visit.status().label().toLowerCase() + "); nothing was completed");
                }
            }
            events.publishEvent(new ConsultationChanged(row.publicId(), lookup.patientOf(row).id()));
            return null;
        });
        return written(consultationId);
    }

    /** Completes the consultation, then calls the next patient of the doctor's queue (if anyone is waiting). */
    @PreAuthorize(DOCTORS)
    public Optional<QueueEntryView> completeAndCallNext(UUID consultationId, long version,
                                                        ConsultationContent content) {
        complete(consultationId, version, content);
        return queue.callNext(signedInDoctor().id());
    }

    /** A correction or addition to a completed consultation, by any doctor, with who and when; the original stays. */
    @PreAuthorize(DOCTORS)
    public Consultation addAddendum(UUID consultationId, String text) {
        DoctorSummary me = signedInDoctor();
        ConsultationRules.addendumProblem(text).ifPresent(p -> {
            throw new RuleViolation("addendum", p);
        });
        write(() -> {
            ConsultationStore.Row row = lockedRow(consultationId);
            if (row.status() != ConsultationStatus.COMPLETED) {
                throw new RuleViolation("addendum", "This consultation is still a draft: edit it instead");
            }
            store.addAddendum(row.id(), ConsultationRules.notes(text), clock.instant(),
                    currentStaff.usernameForAudit(), me.displayName());
            events.publishEvent(new ConsultationChanged(row.publicId(), lookup.patientOf(row).id()));
            return null;
        });
        return written(consultationId);
    }

    /**
     * Books the follow-up the consultation asks for in one click: the treating doctor's first free slot on the
     * follow-up date or within two weeks after it. Booking twice books once (the request id comes from the
     * consultation).
     */
    @PreAuthorize(DOCTORS)
    public AppointmentSummary bookFollowUp(UUID consultationId) {
        DoctorSummary me = signedInDoctor();
        ConsultationStore.Row row = lookup.read(() -> lookup.row(consultationId));
        requireTreating(row, me);
        if (row.followUpPublicId() != null) {
            AppointmentSummary booked = appointmentQueries.get(row.followUpPublicId());
            throw new RuleViolation("followUpOn", "A follow-up is already booked: "
                    + org.clinic.base.ClinicDates.dateAndTime(booked.date(), booked.start()));
        }
        LocalDate wanted = row.content().followUpOn();
        if (wanted == null) {
            throw new RuleViolation("followUpOn", "Choose the follow-up date first");
        }
        if (!wanted.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("followUpOn", "A follow-up is booked for a later day");
        }
        PatientReference patient = lookup.patientOf(row);
        UUID requestId = UUID.nameUUIDFromBytes(("follow-up:" + consultationId).getBytes(StandardCharsets.UTF_8));
        for (int day = 0; day <= FOLLOW_UP_SEARCH_DAYS; day++) {
            LocalDate date = wanted.plusDays(day);
            List<Slot> free = appointmentQueries.freeSlots(me.id(), date);
            if (free.isEmpty()) {
                continue;
            }
            AppointmentSummary booked = appointments.bookFollowUp(new BookAppointment(requestId, patient.id(), me.id(),
                    date, free.getFirst().start(), AppointmentKind.FOLLOW_UP, "Follow-up visit"));
            write(() -> {
                ConsultationStore.Row locked = lockedRow(consultationId);
                if (locked.followUpAppointmentId() == null) {
                    store.linkFollowUp(locked.id(), appointmentQueries.internalId(booked.id()));
                }
                events.publishEvent(new ConsultationChanged(locked.publicId(), patient.id()));
                return null;
            });
            return booked;
        }
        throw new RuleViolation("followUpOn", "No free slot of yours from " + org.clinic.base.ClinicDates.date(wanted) + " for "
                + FOLLOW_UP_SEARCH_DAYS + " days; book it from the front desk");
    }

    /**
     * Records a consultation from before the clinic used this system (imported notes), completed at once. For
     * administrators migrating paper records; they cannot read it back.
     */
    @PreAuthorize(ADMINS)
    public UUID recordPastVisit(PastVisit past) {
        if (!past.at().toLocalDate().isBefore(LocalDate.now(clock))) {
            throw new RuleViolation("at", "Only visits before today can be recorded this way");
        }
        ConsultationContent checked = ConsultationRules.checkForCompletion(past.content(), past.at().toLocalDate());
        DoctorSummary doctor = doctors.doctor(past.doctorId());
        PatientReference patient = patients.reference(past.patientId());
        UUID id = UUID.randomUUID();
        Instant at = past.at().atZone(clock.getZone()).toInstant();
        String by = currentStaff.usernameForAudit();
        write(() -> {
            long internal = store.insert(id, null, null, patient.internalId(), doctor.internalId(),
                    past.at().toLocalDate(), at, by);
            store.saveDraft(internal, 0, checked, at, by);
            store.complete(internal, at, doctor.staffUsername());
            versions.keep(internal, 2, checked, at, by, true);
            events.publishEvent(new ConsultationChanged(id, patient.id()));
            return null;
        });
        return id;
    }

    /** The clinic's coded diagnosis list. */
    @PreAuthorize(DOCTORS)
    public List<DiagnosisCode> diagnosisCodes() {
        return DiagnosisCodes.all();
    }

    // ---------------------------------------------------------------------------------------------- internals

    /** What a write just saved, for the writer's screen: what they wrote is not a read of someone else's record. */
    private Consultation written(UUID consultationId) {
        long me = lookup.signedInDoctorId();
        return lookup.read(() -> lookup.visible(lookup.row(consultationId), me));
    }

    private DoctorSummary signedInDoctor() {
        return boards.signedInDoctor()
                .orElseThrow(() -> new AccessDeniedException("This account is not linked to a doctor"));
    }

    private static void requireTreating(ConsultationStore.Row row, DoctorSummary me) {
        if (row.doctorId() != me.internalId()) {
            throw new AccessDeniedException("Only the treating doctor writes this consultation");
        }
    }

    private void requireDraft(ConsultationStore.Row row) {
        if (row.status() == ConsultationStatus.COMPLETED) {
            throw new RuleViolation(null, "This consultation was already completed by " + row.completedBy() + " at "
                    + time(row.completedAt()) + " and is locked; add an addendum to correct it");
        }
    }

    private void requireVersion(ConsultationStore.Row row, long version) {
        if (row.version() != version) {
            throw new RuleViolation(STALE, "This consultation was changed in another tab or window at "
                    + time(row.savedAt()) + "; reload to continue");
        }
    }

    private RuleViolation alreadyStarted(ConsultationStore.Row row) {
        DoctorSummary doctor = doctors.doctorsByInternalId(Set.of(row.doctorId())).get(row.doctorId());
        return new RuleViolation(ALREADY_STARTED, "The consultation for this visit was already started by "
                + doctor.displayName() + " at " + time(row.startedAt()));
    }

    private String time(@Nullable Instant instant) {
        return instant == null ? "?" : TIME.format(instant.atZone(clock.getZone()));
    }

    private ConsultationStore.Row lockedRow(UUID consultationId) {
        store.lock(consultationId).orElseThrow(() -> new NotFoundException("No consultation with this id"));
        return lookup.row(consultationId);
    }

    /** This service owns its transactions, so it retries a deadlock of any part of them (queue, appointment). */
    private <T> T write(Supplier<@Nullable T> work) {
        return Retries.retryingDeadlocks(() -> transaction.execute(status -> work.get()));
    }
}
