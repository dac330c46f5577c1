package org.clinic.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.base.RuleViolation;
import org.clinic.queue.QueueService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Booking, reading, cancelling, moving and checking in appointments, through AppointmentService and the queue. */
@RestController
@RequestMapping(path = "/api/v1/appointments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Appointments", description = "Book (idempotently, with an Idempotency-Key), read, cancel, move and"
        + " check in appointments. The same rules as at the front desk: one active appointment per slot, the"
        + " doctor's daily capacity, no overlapping appointments for a patient, bookings only in the future.")
class AppointmentsApi {

    private final AppointmentService appointments;
    private final AppointmentQueries appointmentQueries;
    private final QueueService queue;
    private final IdempotentBookings idempotent;

    AppointmentsApi(AppointmentService appointments, AppointmentQueries appointmentQueries, QueueService queue,
    IdempotentBookings idempotent) {
        this.appointments = appointments;
        this.appointmentQueries = appointmentQueries;
        this.queue = queue;
        this.idempotent = idempotent;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Book an appointment",
            description = "Reception tokens. Send an Idempotency-Key (e.g. a UUID you make per booking) to retry"
                    + " safely: the same key and body book once and answer the same appointment again (with"
                    + " Idempotent-Replayed: true), the same key with another body is refused with 422. Keys are"
                    + " remembered for 24 hours. 409 when the slot was taken or the doctor's day is full"
                    + " (nextFreeSlots offers others).")
    ResponseEntity<AppointmentJson.Appointment> book(
            @RequestBody AppointmentJson.NewAppointment request,
            @Parameter(description = "your unique id of this booking, 1–100 printable characters",
                    example = "4f1c2a9e-7d3b-4e55-9a61-0c2f8b7e1d10")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @AuthenticationPrincipal ApiClient client) {
        requireComplete(request);
        if (idempotencyKey == null) {
            return IdempotentBookings.created(AppointmentJson.Appointment.of(appointments.book(
                    command(UUID.randomUUID(), request))), false);
        }
        return idempotent.book(client, idempotencyKey, request, requestId -> command(requestId, request));
    }

    @GetMapping("/{appointmentId}")
    @Operation(summary = "Read an appointment")
    AppointmentJson.Appointment get(@PathVariable UUID appointmentId) {
        return AppointmentJson.Appointment.of(appointmentQueries.get(appointmentId));
    }

    @PostMapping(path = "/{appointmentId}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel an appointment", description = "Reception tokens; a reason is required. Frees the"
            + " slot. Refused once the patient is checked in.")
    AppointmentJson.Appointment cancel(@PathVariable UUID appointmentId,
                                       @RequestBody AppointmentJson.Cancellation cancellation) {
        return AppointmentJson.Appointment.of(appointments.cancel(appointmentId,
                cancellation.reason() == null ? "" : cancellation.reason()));
    }

    @PostMapping(path = "/{appointmentId}/move", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move an appointment", description = "Reception tokens. Books the new slot and cancels the"
            + " old appointment in one step; answers the new appointment (rescheduledFrom names the old one).")
    ResponseEntity<AppointmentJson.Appointment> move(@PathVariable UUID appointmentId,
                                                     @RequestBody AppointmentJson.Move move) {
        List<RuleViolation.Problem> missing = new ArrayList<>();
        if (move.date() == null) {
            missing.add(new RuleViolation.Problem("date", "Choose the new date"));
        }
        if (move.start() == null) {
            missing.add(new RuleViolation.Problem("start", "Choose the new time"));
        }
        if (!missing.isEmpty()) {
            throw new RuleViolation(missing);
        }
        UUID doctorId = move.doctorId() != null ? move.doctorId() : appointmentQueries.get(appointmentId).doctorId();
        AppointmentSummary moved = appointments.reschedule(appointmentId, UUID.randomUUID(), doctorId, move.date(),
                move.start());
        return ResponseEntity.created(URI.create("/api/v1/appointments/" + moved.id()))
                .body(AppointmentJson.Appointment.of(moved));
    }

    @PostMapping("/{appointmentId}/check-in")
    @Operation(summary = "Check a patient in", description = "Reception tokens. Only on the appointment's day, from"
            + " the configured time before it, and only once (409 when already checked in). Gives the patient a token"
            + " in the doctor's queue.")
    ResponseEntity<AppointmentJson.CheckInTicket> checkIn(@PathVariable UUID appointmentId) {
        return ResponseEntity.status(201).body(AppointmentJson.CheckInTicket.of(queue.checkIn(appointmentId)));
    }

    private static BookAppointment command(UUID requestId, AppointmentJson.NewAppointment request) {
        return new BookAppointment(requestId, request.patientId(), request.doctorId(), request.date(),
                request.start(), request.kind() == null ? AppointmentKind.NEW : request.kind(), request.reason());
    }

    private static void requireComplete(AppointmentJson.NewAppointment request) {
        List<RuleViolation.Problem> missing = new ArrayList<>();
        if (request.patientId() == null) {
            missing.add(new RuleViolation.Problem("patientId", "Choose the patient"));
        }
        if (request.doctorId() == null) {
            missing.add(new RuleViolation.Problem("doctorId", "Choose the doctor"));
        }
        if (request.date() == null) {
            missing.add(new RuleViolation.Problem("date", "Choose the date"));
        }
        if (request.start() == null) {
            missing.add(new RuleViolation.Problem("start", "Choose a free slot"));
        }
        if (!missing.isEmpty()) {
            throw new RuleViolation(missing);
        }
    }
}
