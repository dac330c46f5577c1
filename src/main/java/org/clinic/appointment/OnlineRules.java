package org.clinic.appointment;

import org.clinic.base.ClinicSettings;
import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.security.PatientOwnership;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The portal's limits on what a patient books, cancels or moves, checked by {@link AppointmentService} inside the
 * booking transaction, after the patient's booking lock: two tabs booking at once are counted one after the other.
 */
@Component
class OnlineRules {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.ENGLISH);

    private final AppointmentRepository appointments;
    private final OnlineBookingSettings settings;
    private final PatientOwnership ownership;
    private final Clock clock;

    OnlineRules(AppointmentRepository appointments, OnlineBookingSettings settings, PatientOwnership ownership,
                Clock clock, ClinicSettings clinic) {
        this.appointments = appointments;
        this.settings = settings;
        this.ownership = ownership;
        this.clock = clinic.following(clock);
    }

    OnlineBookingSettings settings() {
        return settings;
    }

    /** A booking (or the new slot of a move) for the signed-in patient, within the portal's limits. */
    void mayBook(long patientInternalId, BookAppointment request) {
        if (!ownership.isInternal(patientInternalId)) {
            throw new NotFoundException("No patient with this id"); // never reached through OnlineBooking
        }
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime starts = LocalDateTime.of(request.date(), request.start());
        if (starts.isAfter(now) && starts.isBefore(now.plus(settings.closesBefore()))) {
            throw new RuleViolation("start", "Online booking closes " + hours(settings.closesBefore())
                    + " before the appointment; please call us for this time");
        }
        if (request.date().isAfter(now.toLocalDate().plusDays(settings.horizonDays()))) {
            throw new RuleViolation("date", "You can book up to " + settings.horizonDays() + " days ahead");
        }
        long upcoming = upcoming(patientInternalId, now);
        if (upcoming >= settings.maxUpcoming()) {
            throw new RuleViolation("start", "You already have " + upcoming + " upcoming appointments, the most you "
                    + "can hold at once; cancel one or wait until after your next visit");
        }
    }

    /** A cancellation or move by the patient: their own appointment, and not too close to its time. */
    void mayChange(Appointment appointment) {
        if (!ownership.isInternal(appointment.patientId())) {
            throw new NotFoundException("No appointment with this id");
        }
        LocalDateTime starts = LocalDateTime.of(appointment.date(), appointment.start());
        if (!changesOpen(starts)) {
            throw new RuleViolation("start", "Appointments can be changed online until "
                    + hours(settings.changesUntil()) + " before; for your appointment on "
                    + WHEN.format(starts) + " please call us");
        }
    }

    /** Whether an appointment starting then may still be cancelled or moved online. */
    boolean changesOpen(LocalDateTime starts) {
        return LocalDateTime.now(clock).plus(settings.changesUntil()).isBefore(starts);
    }

    /** Appointments the patient holds from now on (any way they were booked). */
    long upcoming(long patientInternalId, LocalDateTime now) {
        LocalDate today = now.toLocalDate();
        return appointments.findByPatientIdAndDateGreaterThanEqualOrderByDateAscStartAsc(patientInternalId, today)
                .stream().filter(a -> a.status() == AppointmentStatus.SCHEDULED)
                .filter(a -> LocalDateTime.of(a.date(), a.start()).isAfter(now)).count();
    }

    static String hours(java.time.Duration duration) {
        long hours = duration.toHours();
        if (hours >= 1 && duration.toMinutesPart() == 0) {
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        return duration.toMinutes() + " minutes";
    }
}
