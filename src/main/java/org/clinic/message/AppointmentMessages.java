package org.clinic.message;

import org.clinic.appointment.AppointmentBooked;
import org.clinic.appointment.AppointmentCancelled;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.base.ClinicSettings;
import org.clinic.base.PublicLinks;
import org.clinic.patient.PatientContact;
import org.clinic.patient.PatientService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The messages appointments cause: a confirmation when booked, a notice when moved or cancelled, and reminders.
 * Listens synchronously, inside the booking's own transaction, so the message row commits (or rolls back) with
 * the booking. What goes in is where and when, never why: no reason for the visit, nothing clinical.
 */
@Component
class AppointmentMessages {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private final Outbox outbox;
    private final PatientService patients;
    private final MessageSettings settings;
    private final java.time.Clock clock;
    private final PublicLinks links;

    AppointmentMessages(Outbox outbox, PatientService patients, MessageSettings settings, java.time.Clock clock,
                        ClinicSettings clinic, PublicLinks links) {
        this.outbox = outbox;
        this.links = links;
        this.patients = patients;
        this.settings = settings;
        this.clock = clinic.following(clock);
    }

    @EventListener
    void booked(AppointmentBooked event) {
        AppointmentSummary appointment = event.appointment();
        PatientContact contact = patients.contact(appointment.patientId());
        Map<String, Object> model = model(contact, appointment);
        if (event.movedFrom() == null) {
            outbox.queue(new MessageRequest(MessageKind.BOOKING_CONFIRMED, key(appointment, MessageKind.BOOKING_CONFIRMED),
                    recipient(contact), "Your appointment on " + when(appointment) + " is booked", model,
                    event.internalId()));
        } else {
            model.put("previousDate", DATE.format(event.movedFrom().date()));
            model.put("previousTime", TIME.format(event.movedFrom().start()));
            outbox.queue(new MessageRequest(MessageKind.APPOINTMENT_MOVED, key(appointment, MessageKind.APPOINTMENT_MOVED),
                    recipient(contact), "Your appointment has moved to " + when(appointment), model,
                    event.internalId()));
        }
    }

    @EventListener
    void cancelled(AppointmentCancelled event) {
        AppointmentSummary appointment = event.appointment();
        PatientContact contact = patients.contact(appointment.patientId());
        outbox.queue(new MessageRequest(MessageKind.APPOINTMENT_CANCELLED,
                key(appointment, MessageKind.APPOINTMENT_CANCELLED), recipient(contact),
                "Your appointment on " + when(appointment) + " is cancelled", model(contact, appointment),
                event.internalId()));
    }

    /** A reminder for an appointment; false when one of this kind was queued for it today already. */
    boolean remind(AppointmentSummary appointment, long internalId, PatientContact contact, boolean dayBefore) {
        MessageKind kind = dayBefore ? MessageKind.REMINDER_DAY_BEFORE : MessageKind.REMINDER;
        Map<String, Object> model = model(contact, appointment);
        model.put("dayBefore", dayBefore);
        String subject = "Reminder: your appointment " + (dayBefore ? "tomorrow" : "today") + " at "
                + TIME.format(appointment.start());
        return outbox.queue(new MessageRequest(kind, MessageRequest.appointmentKey(appointment.id(), kind,
                LocalDate.now(clock)), recipient(contact), subject, model, internalId));
    }

    private Map<String, Object> model(PatientContact contact, AppointmentSummary appointment) {
        Map<String, Object> model = new HashMap<>();
        model.put("patientName", contact.fullName());
        model.put("date", DATE.format(appointment.date()));
        model.put("time", TIME.format(appointment.start()));
        model.put("doctor", appointment.doctorName());
        model.put("specialty", appointment.specialty());
        model.put("room", appointment.room());
        model.put("whatToBring", settings.whatToBring());
        model.put("howToCancel", settings.howToCancel());
        // The kiosk's booking code and the visit link (shown as a QR code too: EmailChannel attaches it).
        model.put("bookingCode", appointment.bookingCode());
        model.put("visitLink", links.visit(appointment.visitCode()));
        return model;
    }

    private static String key(AppointmentSummary appointment, MessageKind kind) {
        return MessageRequest.appointmentKey(appointment.id(), kind, appointment.date());
    }

    private static String when(AppointmentSummary appointment) {
        return SHORT_DATE.format(appointment.date()) + " at " + TIME.format(appointment.start());
    }

    private static Recipient recipient(PatientContact contact) {
        return new Recipient(contact.fullName(), contact.email(), contact.emailMessages(), contact.internalId());
    }
}
