package org.clinic.consultation;

import org.clinic.patient.Sex;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A consultation with its clinical content, as doctors see it.
 *
 * @param patientBirthDate the patient's date of birth ({@code patientBirthDateEstimated}: worked out from an age)
 * @param version       the draft's version: a save names the version it was based on, so a save from a stale tab
 *                      is refused instead of overwriting
 * @param treatingDoctor whether the signed-in doctor is the one who writes it
 */
public record Consultation(UUID id, UUID patientId, String patientName, String patientMrn,
                           LocalDate patientBirthDate, boolean patientBirthDateEstimated, Sex patientSex,
                           @Nullable UUID queueEntryId, @Nullable String token, @Nullable UUID appointmentId,
                           UUID doctorId, String doctorName, String specialty, String room,
                           ConsultationStatus status, LocalDate visitDate, Instant startedAt, Instant savedAt,
                           String savedBy, @Nullable Instant completedAt, @Nullable String completedBy, long version,
                           ConsultationContent content, List<Addendum> addenda,
                           @Nullable UUID followUpAppointmentId, boolean treatingDoctor) {

    /** The patient's age on the day of the visit: the ranges a value is judged by are those of this age. */
    public Age patientAge() {
        return Age.on(visitDate, patientBirthDate, patientBirthDateEstimated);
    }

    /** Still a draft, and the signed-in doctor is the treating one. */
    public boolean editable() {
        return status == ConsultationStatus.DRAFT && treatingDoctor;
    }

    /** A correction or addition written after completion; the original text stays as it was. */
    public record Addendum(String text, String writtenBy, String authorName, Instant writtenAt) {
    }
}
