package org.clinic.portal.booking;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.clinic.base.ui.DateFields;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.portal.ui.PortalLayout;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.OnlineBooking;
import org.clinic.appointment.SlotTaken;
import org.clinic.base.ClinicSettings;
import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.Slot;
import org.clinic.doctor.SpecialtySummary;
import org.clinic.security.CurrentPatient;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Booking in the portal, one step at a time on a phone: what kind of doctor, which doctor (or whoever is free first),
 * a time, then one tap to confirm. With {@code ?move=<appointment>} the same steps move an existing appointment. The
 * booking is the front desk's (same slot and capacity guarantees); a repeated tap on "Book" books once.
 */
@Route(value = "portal/book", layout = PortalLayout.class)
@PageTitle("Book an appointment · Patient portal")
@RolesAllowed(CurrentPatient.ROLE_NAME)
@StyleSheet("styles/portal-care.css")
public class BookPage extends Div implements BeforeEnterObserver {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final int FIRST_AVAILABLE = 12;

    private final OnlineBooking booking;
    private final Clock clock;
    private final Div step = new Div();
    private final Paragraph lead = new Paragraph();
    private @Nullable AppointmentSummary moving;
    /** One per confirmation shown: tapping "Book" twice, or after a lost reply, books once. */
    private UUID requestId = UUID.randomUUID();

    public BookPage(OnlineBooking booking, Clock clock, ClinicSettings clinic) {
        this.booking = booking;
        this.clock = clinic.following(clock);
        addClassNames("portal-page", "portal-book");
        step.addClassName("portal-step");
        lead.addClassName("portal-lead");
        add(new H1("Book an appointment"), lead, step);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        moving = event.getLocation().getQueryParameters().getSingleParameter("move").flatMap(this::ownUpcoming)
                .orElse(null);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (moving != null) {
            getChildren().filter(H1.class::isInstance).findFirst().ifPresent(h -> ((H1) h).setText("Move your appointment"));
            lead.setText("Now: " + SHORT_DAY.format(moving.date()) + " at " + TIME.format(moving.start()) + " with "
                    + moving.doctorName() + ". Choose the new time; the old one is released when you confirm.");
        } else {
            lead.setText("Choose what you need, then a time. You can hold up to " + booking.limits().maxUpcoming()
                    + " appointments at once.");
        }
        chooseSpecialty();
    }

    private void chooseSpecialty() {
        Div choices = choices();
        for (SpecialtySummary specialty : booking.specialties()) {
            choices.add(choice(specialty.name(), null, () -> chooseDoctor(specialty)));
        }
        show("1 · What do you need?", choices);
    }

    private void chooseDoctor(SpecialtySummary specialty) {
        Div choices = choices();
        choices.add(choice("First available", "Whichever doctor can see you soonest",
                () -> chooseFirstAvailable(specialty)));
        for (DoctorSummary doctor : booking.doctors(specialty.id())) {
            choices.add(choice(doctor.displayName(), specialty.name() + " · Room " + doctor.room(),
                    () -> chooseDay(specialty, doctor, firstFreeDay(doctor))));
        }
        show("2 · " + specialty.name() + ": which doctor?", back(this::chooseSpecialty), choices);
    }

    private void chooseFirstAvailable(SpecialtySummary specialty) {
        List<OnlineBooking.OpenSlot> open = booking.firstAvailable(specialty.id(), FIRST_AVAILABLE);
        Div times = new Div();
        times.addClassName("portal-times");
        LocalDate shown = null;
        for (OnlineBooking.OpenSlot slot : open) {
            if (!slot.date().equals(shown)) {
                shown = slot.date();
                Span day = new Span(DAY.format(shown));
                day.addClassName("portal-day");
                times.add(day);
            }
            Button time = new Button(TIME.format(slot.slot().start()) + " · " + slot.doctor().displayName(),
                    e -> confirm(slot.doctor(), slot.date(), slot.slot()));
            time.addClassName("portal-time");
            times.add(time);
        }
        if (open.isEmpty()) {
            times.add(empty("No free times in " + specialty.name() + " in the next "
                    + booking.limits().horizonDays() + " days. Please call us."));
        }
        show("3 · The soonest times", back(() -> chooseDoctor(specialty)), times);
    }

