package org.clinic.consultation;

import org.clinic.base.NotFoundException;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.clinic.queue.QueueService;
import org.clinic.security.AccessKind;
import org.clinic.security.PatientAccessLog;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * The history of a consultation before it was locked: every save as it was saved, by whom and when. Written by
 * {@link ConsultationService} with each save; read here under the same rule as the consultation itself (doctors
 * only, a draft's only by its treating doctor), and recorded in the access log like reading the consultation.
 */
@Service
public class ConsultationVersions {

    private final ConsultationStore consultations;
    private final ConsultationVersionStore versions;
    private final QueueService queue;
    private final PatientService patients;
    private final PatientAccessLog accessLog;

    ConsultationVersions(ConsultationStore consultations, ConsultationVersionStore versions, QueueService queue,
                         PatientService patients, PatientAccessLog accessLog) {
        this.consultations = consultations;
        this.versions = versions;
        this.queue = queue;
        this.patients = patients;
        this.accessLog = accessLog;
    }

    /** Every save of the consultation, oldest first. */
    @PreAuthorize(ConsultationService.DOCTORS)
    @Transactional // not read-only: the read is recorded
    public List<ConsultationVersion> versions(UUID consultationId) {
        long me = queue.signedInDoctor().map(DoctorSummary::internalId).orElse(-1L);
        ConsultationStore.Row row = consultations.byPublicId(consultationId)
                .orElseThrow(() -> new NotFoundException("No consultation with this id"));
        if (row.status() == ConsultationStatus.DRAFT && row.doctorId() != me) {
            throw new AccessDeniedException("A draft consultation is open only to its treating doctor");
        }
        PatientReference patient = patients.references(List.of(row.patientId())).get(row.patientId());
        accessLog.record(patient.id(), row.patientId(), AccessKind.CONSULTATION);
        return versions.of(row.id());
    }
}
