package org.clinic.export;

import org.clinic.base.operations.Redacted;
import jakarta.annotation.PreDestroy;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.base.ClinicSettings;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationArchive;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.message.MessageKind;
import org.clinic.message.MessageRequest;
import org.clinic.message.Outbox;
import org.clinic.message.Recipient;
import org.clinic.patient.PatientService;
import org.clinic.security.AccessKind;
import org.clinic.security.AccessReason;
import org.clinic.security.PatientAccessLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Produces exports in the background, one thread per export, as the person who asked (their permissions read the
 * data). Between rows the job asks the database whether the export still runs, so a cancel from any node stops it;
 * progress is written about a hundred times per export and announced to the screens. The finished file, its audit
 * rows and the "ready" note in the outbox are committed together.
 */
@Component
class ExportJob {

    private static final Logger log = LoggerFactory.getLogger(ExportJob.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter ASKED = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    /** What to read, by public ids, and why (checked when the export was asked for, logged with the file). */
    record Subject(ExportKind kind, @Nullable UUID patientId, @Nullable UUID doctorId, @Nullable LocalDate from,
                   @Nullable LocalDate to, AccessReason reason) {
    }

    private final ExportStore store;
    private final ConsultationArchive archive;
    private final AppointmentQueries appointments;
    private final DoctorService doctors;
    private final PatientService patients;
    private final PatientAccessLog accessLog;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ClinicSettings clinicSettings;
    private final Duration keep;
    private final TransactionTemplate transaction;
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    ExportJob(ExportStore store, ConsultationArchive archive, AppointmentQueries appointments,
              DoctorService doctors, PatientService patients, PatientAccessLog accessLog, Outbox outbox,
              ApplicationEventPublisher events, Clock clock, ClinicSettings clinic, ExportSettings settings,
              PlatformTransactionManager transactions) {
        this.store = store;
        this.archive = archive;
        this.appointments = appointments;
        this.doctors = doctors;
        this.patients = patients;
        this.accessLog = accessLog;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
        this.clinicSettings = clinic;
        this.keep = Duration.ofDays(settings.keepDays());
        this.transaction = new TransactionTemplate(transactions);
        // Not a bean: a TaskExecutor bean would replace Spring Boot's application task executor for everyone.
        executor.setCorePoolSize(settings.threads());
        executor.setMaxPoolSize(settings.threads());
        executor.setQueueCapacity(200);
        executor.setThreadNamePrefix("export-");
        executor.setDaemon(true);
        executor.initialize();
    }

    /** Starts producing the export (already committed as RUNNING) as the requester. */
    void submit(ExportSummary export, long id, Subject subject, SecurityContext requester) {
        Job job = new Job(id, export.id(), export.requestedBy());
        try {
            executor.execute(new DelegatingSecurityContextRunnable(() -> run(job, subject), requester));
        } catch (TaskRejectedException full) {
            fail(job, "Too many exports are being produced; try again in a few minutes");
        }
    }

    /** The export a thread works on. */
    private record Job(long id, UUID publicId, String requestedBy) {
    }

    @PreDestroy
    void shutdown() {
        executor.shutdown(); // running exports stop moving and are failed as stale by the clean-up job
    }

    private void run(Job job, Subject subject) {
        try {
            produce(job, subject);
        } catch (RuntimeException e) {
            log.warn("Export {} failed", job.publicId(), Redacted.of(e));
            fail(job, "The export could not be produced: " + e.getMessage());
        }
    }

    private void produce(Job job, Subject subject) {
        long id = job.id();
        List<Consultation> visits = visits(subject);
        if (!store.counted(id, visits.size(), clock.instant())) {
            return; // cancelled while reading
        }
        announce(job);
        Map<UUID, Map<UUID, AppointmentSummary>> appointmentsByPatient = new HashMap<>();
        Map<UUID, Integer> visitsByPatient = new LinkedHashMap<>();
        SafeCsvWriter csv = new SafeCsvWriter(VisitRows.HEADERS);
        int step = Math.max(1, visits.size() / 100);
        int done = 0;
        for (Consultation visit : visits) {
            if (!store.isRunning(id)) {
                return; // cancelled: nothing more is written, and no file is kept
            }
            AppointmentSummary appointment = visit.appointmentId() == null ? null : appointmentsByPatient
                    .computeIfAbsent(visit.patientId(), this::appointmentsOf).get(visit.appointmentId());
            csv.row(VisitRows.of(visit, appointment, clinicSettings.timeZone()));
            visitsByPatient.merge(visit.patientId(), 1, Integer::sum);
            done++;
            if (done % step == 0 && done < visits.size()) {
                if (!store.progressed(id, done, clock.instant())) {
                    return;
                }
                announce(job);
            }
        }
        if (visits.isEmpty()) {
            csv.row(VisitRows.note(subject.kind() == ExportKind.PATIENT ? VisitRows.NO_VISITS_OF_PATIENT
                    : VisitRows.NO_VISITS_OF_DOCTOR));
        }
        finish(job, subject, csv.toBytes(), done, visitsByPatient);
    }

    private List<Consultation> visits(Subject subject) {
        if (subject.kind() == ExportKind.PATIENT) {
            return archive.completedOfPatient(Objects.requireNonNull(subject.patientId())).stream()
                    .sorted(Comparator.comparing(Consultation::visitDate).thenComparing(Consultation::startedAt))
                    .toList();
        }
        return archive.completedOfDoctor(Objects.requireNonNull(subject.doctorId()),
                Objects.requireNonNull(subject.from()), Objects.requireNonNull(subject.to()));
    }

    private Map<UUID, AppointmentSummary> appointmentsOf(UUID patientId) {
        Map<UUID, AppointmentSummary> byId = new HashMap<>();
        appointments.ofPatient(patientId).forEach(a -> byId.put(a.id(), a));
        return byId;
    }

    private void finish(Job job, Subject subject, byte[] file, int done, Map<UUID, Integer> visitsByPatient) {
        var now = clock.instant();
        var expires = now.plus(keep);
        transaction.executeWithoutResult(status -> {
            long id = job.id();
            ExportStore.Row row = store.byId(id).orElseThrow();
            if (!store.ready(id, file, done, now, expires)) {
                return; // cancelled at the last moment
            }
            Map<Long, Integer> audited = new LinkedHashMap<>();
            Map<UUID, Long> read;
            if (row.patientId() != null) {
                audited.put(row.patientId(), done);
                read = Map.of(Objects.requireNonNull(subject.patientId()), row.patientId());
            } else {
                read = patientInternalIds(visitsByPatient.keySet());
                visitsByPatient.forEach((patient, visits) -> audited.put(read.get(patient), visits));
            }
            // export_audit ties each patient to this file and its visit count; the access log answers "who looked
            // at this patient" across every kind of read, so the export is written to both, in this transaction
            store.audit(id, audited, row.requestedBy(), now);
            accessLog.recordAll(read, AccessKind.EXPORT, subject.reason());
            if (subject.reason() != AccessReason.OWN_RECORD) { // a patient watches their own export in the portal
                mailReady(row, subject, expires);
            }
            events.publishEvent(new ExportProgressed(row.publicId(), row.requestedBy()));
            log.info("Export {} ready: {} visits, {} bytes, {} ms after the request", row.publicId(), done,
                    file.length, Duration.between(row.createdAt(), now).toMillis());
        });
    }

    /** Tells the member of staff who asked that the file is ready (the screen says so too, if still open). */
    private void mailReady(ExportStore.Row row, Subject subject, java.time.Instant expires) {
        String email = doctors.doctors().stream().filter(d -> d.staffUsername().equals(row.requestedBy()))
                .map(DoctorSummary::email).findFirst().orElse(null);
        String what = (subject.kind() == ExportKind.PATIENT ? "a patient's visit history" : "a doctor's visits")
                + ", requested on " + ASKED.format(row.createdAt().atZone(clinicSettings.timeZone()));
        outbox.queue(new MessageRequest(MessageKind.EXPORT_READY, "export:" + row.publicId(),
                Recipient.staff(row.requesterName(), email), "Your export is ready",
                Map.of("recipientName", row.requesterName(), "what", what,
                        "expires", DAY.format(expires.atZone(clinicSettings.timeZone()))), null));
    }

    private Map<UUID, Long> patientInternalIds(Set<UUID> patientIds) {
        Map<UUID, Long> ids = new HashMap<>();
        for (UUID patient : patientIds) {
            ids.put(patient, patients.reference(patient).internalId());
        }
        return ids;
    }

    private void fail(Job job, String error) {
        if (store.fail(job.id(), error, clock.instant())) {
            announce(job);
        }
    }

    private void announce(Job job) {
        events.publishEvent(new ExportProgressed(job.publicId(), job.requestedBy()));
    }
}
