package org.clinic.portal.booking;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.portal.ui.PortalLayout;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.OnlineBooking;
import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.security.CurrentPatient;

import java.util.List;
import java.util.Map;

import static org.clinic.portal.booking.BookPage.DAY;
import static org.clinic.portal.booking.BookPage.TIME;
import static org.clinic.portal.booking.BookPage.line;

/**
 * The patient's upcoming appointments, each with "Move" and "Cancel" while changes are still open online (the
 * service checks again); closer to the time the card says to call instead.
 */
@Route(value = "portal/appointments", layout = PortalLayout.class)
@PageTitle("My appointments · Patient portal")
@RolesAllowed(CurrentPatient.ROLE_NAME)
@StyleSheet("styles/portal-care.css")
public class MyAppointmentsPage extends Div {

    private final OnlineBooking booking;
    private final Div list = new Div();

    public MyAppointmentsPage(OnlineBooking booking) {
        this.booking = booking;
        addClassNames("portal-page", "portal-appointments");
        list.addClassName("portal-list");
        Button book = new Button("Book an appointment", e -> getUI().ifPresent(ui -> ui.navigate(BookPage.class)));
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        book.addClassName("portal-primary");
        book.setId("portal-book");
        add(new H1("My appointments"), list, book);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        refresh();
    }

    private void refresh() {
        list.removeAll();
        List<AppointmentSummary> upcoming = booking.upcoming();
        if (upcoming.isEmpty()) {
            Paragraph none = new Paragraph("You have no upcoming appointments.");
            none.addClassName("portal-empty");
            list.add(none);
        }
        upcoming.forEach(a -> list.add(card(a)));
    }

    private Div card(AppointmentSummary appointment) {
        Div card = new Div();
        card.addClassNames("portal-card", "portal-appointment");
        card.add(line(DAY.format(appointment.date()) + " at " + TIME.format(appointment.start()), "portal-when"),
                line(appointment.doctorName() + " · " + appointment.specialty(), null),
                line("Room " + appointment.room(), null));
        if (appointment.status() != AppointmentStatus.SCHEDULED) {
            card.add(line(appointment.status().label(), "portal-status"));
            return card;
        }
        if (!booking.canChange(appointment)) {
            card.add(line("Changes online close " + hours() + " before. To change it now, please call us.",
                    "portal-hint"));
            return card;
        }
        Div actions = new Div();
        actions.addClassName("portal-actions");
        Button move = new Button("Move", e -> getUI().ifPresent(ui -> ui.navigate(BookPage.class,
                new QueryParameters(Map.of("move", List.of(appointment.id().toString()))))));
        move.addClassName("portal-action");
        Button cancel = new Button("Cancel", e -> askToCancel(card, actions, appointment));
        cancel.addClassName("portal-action");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        actions.add(move, cancel);
        card.add(actions);
        return card;
    }

    private void askToCancel(Div card, Div actions, AppointmentSummary appointment) {
        actions.removeAll();
        Paragraph ask = new Paragraph("Cancel this appointment? The time goes to someone else.");
        ask.addClassName("portal-ask");
        Button yes = new Button("Yes, cancel it");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        yes.addClassName("portal-action");
        yes.setDisableOnClick(true);
        yes.addClickListener(e -> {
            try {
                booking.cancel(appointment.id());
                refresh();
            } catch (RuleViolation | NotFoundException refused) {
                ask.setText(refused.getMessage());
                ask.addClassName("portal-problem");
            }
        });
        Button no = new Button("Keep it", e -> refresh());
        no.addClassName("portal-action");
        actions.add(ask, yes, no);
    }

    private String hours() {
        long hours = booking.limits().changesUntil().toHours();
        return hours == 1 ? "1 hour" : hours + " hours";
    }
}
