package org.clinic.export;

import org.clinic.base.ClinicSettings;
import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.base.StaffIdentity;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.clinic.security.AccessReason;
import org.clinic.security.CurrentStaff;
import org.clinic.security.PatientAccessLog;
import org.clinic.security.Role;
import org.clinic.security.PatientPrincipal;
import org.clinic.security.CurrentPatient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Exports of visit histories to CSV. A doctor exports one patient's history; an administrator exports one doctor's
 * visits over a date range. Receptionists export nothing clinical. The request is committed at once and produced in
 * the background ({@link ExportJob}); asking again for the same subject while it runs shows the running export
 * instead of starting a second. An export is open (progress, cancel, download) to the person who asked and to
 * administrators, nobody else.
 */
@Service
public class ExportService {

    static final String DOCTORS = "hasRole('" + Role.DOCTOR_NAME + "')";
    static final String ADMINS = "hasRole('" + Role.ADMIN_NAME + "')";
    static final String DOCTORS_AND_ADMINS = "hasAnyRole('" + Role.DOCTOR_NAME + "','" + Role.ADMIN_NAME + "')";
    /** Patients open their own exports only: {@link #openable} checks who asked. */
    static final String DOCTORS_ADMINS_AND_PATIENTS = "hasAnyRole('" + Role.DOCTOR_NAME + "','" + Role.ADMIN_NAME
            + "','" + CurrentPatient.ROLE_NAME + "')";
    /** The longest range of one bulk export. */
    static final int MAX_RANGE_DAYS = 366;
    private static final int LIST_LIMIT = 100;
    /** Why an administrator's export of a doctor's visits reads each patient in it. */
    private static final AccessReason BULK_EXPORT = new AccessReason("export of a doctor's visits", false);
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter RANGE_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final ExportStore store;
    private final ExportJob job;
    private final PatientService patients;
    private final DoctorService doctors;
    private final CurrentStaff currentStaff;
    private final CurrentPatient currentPatient;
    private final PatientAccessLog accessLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ExportService(ExportStore store, ExportJob job, PatientService patients, DoctorService doctors,
                  CurrentStaff currentStaff, CurrentPatient currentPatient, PatientAccessLog accessLog,
                  ApplicationEventPublisher events, Clock clock,
                  ClinicSettings settings, PlatformTransactionManager transactions) {
        this.store = store;
        this.job = job;
        this.patients = patients;
        this.doctors = doctors;
        this.currentStaff = currentStaff;
        this.currentPatient = currentPatient;
        this.accessLog = accessLog;
        this.events = events;
        this.clock = settings.following(clock);
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Starts exporting one patient's completed consultations, or shows the export of them already running. A doctor
     * who does not look after the patient gives a reason first, as for opening the record
     * ({@link org.clinic.security.BreakTheGlassRequired}); the file's production is logged with that reason.
     */
    @PreAuthorize(DOCTORS)
    public ExportSummary exportPatient(UUID patientId) {
        PatientReference patient = patients.reference(patientId);
        AccessReason reason = accessLog.reasonFor(patient.id(), patient.internalId());
        String me = currentStaff.usernameForAudit();
        return start(new ExportStore.NewExport(UUID.randomUUID(), me, requesterName(me), ExportKind.PATIENT,
                        patient.internalId(), null, null, null,
                        patient.fullName() + " · MRN " + org.clinic.patient.Mrn.display(patient.mrn()),
                        "history-" + patient.mrn() + "-" + FILE_DATE.format(LocalDate.now(clock)) + ".csv"),
                new ExportJob.Subject(ExportKind.PATIENT, patient.id(), null, null, null, reason));
    }

    /**
     * Starts exporting the signed-in patient's own completed visits (the portal's "download my history"), or shows
     * the one already running. The same job and file as a doctor's export of the patient; only they can open it.
     */
    @PreAuthorize(CurrentPatient.SIGNED_IN)
    public ExportSummary exportOwnHistory() {
        PatientPrincipal me = currentPatient.require();
        String by = currentStaff.usernameForAudit();
        return start(new ExportStore.NewExport(UUID.randomUUID(), by, "You", ExportKind.PATIENT,
                        me.patientInternalId(), null, null, null, "Your visit history",
                        "my-visits-" + FILE_DATE.format(LocalDate.now(clock)) + ".csv"),
                new ExportJob.Subject(ExportKind.PATIENT, me.patientId(), null, null, null, AccessReason.OWN_RECORD));
    }

    /** The signed-in patient's own exports, newest first. */
    @PreAuthorize(CurrentPatient.SIGNED_IN)
    public List<ExportSummary> ownExports() {
        return store.recent(currentStaff.usernameForAudit(), 10).stream().map(ExportStore.Row::summary).toList();
    }

    /** Starts exporting one doctor's completed consultations with a visit date in the range (both days included). */
    @PreAuthorize(ADMINS)
    public ExportSummary exportDoctor(UUID doctorId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new RuleViolation("to", "The end of the range lies before its start");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw new RuleViolation("to", "Export at most " + MAX_RANGE_DAYS + " days at a time");
        }
        if (from.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("from", "The range starts in the future: nothing to export yet");
        }
        DoctorSummary doctor = doctors.doctor(doctorId);
        String me = currentStaff.usernameForAudit();
        String slug = doctor.staffUsername().replaceAll("[^A-Za-z0-9]+", "-");
        return start(new ExportStore.NewExport(UUID.randomUUID(), me, requesterName(me), ExportKind.DOCTOR_RANGE,
                        null, doctor.internalId(), from, to, doctor.displayName() + " · " + RANGE_DATE.format(from)
                        + " – " + RANGE_DATE.format(to), "visits-" + slug + "-" + FILE_DATE.format(from) + "-"
                        + FILE_DATE.format(to) + ".csv"),
                new ExportJob.Subject(ExportKind.DOCTOR_RANGE, null, doctor.id(), from, to, BULK_EXPORT));
    }