    private void chooseDay(SpecialtySummary specialty, DoctorSummary doctor, LocalDate initial) {
        DatePicker date = new DatePicker("Day");
        date.setId("portal-day");
        DateFields.day(date);
        date.setMin(LocalDate.now(clock));
        date.setMax(LocalDate.now(clock).plusDays(booking.limits().horizonDays()));
        date.setValue(initial);
        date.addClassName("portal-date");
        Div times = new Div();
        times.addClassName("portal-times");
        Runnable fill = () -> {
            times.removeAll();
            LocalDate day = date.getValue();
            if (day == null) {
                return;
            }
            List<Slot> free = booking.freeSlots(doctor.id(), day);
            Div grid = new Div();
            grid.addClassName("portal-time-grid");
            free.forEach(s -> {
                Button time = new Button(TIME.format(s.start()), e -> confirm(doctor, day, s));
                time.addClassName("portal-time");
                time.getElement().setAttribute("data-time", TIME.format(s.start()));
                grid.add(time);
            });
            times.add(free.isEmpty() ? empty(doctor.displayName() + " has no free times online on "
                    + SHORT_DAY.format(day) + ". Try another day.") : grid);
        };
        date.addValueChangeListener(e -> fill.run());
        fill.run();
        show("3 · A time with " + doctor.displayName(), back(() -> chooseDoctor(specialty)), date, times);
    }

    /** The first day within a fortnight on which the doctor has a time free online, else tomorrow. */
    private LocalDate firstFreeDay(DoctorSummary doctor) {
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < 14; i++) {
            if (!booking.freeSlots(doctor.id(), today.plusDays(i)).isEmpty()) {
                return today.plusDays(i);
            }
        }
        return today.plusDays(1);
    }

    private void confirm(DoctorSummary doctor, LocalDate date, Slot slot) {
        requestId = UUID.randomUUID();
        Div summary = new Div();
        summary.addClassNames("portal-card", "portal-confirm");
        summary.add(line(DAY.format(date) + " at " + TIME.format(slot.start()), "portal-when"),
                line(doctor.displayName() + " · " + doctor.specialty().name(), null),
                line("Room " + doctor.room(), null));
        Paragraph problem = new Paragraph();
        problem.addClassName("portal-problem");
        problem.setVisible(false);
        Button book = new Button(moving == null ? "Book this time" : "Move to this time");
        book.setId("portal-confirm");
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        book.addClassName("portal-primary");
        book.setDisableOnClick(true);
        book.addClickListener(e -> {
            try {
                AppointmentSummary done = moving == null
                        ? booking.book(requestId, doctor.id(), date, slot.start())
                        : booking.move(moving.id(), requestId, doctor.id(), date, slot.start());
                booked(done);
            } catch (SlotTaken taken) {
                problem.setText("Someone has just booked this time. Please choose another.");
                problem.setVisible(true);
            } catch (RuleViolation refused) {
                problem.setText(String.join(" ", refused.problems().stream().map(RuleViolation.Problem::message)
                        .toList()));
                problem.setVisible(true);
                book.setEnabled(true);
            }
        });
        Button other = new Button("Choose another time", e -> chooseSpecialty());
        other.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        show("4 · Check and confirm", summary, problem, book, other);
    }

    private void booked(AppointmentSummary done) {
        Div card = new Div();
        card.addClassNames("portal-card", "portal-booked");
        card.add(line(moving == null ? "Booked" : "Moved", "portal-done"),
                line(DAY.format(done.date()) + " at " + TIME.format(done.start()), "portal-when"),
                line(done.doctorName() + " · " + done.specialty() + " · Room " + done.room(), null),
                line("We have sent a confirmation to your email address.", "portal-hint"));
        Button mine = new Button("My appointments", e -> getUI().ifPresent(ui -> ui.navigate(MyAppointmentsPage.class)));
        mine.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        mine.addClassName("portal-primary");
        moving = null;
        show("Done", card, mine);
    }

    private java.util.Optional<AppointmentSummary> ownUpcoming(String id) {
        try {
            UUID appointmentId = UUID.fromString(id);
            return booking.upcoming().stream().filter(a -> a.id().equals(appointmentId)).findFirst();
        } catch (IllegalArgumentException | NotFoundException notOurs) {
            return java.util.Optional.empty();
        }
    }

    private void show(String title, Component... content) {
        step.removeAll();
        H2 heading = new H2(title);
        heading.addClassName("portal-step-title");
        step.add(heading);
        step.add(content);
    }

    private static Div choices() {
        Div choices = new Div();
        choices.addClassName("portal-choices");
        return choices;
    }

    private static Button choice(String title, @Nullable String detail, Runnable action) {
        Div text = new Div(line(title, "portal-choice-title"));
        if (detail != null) {
            text.add(line(detail, "portal-choice-detail"));
        }
        Button button = new Button(text, e -> action.run());
        button.addClassName("portal-choice");
        return button;
    }

    private static Button back(Runnable action) {
        Button back = new Button("Back", e -> action.run());
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        back.addClassName("portal-back");
        return back;
    }

    static Span line(String text, @Nullable String className) {
        Span span = new Span(text);
        span.addClassName("portal-line");
        if (className != null) {
            span.addClassName(className);
        }
        return span;
    }

    private static Paragraph empty(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("portal-empty");
        return p;
    }
}
