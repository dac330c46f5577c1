package org.clinic.portal.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.appointment.OwnAppointment;
import org.clinic.appointment.OwnAppointments;
import org.clinic.portal.PortalProfileService;
import org.clinic.security.CurrentPatient;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The portal's home: a greeting by first name, the patient's upcoming appointments (read only; each read is logged
 * with their account as the reader), and their profile. Booking and visit history join here once they exist.
 */
@Route(value = "portal/home", layout = PortalLayout.class)
@PageTitle("Home · Patient portal")
@RolesAllowed(CurrentPatient.ROLE_NAME)
public class PortalHomeView extends Div implements AfterNavigationObserver {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    final H1 greeting = new H1();
    final Div appointments = new Div();

    private final PortalProfileService profiles;
    private final OwnAppointments own;

    public PortalHomeView(PortalProfileService profiles, OwnAppointments own) {
        this.profiles = profiles;
        this.own = own;
        addClassName("portal-page");
        greeting.setId("greeting");
        appointments.setId("upcoming");
        appointments.addClassName("portal-list");
        RouterLink profile = new RouterLink("", ProfileView.class);
        profile.add(new Icon(VaadinIcon.USER), new Span("My details and settings"));
        profile.setId("profile-link");
        profile.addClassName("portal-big-link");
        profile.addClassName("portal-nav-card");
        add(greeting, new H2("Your upcoming appointments"), appointments, profile);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        greeting.setText("Hello, " + profiles.profile().givenName());
        show(own.upcoming());
    }

    private void show(List<OwnAppointment> upcoming) {
        appointments.removeAll();
        if (upcoming.isEmpty()) {
            Paragraph none = new Paragraph("You have no upcoming appointments. To book one, please call the clinic.");
            none.addClassName("portal-empty");
            appointments.add(none);
            return;
        }
        for (OwnAppointment a : upcoming) {
            Span when = new Span(DAY.format(a.date()) + ", " + TIME.format(a.start()));
            when.addClassName("portal-when");
            Span who = new Span(a.doctorName() + " · " + a.specialty());
            Span where = new Span("Room " + a.room());
            where.addClassName("portal-where");
            Div card = new Div(when, who, where);
            card.addClassName("portal-appointment");
            appointments.add(card);
        }
    }
}
