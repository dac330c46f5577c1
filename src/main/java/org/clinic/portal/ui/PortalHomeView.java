package org.clinic.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
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
import org.clinic.appointment.AppointmentStatus;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.OnlineBooking;
import org.clinic.base.ClinicSettings;
import org.clinic.portal.PortalProfileService;
import org.clinic.portal.booking.BookPage;
import org.clinic.portal.booking.MyAppointmentsPage;
import org.clinic.portal.history.MyVisitsPage;
import org.clinic.security.CurrentPatient;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The portal's home: a greeting by first name; on the day of a visit, the way to follow one's place in the queue
 * live; the next appointments (each read is logged with the patient's account as the reader); and the way to book,
 * manage appointments, read past visits and change one's details.
 */
@Route(value = "portal/home", layout = PortalLayout.class)
@PageTitle("Home · Patient portal")
@RolesAllowed(CurrentPatient.ROLE_NAME)
@StyleSheet("styles/portal-care.css")
public class PortalHomeView extends Div implements AfterNavigationObserver {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final int SHOWN = 3;

    final H1 greeting = new H1();
    final Div appointments = new Div();
    private final Div today = new Div();

    private final PortalProfileService profiles;
    private final OnlineBooking booking;
    private final Clock clock;

    public PortalHomeView(PortalProfileService profiles, OnlineBooking booking, Clock clock, ClinicSettings clinic) {
        this.profiles = profiles;
        this.booking = booking;
        this.clock = clinic.following(clock);
        addClassName("portal-page");
        greeting.setId("greeting");
        today.setId("today");
        appointments.setId("upcoming");
        appointments.addClassName("portal-list");
        Div menu = new Div(nav("Book an appointment", VaadinIcon.CALENDAR, BookPage.class, "book-link"),
                nav("My appointments", VaadinIcon.CLOCK, MyAppointmentsPage.class, "appointments-link"),
                nav("My visits and history", VaadinIcon.FILE_TEXT_O, MyVisitsPage.class, "visits-link"),
                nav("My details and settings", VaadinIcon.USER, ProfileView.class, "profile-link"));
        menu.addClassName("portal-menu");
        add(greeting, today, new H2("Your next appointments"), appointments, menu);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        greeting.setText("Hello, " + profiles.profile().givenName());
        show(booking.upcoming());
    }

    private void show(List<AppointmentSummary> upcoming) {
        appointments.removeAll();
        today.removeAll();
        LocalDate date = LocalDate.now(clock);
        upcoming.stream().filter(a -> a.date().equals(date)).findFirst().ifPresent(this::showToday);
        if (upcoming.isEmpty()) {
            Paragraph none = new Paragraph("You have no upcoming appointments.");
            none.addClassName("portal-empty");
            appointments.add(none);
            return;
        }
        for (AppointmentSummary a : upcoming.stream().limit(SHOWN).toList()) {
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

    /** Today's visit: its live page (the same the ticket's QR code opens) and the booking code for the kiosk. */
    private void showToday(AppointmentSummary visit) {
        Div card = new Div();
        card.addClassNames("portal-card", "portal-today");
        boolean checkedIn = visit.status() != AppointmentStatus.SCHEDULED;
        H2 title = new H2(checkedIn ? "You are checked in" : "Your visit today at " + TIME.format(visit.start()));
        Paragraph what = new Paragraph(checkedIn
                ? "Follow your place in the queue: the page tells you when to go to room " + visit.room() + "."
                : "Check in at the kiosk with booking code " + visit.bookingCode()
                + " and your date of birth, or at reception.");
        Anchor follow = new Anchor("visit/" + visit.visitCode(), checkedIn ? "Follow my place in the queue"
                : "Open my visit page");
        follow.setId("today-visit");
        follow.addClassName("portal-today-link");
        card.add(title, what, follow);
        today.add(card);
    }

    private static RouterLink nav(String text, VaadinIcon icon, Class<? extends Component> to, String id) {
        RouterLink link = new RouterLink("", to);
        link.add(new Icon(icon), new Span(text));
        link.setId(id);
        link.addClassNames("portal-big-link", "portal-nav-card");
        return link;
    }
}
