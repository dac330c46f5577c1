package org.clinic.appointment.ui;

import com.vaadin.flow.component.html.Span;
import org.clinic.appointment.AppointmentStatus;

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
}
