package org.clinic.message;

/** What a message is about; each kind has its own plain-text and HTML template under {@code mail/}. */
public enum MessageKind {
    BOOKING_CONFIRMED("Booking confirmation", "booking-confirmed"),
    APPOINTMENT_MOVED("Appointment moved", "appointment-moved"),
    APPOINTMENT_CANCELLED("Appointment cancelled", "appointment-cancelled"),
    REMINDER("Reminder (on the day)", "reminder"),
    REMINDER_DAY_BEFORE("Reminder (day before)", "reminder"),
    REPORT_READY("Monthly report ready", "report-ready"),
    EXPORT_READY("Export ready", "export-ready"),
    PORTAL_CODE("Portal code", "portal-code");

    private final String label;
    private final String template;

    MessageKind(String label, String template) {
        this.label = label;
        this.template = template;
    }

    public String label() {
        return label;
    }

    /** The template's name under {@code mail/}, without the {@code .txt} or {@code .html} ending. */
    String template() {
        return template;
    }
}
