package org.clinic.visit;

import org.clinic.appointment.AppointmentCodes;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.BookedVisit;
import org.clinic.base.ClinicSettings;
import org.clinic.base.PublicLinks;
import org.clinic.base.RuleViolation;
import org.clinic.base.VisitCodes;
import org.clinic.doctor.DoctorRooms;
import org.clinic.patient.PatientIdentity;
import org.clinic.queue.QueuePlace;
import org.clinic.queue.QueuePositions;
import org.clinic.queue.QueueService;
import org.clinic.queue.Ticket;
import org.clinic.security.CurrentStaff;
import org.clinic.security.KioskActs;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Self check-in at the kiosk. The patient shows the confirmation's QR code (the visit link: enough on its own) or
 * types the booking code with their date of birth. The kiosk then checks them in through the front desk's own
 * {@link QueueService#checkIn} (same window, once only); a second scan shows the ticket again. Every refusal
 * changes nothing, and failed attempts (an unknown code, a wrong date of birth) are limited per kiosk.
 */
@Service
@PreAuthorize("hasRole('" + Role.KIOSK_NAME + "')")
public class KioskCheckIn {

    static final String UNKNOWN_CODE = "We could not find this booking code. Please check the code in your "
            + "confirmation, or ask at reception.";
    static final String WRONG_BIRTH_DATE = "The date of birth does not match this booking. Please try again, or "
            + "ask at reception.";
    static final String UNREADABLE = "This code is not valid. Please try again, or ask at reception.";
    static final String LIMITED = "Too many attempts. Please ask at reception.";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

    private final AppointmentCodes appointments;
    private final PatientIdentity identity;
    private final QueueService queue;
    private final QueuePositions positions;
    private final DoctorRooms rooms;
    private final PublicLinks links;
    private final VisitLimits limits;
    private final CurrentStaff currentStaff;
    private final Clock clock;

    KioskCheckIn(AppointmentCodes appointments, PatientIdentity identity, QueueService queue, QueuePositions positions,
                 DoctorRooms rooms, PublicLinks links, VisitLimits limits, CurrentStaff currentStaff, Clock clock,
                 ClinicSettings clinic) {
        this.appointments = appointments;
        this.identity = identity;
        this.queue = queue;
        this.positions = positions;
        this.rooms = rooms;
        this.links = links;
        this.limits = limits;
        this.currentStaff = currentStaff;
        this.clock = clinic.following(clock);
    }

    /**
     * What a scanner typed (a whole visit link, or a bare visit code): checks in at once. A booking code typed into
     * the same field asks for the date of birth instead.
     */
    public KioskResult scanned(@Nullable String scanned) {
        if (limits.kioskLimited(kiosk())) {
            return new KioskResult(KioskResult.Outcome.LIMITED, LIMITED, null);
        }
        String code = VisitCodes.visitCodeIn(scanned);
        if (code == null) {
            if (VisitCodes.bookingCode(scanned) != null) {
                return new KioskResult(KioskResult.Outcome.NEEDS_BIRTH_DATE,
                        "Please enter your date of birth to check in.", null);
            }
            return failed(UNREADABLE);
        }
        Optional<BookedVisit> booked = appointments.byVisitCode(code);
        if (booked.isPresent()) {
            return checkIn(booked.get());
        }
        // A walk-in's ticket: they are in the queue already.
        return positions.byVisitCode(code).filter(place -> place.date().equals(today()))
                .map(place -> new KioskResult(KioskResult.Outcome.ALREADY_CHECKED_IN,
                        "You are already checked in.", ticket(place)))
                .orElseGet(() -> failed(UNREADABLE));
    }

    /** A typed booking code with the date of birth; both must match a booking. */
    public KioskResult typed(@Nullable String bookingCode, @Nullable LocalDate birthDate) {
        if (limits.kioskLimited(kiosk())) {
            return new KioskResult(KioskResult.Outcome.LIMITED, LIMITED, null);
        }
        if (birthDate == null) {
            return new KioskResult(KioskResult.Outcome.NEEDS_BIRTH_DATE,
                    "Please enter your date of birth to check in.", null);
        }
        List<BookedVisit> found = appointments.byBookingCode(bookingCode);
        if (found.isEmpty()) {
            return failed(UNKNOWN_CODE);
        }
        List<BookedVisit> theirs = found.stream().filter(v -> identity.bornOn(v.patientInternalId(), birthDate))
                .toList();
        if (theirs.isEmpty()) {
            return failed(WRONG_BIRTH_DATE);
        }
        BookedVisit visit = theirs.stream().filter(v -> v.date().equals(today())).findFirst()
                .orElse(theirs.getFirst());
        return checkIn(visit);
    }

    private KioskResult checkIn(BookedVisit visit) {
        if (!visit.date().equals(today())) {
            return KioskResult.refused("This booking is for " + DAY.format(visit.date())
                    + ". You can check in on that day.");
        }
        switch (visit.status()) {
            case CANCELLED -> {
                return KioskResult.refused("This appointment was cancelled. Please ask at reception.");
            }
            case NO_SHOW -> {
                return KioskResult.refused("This appointment was marked as missed. Please ask at reception.");
            }
            case COMPLETED -> {
                return KioskResult.refused("Your visit today is finished. Please ask at reception if you need help.");
            }
            case CHECKED_IN, IN_CONSULTATION -> {
                return already(visit);
            }
            default -> {
            }
        }
        try {
            Ticket ticket = KioskActs.asFrontDesk(() -> queue.checkIn(visit.id()));
            var room = rooms.of(visit.doctorInternalId());
            return new KioskResult(KioskResult.Outcome.CHECKED_IN, "You are checked in.", new KioskTicket(
                    ticket.token(), ticket.room(), room.map(DoctorRooms.DoctorRoom::doctorName).orElse(""),
                    Math.max(0, ticket.position() - 1), ticket.estimatedWait(), links.visit(visit.visitCode()),
                    links.visitShort(visit.visitCode())));
        } catch (RuleViolation refused) {
            if (AppointmentService.ALREADY_CHECKED_IN.equals(refused.field())) {
                return already(visit); // a second scan that raced the first
            }
            // The check-in window and the appointment's state: messages that name nobody.
            return KioskResult.refused(refused.getMessage() + ". Please ask at reception if you need help.");
        }
    }

    private KioskResult already(BookedVisit visit) {
        return positions.byVisitCode(visit.visitCode())
                .map(place -> new KioskResult(KioskResult.Outcome.ALREADY_CHECKED_IN,
                        "You are already checked in. Here is your ticket again.", ticket(place)))
                .orElseGet(() -> KioskResult.refused("You are already checked in. Please ask at reception."));
    }

    private KioskTicket ticket(QueuePlace place) {
        return new KioskTicket(place.token(), place.room(), place.doctorName() == null ? "" : place.doctorName(),
                place.ahead(), place.estimatedWait(), links.visit(place.visitCode()),
                links.visitShort(place.visitCode()));
    }

    private KioskResult failed(String message) {
        limits.kioskFailed(kiosk());
        return KioskResult.refused(message);
    }

    private String kiosk() {
        return currentStaff.usernameForAudit();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
