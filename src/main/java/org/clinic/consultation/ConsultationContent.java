package org.clinic.consultation;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * What the doctor writes: the clinical content of a consultation, saved as a draft while it is typed and locked on
 * completion.
 *
 * @param diagnosisCode a code from {@link ConsultationService#diagnosisCodes()}, or null for free text only
 * @param followUpOn    when the patient should come back, if at all
 */
public record ConsultationContent(Vitals vitals, @Nullable String chiefComplaint, @Nullable String history,
                                  @Nullable String examination, @Nullable String diagnosis,
                                  @Nullable String diagnosisCode, List<PrescriptionLine> prescription,
                                  @Nullable String advice, @Nullable LocalDate followUpOn,
                                  @Nullable String followUpNote) {

    public static final ConsultationContent EMPTY = new ConsultationContent(Vitals.NONE, null, null, null, null, null,
            List.of(), null, null, null);

    public ConsultationContent {
        prescription = prescription == null ? List.of() : List.copyOf(prescription);
        vitals = vitals == null ? Vitals.NONE : vitals;
    }
}
