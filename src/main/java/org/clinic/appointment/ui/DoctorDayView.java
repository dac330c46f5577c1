package org.clinic.appointment.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.clinic.base.ui.DateFields;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.AppointmentsChanged;
import org.clinic.base.LiveUpdates;
import org.clinic.base.NotFoundException;
import org.clinic.doctor.DaySchedule;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.Slot;
import org.clinic.security.CurrentStaff;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One doctor's day as a timeline: every slot of their working hours with who is booked in it, the free slots (the
 * front desk books one with a click), and the breaks between sessions. A doctor opens their own day. Updated live.
 * Above it, a {@link WeekStrip} of the doctor and their colleagues in the same specialty: a cell opens that day.
 */
@Route("appointments/day/:doctorId?")
@PageTitle("Doctor's day · Clinic")
@Menu(title = "Doctor's day", order = 21, icon = "vaadin:calendar-user")
@RolesAllowed({Role.RECEPTIONIST_NAME, Role.DOCTOR_NAME, Role.ADMIN_NAME})
public class DoctorDayView extends Main implements BeforeEnterObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
            org.clinic.base.ClinicDates.LOCALE);

    private final AppointmentQueries appointments;
    private final DoctorService doctors;
    private final LiveUpdates liveUpdates;
    private final Clock clock;
    private final boolean frontDesk;
    private final @Nullable DoctorSummary ownDoctor;
    private final AppointmentActions actions;

    private final Select<DoctorSummary> doctor = new Select<>();
    private final DatePicker date = new DatePicker();
    private final Span heading = new Span();
    private final Span summary = new Span();
    private final Div timeline = new Div();
    private final WeekStrip week;
    private final List<DoctorSummary> all;
    private @Nullable Registration subscription;
    private boolean navigating;

    public DoctorDayView(AppointmentService booking, AppointmentQueries appointments, DoctorService doctors,
                         LiveUpdates liveUpdates,
                         AuthenticationContext authentication, CurrentStaff currentStaff, Clock clock) {
        this.appointments = appointments;
        this.doctors = doctors;
        this.liveUpdates = liveUpdates;
        this.clock = clock;
        this.frontDesk = authentication.hasAnyRole(Role.RECEPTIONIST_NAME, Role.ADMIN_NAME);
        this.actions = new AppointmentActions(booking, appointments, doctors, clock, frontDesk, this::refresh);
        this.all = doctors.doctors();
        String me = currentStaff.username().orElse("");
        this.ownDoctor = all.stream().filter(d -> d.staffUsername().equals(me)).findFirst().orElse(null);
        addClassName("clinic-page");
        addClassName("clinic-doctor-day");

        doctor.setLabel("Doctor");
        doctor.setId("timeline-doctor");
        doctor.setItems(all);
        doctor.setItemLabelGenerator(d -> d.displayName() + " · " + d.specialty().name());
        doctor.setPlaceholder("Choose a doctor");
        doctor.setWidth("22em");
        date.setLabel("Date");
        date.setId("timeline-date");
        DateFields.day(date);
        Button previous = new Button(new Icon(VaadinIcon.ANGLE_LEFT), click -> shift(-1));
        previous.setAriaLabel("Previous day");
        previous.setTooltipText("Previous day");
        Button today = new Button("Today", click -> date.setValue(LocalDate.now(clock)));
        Button next = new Button(new Icon(VaadinIcon.ANGLE_RIGHT), click -> shift(1));
        next.setAriaLabel("Next day");
        next.setTooltipText("Next day");
        HorizontalLayout days = new HorizontalLayout(previous, today, next);
        days.setSpacing(false);
        days.addClassName("clinic-day-stepper");
        doctor.addValueChangeListener(e -> changed());
        date.addValueChangeListener(e -> changed());

        HorizontalLayout toolbar = new HorizontalLayout(doctor, date, days);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("clinic-toolbar");
        heading.addClassName("clinic-timeline-heading");
        summary.addClassName("clinic-hint");
        summary.setId("timeline-summary");
        timeline.addClassName("clinic-timeline");
        timeline.setId("timeline");
        week = new WeekStrip(appointments, liveUpdates, clock, (picked, day) -> {
            doctor.setValue(picked);
            date.setValue(day);
        });
        Div card = new Div(heading, summary, timeline);
        card.addClassName("clinic-card");
        week.addClassNames("clinic-card", "clinic-week-card"); // hidden with the strip when no doctor is shown
        add(toolbar, week, card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        navigating = true;
        try {
            DoctorSummary shown = event.getRouteParameters().get("doctorId").map(id -> {
                try {
                    return doctors.doctor(UUID.fromString(id));
                } catch (IllegalArgumentException malformed) {
                    throw new NotFoundException("No doctor with this id");
                }
            }).orElse(ownDoctor != null ? ownDoctor : doctor.getListDataView().getItems().findFirst().orElse(null));
            LocalDate day = event.getLocation().getQueryParameters().getSingleParameter("date").map(text -> {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException malformed) {
                    return null;
                }
            }).orElse(LocalDate.now(clock));
            doctor.setValue(shown);
            date.setValue(day);
        } finally {
            navigating = false;
        }
        refresh();
        resubscribe();
    }

    private void shift(int days) {
        date.setValue((date.getValue() == null ? LocalDate.now(clock) : date.getValue()).plusDays(days));
    }

    /** A new doctor or date: the URL follows, so the day can be bookmarked and reloaded. */
    private void changed() {
        if (navigating) {
            return;
        }
        DoctorSummary shown = doctor.getValue();
        LocalDate day = date.getValue();
        getUI().ifPresent(ui -> ui.navigate(DoctorDayView.class,
                shown == null ? RouteParameters.empty() : new RouteParameters("doctorId", shown.id().toString()),
                day == null ? QueryParameters.empty() : QueryParameters.of("date", day.toString())));
    }

    private void refresh() {
        timeline.removeAll();
        DoctorSummary shown = doctor.getValue();
        LocalDate day = date.getValue();
        week.show(shown == null ? List.of() : all.stream()
                .filter(d -> d.specialty().id().equals(shown.specialty().id())).toList(), day,
                shown == null ? null : shown.id());
        if (shown == null || day == null) {
            heading.setText("Choose a doctor to see their day");
            summary.setText("");
            return;
        }
        heading.setText(shown.displayName() + " · room " + shown.room() + " · " + DAY.format(day));
        DaySchedule schedule = doctors.daySchedule(shown.id(), day);
        List<AppointmentSummary> booked = appointments.dayOf(shown.id(), day);
        Map<LocalTime, List<AppointmentSummary>> bySlot = new TreeMap<>();
        booked.forEach(a -> bySlot.computeIfAbsent(a.start(), t -> new ArrayList<>()).add(a));

        if (!schedule.isOpen()) {
            Div closed = new Div(new Icon(VaadinIcon.BAN), new Span(Objects.requireNonNullElse(schedule.closedWhy(),
                    "No working hours on this day")));
            closed.addClassName("clinic-timeline-closed");
            timeline.add(closed);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        // A day at capacity has no free slot, whatever its timeline has left unbooked.
        Integer capacityReached = schedule.isOpen() ? appointments.capacityReached(shown.id(), day) : null;
        boolean full = capacityReached != null;
        List<Slot> slots = schedule.slots();
        LocalTime previousEnd = null;
        int free = 0;
        List<Slot> gone = new ArrayList<>(); // past slots nobody booked, shown as one line
        for (Slot slot : slots) {
            List<AppointmentSummary> here = bySlot.getOrDefault(slot.start(), List.of());
            bySlot.remove(slot.start());
            boolean taken = here.stream().anyMatch(a -> a.status().holdsSlot());
            boolean past = !LocalDateTime.of(day, slot.start()).isAfter(now);
            boolean breakBefore = previousEnd != null && slot.start().isAfter(previousEnd);
            if (!gone.isEmpty() && (breakBefore || !past || !here.isEmpty())) {
                timeline.add(pastRow(gone));
                gone.clear();
            }
            if (breakBefore) {
                timeline.add(breakRow(previousEnd, slot.start()));
            }
            previousEnd = slot.end();
            if (past && here.isEmpty()) {
                gone.add(slot);
                continue;
            }
            if (!taken && !past && !full) {
                free++;
            }
            timeline.add(slotRow(slot.start(), slot.end(), here, taken, past || full, shown, day));
        }
        if (!gone.isEmpty()) {
            timeline.add(pastRow(gone));
        }
        // Appointments outside today's slots (hours changed after booking) are still shown, flagged.
        bySlot.forEach((start, here) -> timeline.add(outsideRow(here)));

        long active = booked.stream().filter(a -> a.status().holdsSlot()).count();
        long cancelled = booked.size() - active;
        summary.setText(full ? "Fully booked (" + capacityReached + " patients) · no free slots"
                + (cancelled > 0 ? " · " + cancelled + " cancelled or no-show" : "")
                : schedule.isOpen()
                ? active + " of " + shown.dailyCapacity() + " places booked · " + free + " free slots"
                + (cancelled > 0 ? " · " + cancelled + " cancelled or no-show" : "")
                : active + " appointments");
    }

    private Component slotRow(LocalTime start, LocalTime end, List<AppointmentSummary> here, boolean taken,
                              boolean past, DoctorSummary shown, LocalDate day) {
        Div row = new Div();
        row.addClassName("clinic-timeline-row");
        row.getElement().setAttribute("data-slot", start.toString());
        Span time = new Span(TIME.format(start));
        time.addClassName("clinic-timeline-time");
        Span until = new Span(TIME.format(end));
        until.addClassName("clinic-hint");
        Div when = new Div(time, until);
        when.addClassName("clinic-timeline-when");
        row.add(when);
        Div body = new Div();
        body.addClassName("clinic-timeline-body");
        here.stream().sorted(Comparator.comparing((AppointmentSummary a) -> !a.status().holdsSlot()))
                .forEach(a -> body.add(entry(a)));
        if (!taken) {
            row.addClassName(past ? "clinic-timeline-past" : "clinic-timeline-free");
            Span label = new Span(past ? "Not booked" : "Free");
            label.addClassName("clinic-timeline-free-label");
            Div freeLine = new Div(label);
            freeLine.addClassName("clinic-timeline-free-line");
            if (frontDesk && !past) {
                Button book = new Button("Book", new Icon(VaadinIcon.PLUS), click -> getUI().ifPresent(ui ->
                        ui.navigate(BookAppointmentView.class, QueryParameters.simple(Map.of(
                                "doctor", shown.id().toString(), "date", day.toString(), "start", start.toString())))));
                book.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                freeLine.add(book);
            }
            body.add(freeLine);
        }
        row.add(body);
        return row;
    }

    private Component entry(AppointmentSummary appointment) {
        Div entry = new Div();
        entry.addClassName("clinic-timeline-entry");
        if (!appointment.status().holdsSlot()) {
            entry.addClassName("clinic-timeline-inactive");
        }
        if (appointment.status() == AppointmentStatus.IN_CONSULTATION) {
            entry.addClassName("clinic-timeline-current");
        }
        Div who = AppointmentText.patient(appointment);
        who.addClassName("clinic-timeline-patient");
        who.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate("patients/" + appointment.patientId())));
        who.getElement().setAttribute("title", "Open the patient's record");
        Div visit = AppointmentText.visit(appointment);
        visit.addClassName("clinic-timeline-visit");
        entry.add(who, visit, AppointmentText.statusBadge(appointment.status()), actions.buttons(appointment));
        return entry;
    }

    private Component pastRow(List<Slot> gone) {
        Span label = new Span(TIME.format(gone.getFirst().start()) + "–" + TIME.format(gone.getLast().end()) + " · "
                + gone.size() + (gone.size() == 1 ? " past slot" : " past slots") + ", not booked");
        Div row = new Div(label);
        row.addClassName("clinic-timeline-gone");
        return row;
    }

    private Component breakRow(LocalTime from, LocalTime to) {
        Duration length = Duration.between(from, to);
        Span label = new Span("Break " + TIME.format(from) + "–" + TIME.format(to) + " · "
                + (length.toHours() > 0 ? length.toHours() + " h " : "")
                + (length.toMinutesPart() > 0 ? length.toMinutesPart() + " min" : ""));
        Div row = new Div(new Icon(VaadinIcon.COFFEE), label);
        row.addClassName("clinic-timeline-break");
        return row;
    }

    private Component outsideRow(List<AppointmentSummary> here) {
        AppointmentSummary first = here.getFirst();
        Div row = new Div();
        row.addClassName("clinic-timeline-row");
        row.addClassName("clinic-timeline-outside");
        Span time = new Span(TIME.format(first.start()));
        time.addClassName("clinic-timeline-time");
        Span note = new Span("outside hours");
        note.addClassName("clinic-hint");
        Div when = new Div(time, note);
        when.addClassName("clinic-timeline-when");
        Div body = new Div();
        body.addClassName("clinic-timeline-body");
        here.forEach(a -> body.add(entry(a)));
        row.add(when, body);
        return row;
    }

    private void resubscribe() {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
        DoctorSummary shown = doctor.getValue();
        LocalDate day = date.getValue();
        if (shown == null || day == null) {
            return;
        }
        getUI().ifPresent(ui -> subscription = liveUpdates.subscribe(ui, AppointmentsChanged.class,
                changed -> changed.doctorId().equals(shown.id()) && day.equals(changed.date()), this::refresh));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        resubscribe();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }
}
