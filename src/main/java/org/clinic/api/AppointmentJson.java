package org.clinic.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.patient.Mrn;
import org.clinic.queue.Ticket;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** Appointments, their changes and check-in tickets, as JSON. Unknown fields in a request are refused (400). */
final class AppointmentJson {

    private AppointmentJson() {
    }

    @Schema(name = "NewAppointment", description = "A booking: the patient, the doctor, and one of the doctor's free"
            + " slots (GET /api/v1/doctors/{doctorId}/slots).")
    record NewAppointment(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable UUID patientId,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable UUID doctorId,
                          @Schema(example = "2026-12-14", requiredMode = Schema.RequiredMode.REQUIRED)
                          @Nullable LocalDate date,
                          @Schema(example = "09:30", requiredMode = Schema.RequiredMode.REQUIRED)
                          @Nullable LocalTime start,
                          @Schema(description = "NEW when left out", example = "NEW") @Nullable AppointmentKind kind,
                          @Schema(example = "Blood test results") @Nullable String reason) {
    }

    @Schema(name = "Cancellation")
    record Cancellation(@Schema(example = "Patient called to cancel", requiredMode = Schema.RequiredMode.REQUIRED)
                        @Nullable String reason) {
    }

    @Schema(name = "Move", description = "Where to move a scheduled appointment; the same doctor when doctorId is left"
            + " out.")
    record Move(@Nullable UUID doctorId,
                @Schema(example = "2026-12-15", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable LocalDate date,
                @Schema(example = "10:00", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable LocalTime start) {
    }

    @Schema(name = "Appointment")
    record Appointment(UUID id, UUID patientId, String patientName, String patientMrn, UUID doctorId,
                       String doctorName, String specialty, String room, LocalDate date,
                       @JsonFormat(pattern = "HH:mm") LocalTime start, @JsonFormat(pattern = "HH:mm") LocalTime end,
                       AppointmentStatus status, AppointmentKind kind, @Nullable String reason,
                       @Schema(description = "the appointment this one was moved from") @Nullable UUID rescheduledFrom,
                       boolean bookedOnline,
                       @Schema(description = "what the patient types at the check-in kiosk, with their date of birth")
                       String bookingCode) {

        static Appointment of(AppointmentSummary a) {
            return new Appointment(a.id(), a.patientId(), a.patientName(), Mrn.display(a.patientMrn()), a.doctorId(),
                    a.doctorName(), a.specialty(), a.room(), a.date(), a.start(), a.end(), a.status(), a.kind(),
                    a.reason(), a.rescheduledFrom(), a.bookedOnline(), a.bookingCode());
        }
    }

    @Schema(name = "Ticket", description = "What check-in gives the patient: a token in the doctor's queue.")
    record CheckInTicket(UUID queueEntryId, @Schema(example = "PAT-004") String token, String patientName,
                         String doctorName, String room, @Schema(description = "1 = next to be called") int position,
                         int estimatedWaitMinutes, Instant issuedAt) {

        static CheckInTicket of(Ticket ticket) {
            return new CheckInTicket(ticket.entryId(), ticket.token(), ticket.patientName(), ticket.doctorName(),
                    ticket.room(), ticket.position(), (int) ticket.estimatedWait().toMinutes(), ticket.issuedAt());
        }
    }
}