    /** The signed-in person's exports, newest first; an administrator sees everyone's. */
    @PreAuthorize(DOCTORS_AND_ADMINS)
    public List<ExportSummary> exports() {
        return store.recent(isAdmin() ? null : currentStaff.usernameForAudit(), LIST_LIMIT).stream()
                .map(ExportStore.Row::summary).toList();
    }

    @PreAuthorize(DOCTORS_ADMINS_AND_PATIENTS)
    public ExportSummary get(UUID exportId) {
        return openable(exportId).summary();
    }

    /** Stops a running export: the job stops before its next row and keeps no file. */
    @PreAuthorize(DOCTORS_AND_ADMINS)
    public ExportSummary cancel(UUID exportId) {
        ExportStore.Row row = openable(exportId);
        if (!store.cancel(row.id(), clock.instant())) {
            ExportState now = store.byId(row.id()).map(ExportStore.Row::state).orElse(row.state());
            throw new RuleViolation(null, "This export is " + now.label().toLowerCase() + " and no longer running");
        }
        events.publishEvent(new ExportProgressed(row.publicId(), row.requestedBy()));
        return get(exportId);
    }

    /** The produced file, for the person who asked or an administrator, until it expires. */
    @PreAuthorize(DOCTORS_ADMINS_AND_PATIENTS)
    public ExportFile download(UUID exportId) {
        ExportStore.Row row = openable(exportId);
        if (row.state() != ExportState.READY || row.expiresAt() == null || !row.expiresAt().isAfter(clock.instant())) {
            throw new RuleViolation(null, "This export is " + row.state().label().toLowerCase()
                    + ": there is no file to download");
        }
        byte[] file = store.file(row.id()).orElseThrow(() -> new RuleViolation(null, "The file has just expired"));
        return new ExportFile(row.fileName(), file);
    }

    // ---------------------------------------------------------------------------------------------- internals

    private ExportSummary start(ExportStore.NewExport request, ExportJob.Subject subject) {
        var running = store.running(request);
        if (running.isPresent()) {
            return running.get().summary();
        }
        long id;
        try {
            id = transaction.execute(status -> {
                long inserted = store.insert(request, clock.instant());
                events.publishEvent(new ExportProgressed(request.publicId(), request.requestedBy()));
                return inserted;
            });
        } catch (DataIntegrityViolationException duplicate) {
            if (String.valueOf(duplicate.getMessage()).contains("uk_history_export_running")) {
                // a second click (or tab, or node) got in first: show that one
                return store.running(request).map(ExportStore.Row::summary).orElseThrow(() -> duplicate);
            }
            throw duplicate;
        }
        ExportSummary started = store.byId(id).orElseThrow().summary();
        job.submit(started, id, subject, requesterContext());
        return started;
    }

    /** The job reads as the requester: their permissions apply to what it reads. */
    private static SecurityContext requesterContext() {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        return context;
    }

    private ExportStore.Row openable(UUID exportId) {
        ExportStore.Row row = store.byPublicId(exportId).orElseThrow(() -> new NotFoundException("No export with this id"));
        if (!isAdmin() && !row.requestedBy().equals(currentStaff.usernameForAudit())) {
            throw new AccessDeniedException("An export is open only to the person who asked for it and to administrators");
        }
        return row;
    }

    private String requesterName(String username) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffIdentity staff) {
            return staff.displayName();
        }
        return doctors.doctors().stream().filter(d -> d.staffUsername().equals(username))
                .map(DoctorSummary::displayName).findFirst().orElse(username);
    }

    private static boolean isAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
    }
}
