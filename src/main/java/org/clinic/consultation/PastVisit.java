package org.clinic.consultation;

import java.time.LocalDateTime;
import java.util.UUID;

/** A consultation from before the clinic used this system, recorded from earlier notes (completed at once). */
public record PastVisit(UUID patientId, UUID doctorId, LocalDateTime at, ConsultationContent content) {
}
