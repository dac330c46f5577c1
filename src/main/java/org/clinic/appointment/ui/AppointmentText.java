package org.clinic.appointment.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.appointment.AppointmentSummary;

/** How booking screens show statuses. */
final class AppointmentText {

    private AppointmentText() {
    }

    static Span statusBadge(AppointmentStatus status) {
        Span badge = new Span(status.label());
        String theme = switch (status) {
            case SCHEDULED -> "badge";
            case CHECKED_IN, IN_CONSULTATION -> "badge contrast";
            case COMPLETED -> "badge success";
            case CANCELLED, NO_SHOW -> "badge error";
        };
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    /** The kind of visit (and whether the patient booked it online) over its reason, on two lines. */
    static Div visit(AppointmentSummary appointment) {
        Span kind = new Span(appointment.kind().label());
        Div cell = new Div(kind);
        if (appointment.bookedOnline()) {
            Span online = new Span("Booked online");
            online.getElement().getThemeList().add("badge small");
            online.addClassName("clinic-booked-online");
            kind.add(new Span(" "), online);
        }
        if (appointment.reason() != null) {
            Span reason = new Span(appointment.reason());
            reason.addClassName("clinic-hint");
            reason.getElement().setAttribute("title", appointment.reason());
            cell.add(reason);
        }
        cell.addClassName("clinic-two-line");
        return cell;
    }

    /** Name over MRN, on two lines. */
    static Div patient(AppointmentSummary appointment) {
        Span name = new Span(appointment.patientName());
        name.addClassName("clinic-patient-name");
        Span mrn = new Span("MRN " + org.clinic.patient.Mrn.display(appointment.patientMrn()));
        mrn.addClassName("clinic-hint");
        Div cell = new Div(name, mrn);
        cell.addClassName("clinic-two-line");
        return cell;
    }
}
