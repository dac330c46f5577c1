package org.clinic.consultation;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A completed visit as the patient sees it in the portal: what the doctor concluded and told them to do (diagnosis,
 * prescription, advice, follow-up) and any addendum written since. The working notes (complaint as recorded, history,
 * examination, vitals) stay in the clinical record and its export.
 */
public record PatientVisit(UUID id, LocalDate date, String doctorName, String specialty,
                           @Nullable String diagnosis, @Nullable String diagnosisCode, List<PrescriptionLine> prescription,
                           @Nullable String advice, @Nullable LocalDate followUpOn, @Nullable String followUpNote,
                           List<Consultation.Addendum> addenda) {

    static PatientVisit of(Consultation consultation) {
        ConsultationContent content = consultation.content();
        return new PatientVisit(consultation.id(), consultation.visitDate(), consultation.doctorName(),
                consultation.specialty(), content.diagnosis(), content.diagnosisCode(), content.prescription(),
                content.advice(), content.followUpOn(), content.followUpNote(), consultation.addenda());
    }
}
