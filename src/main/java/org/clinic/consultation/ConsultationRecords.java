package org.clinic.consultation;

import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.clinic.security.AccessKind;
import org.clinic.security.PatientAccessLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reading consultations once they are written: one consultation to work on, its visit summary and its printout, a
 * patient's history of completed consultations, and the bare list of their visits. Clinical content is for doctors
 * only (a draft for its treating doctor only), and every read of it writes its access-log row in the same
 * transaction (docs/adr/0008); other staff see only that a visit happened ({@link #visits(UUID)}). The writing side
 * is {@link ConsultationService}; the history of saves before completion is {@link ConsultationVersions}.
 */
@Service
public class ConsultationRecords {

    private final ConsultationStore store;
    private final ConsultationLookup lookup;
    private final PatientService patients;
    private final DoctorService doctors;
    private final PatientAccessLog accessLog;
    private final TransactionTemplate loggedReading;

    ConsultationRecords(ConsultationStore store, ConsultationLookup lookup, PatientService patients,
                        DoctorService doctors, PatientAccessLog accessLog, PlatformTransactionManager transactions) {
        this.store = store;
        this.lookup = lookup;
        this.patients = patients;
        this.doctors = doctors;
        this.accessLog = accessLog;
        // Reads of clinical content write their access-log row in the same transaction, so it is not read-only.
        this.loggedReading = new TransactionTemplate(transactions);
        this.loggedReading.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * A consultation with its clinical content: doctors only, and a draft only for its treating doctor. Logged as a
     * read of the patient's data (a doctor who does not look after the patient gives a reason first).
     */
    @PreAuthorize(ConsultationService.DOCTORS)
    public Consultation get(UUID consultationId) {
        return opened(consultationId, AccessKind.CONSULTATION);
    }

    /**
     * {@link #get(UUID)} for the consultation screen, with the patient's latest weight from an earlier completed
     * consultation (for the header, when this one has none yet); one read, logged once.
     */
    @PreAuthorize(ConsultationService.DOCTORS)
    public OpenedConsultation open(UUID consultationId) {
        long me = lookup.signedInDoctorId();
        return Objects.requireNonNull(loggedReading.execute(status -> {
            ConsultationStore.Row row = lookup.row(consultationId);
            Consultation found = lookup.visible(row, me);
            accessLog.record(found.patientId(), row.patientId(), AccessKind.CONSULTATION);
            return new OpenedConsultation(found,
                    store.latestWeight(row.patientId(), row.id(), row.visitDate()).orElse(null));
        }));
    }

    /** {@link #get(UUID)} for the visit summary and prescription page, logged as such. */
    @PreAuthorize(ConsultationService.DOCTORS)
    public Consultation summary(UUID consultationId) {
        return opened(consultationId, AccessKind.SUMMARY);
    }

    /** The visit summary was sent to the printer: logged, as paper leaves the screen's control. */
    @PreAuthorize(ConsultationService.DOCTORS)
    public void printed(UUID consultationId) {
        opened(consultationId, AccessKind.PRINT);
    }

    /**
     * A patient's completed consultations, newest first, with vitals, diagnoses, prescriptions and addenda. Logged
     * as a read of the patient's consultations.
     */
    @PreAuthorize(ConsultationService.DOCTORS)
    public List<Consultation> history(UUID patientId) {
        long me = lookup.signedInDoctorId();
        PatientReference patient = patients.reference(patientId);
        return loggedReading.execute(status -> {
            List<ConsultationStore.Row> rows = store.ofPatient(patient.internalId(), ConsultationStatus.COMPLETED,
                    true);
            Map<Long, List<Consultation.Addendum>> addenda = store.addenda(rows.stream()
                    .map(ConsultationStore.Row::id).toList());
            List<Consultation> found = rows.stream()
                    .map(r -> lookup.consultation(r, addenda.getOrDefault(r.id(), List.of()), me)).toList();
            accessLog.record(patient.id(), patient.internalId(), AccessKind.CONSULTATION);
            return found;
        });
    }

    /**
     * That a patient's visits happened: when, with whom, whether completed. No clinical content, so for all staff;
     * not logged on its own: it is a list shown on the record, whose opening is (docs/adr/0008).
     */
    @PreAuthorize(ConsultationService.STAFF)
    public List<Visit> visits(UUID patientId) {
        PatientReference patient = patients.reference(patientId);
        return lookup.read(() -> {
            List<ConsultationStore.Row> rows = store.ofPatient(patient.internalId(), null, false);
            Map<Long, DoctorSummary> byId = doctors.doctorsByInternalId(rows.stream()
                    .map(ConsultationStore.Row::doctorId).collect(Collectors.toSet()));
            return rows.stream().map(r -> {
                DoctorSummary d = byId.get(r.doctorId());
                return new Visit(r.publicId(), r.visitDate(), r.startedAt(), r.completedAt(), d.displayName(),
                        d.specialty().name(), r.status());
            }).toList();
        });
    }

    private Consultation opened(UUID consultationId, AccessKind what) {
        long me = lookup.signedInDoctorId();
        return Objects.requireNonNull(loggedReading.execute(status -> {
            ConsultationStore.Row row = lookup.row(consultationId);
            Consultation found = lookup.visible(row, me); // someone else's draft is refused before anything is logged
            accessLog.record(found.patientId(), row.patientId(), what);
            return found;
        }));
    }
}
