package org.clinic.consultation;

import org.clinic.patient.PatientReference;
import org.clinic.security.AccessKind;
import org.clinic.security.PatientAccessLog;
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

    private final ConsultationLookup lookup;
    private final ConsultationVersionStore versions;
    private final PatientAccessLog accessLog;

    ConsultationVersions(ConsultationLookup lookup, ConsultationVersionStore versions, PatientAccessLog accessLog) {
        this.lookup = lookup;
        this.versions = versions;
        this.accessLog = accessLog;
    }

    /** Every save of the consultation, oldest first. */
    @PreAuthorize(ConsultationService.DOCTORS)
    @Transactional // not read-only: the read is recorded
    public List<ConsultationVersion> versions(UUID consultationId) {
        ConsultationStore.Row row = lookup.row(consultationId);
        lookup.requireVisible(row, lookup.signedInDoctorId());
        PatientReference patient = lookup.patientOf(row);
        accessLog.record(patient.id(), row.patientId(), AccessKind.CONSULTATION);
        return versions.of(row.id());
    }
}
