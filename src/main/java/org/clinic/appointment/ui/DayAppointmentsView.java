package org.clinic.appointment.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
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
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * The day's appointments across all doctors, filterable by doctor, specialty and status: the front desk's starting
 * point. Bookings, cancellations and moves made anywhere appear at once.
 */
@Route("appointments")
@PageTitle("Appointments · Clinic")
@Menu(title = "Appointments", order = 20, icon = "vaadin:calendar-clock")
@RolesAllowed({Role.RECEPTIONIST_NAME, Role.DOCTOR_NAME, Role.ADMIN_NAME})
public class DayAppointmentsView extends Main {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final AppointmentQueries appointments;
    private final LiveUpdates liveUpdates;
    private final boolean frontDesk;
    private final AppointmentActions actions;
    private final DatePicker date = new DatePicker();
    private final Select<DoctorSummary> doctor = new Select<>();
    private final Select<String> specialty = new Select<>();
    private final Select<AppointmentStatus> status = new Select<>();
    private final Grid<AppointmentSummary> grid = new Grid<>();
    private final Span counts = new Span();
    private @Nullable Registration subscription;

    public DayAppointmentsView(AppointmentService booking, AppointmentQueries appointments, DoctorService doctors,
                               LiveUpdates liveUpdates,
                               AuthenticationContext authentication, Clock clock) {
        this.appointments = appointments;
        this.liveUpdates = liveUpdates;
        this.frontDesk = authentication.hasAnyRole(Role.RECEPTIONIST_NAME, Role.ADMIN_NAME);
        this.actions = new AppointmentActions(booking, appointments, doctors, clock, frontDesk, this::refresh);
        addClassName("clinic-page");
        setSizeFull();

        date.setValue(LocalDate.now(clock));
        date.setLabel("Date");
        date.setId("day");
        DateFields.day(date);
        List<DoctorSummary> all = doctors.doctors();
        doctor.setLabel("Doctor");
        doctor.setItems(all);
        doctor.setItemLabelGenerator(d -> d == null ? "All doctors" : d.displayName());
        doctor.setEmptySelectionAllowed(true);
        doctor.setEmptySelectionCaption("All doctors");
        specialty.setLabel("Specialty");
        specialty.setId("specialty-filter");
        specialty.setItems(all.stream().map(d -> d.specialty().name()).distinct().sorted().toList());
        specialty.setEmptySelectionAllowed(true);
        specialty.setEmptySelectionCaption("All specialties");
        status.setLabel("Status");
        status.setItems(AppointmentStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "Any status" : s.label());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        date.addValueChangeListener(e -> refresh());
        doctor.addValueChangeListener(e -> refresh());
        specialty.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());

        HorizontalLayout toolbar = new HorizontalLayout(date, specialty, doctor, status);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("clinic-toolbar");
        if (frontDesk) {
            Button book = new Button("Book appointment", new Icon(VaadinIcon.PLUS),
                    click -> getUI().ifPresent(ui -> ui.navigate(BookAppointmentView.class)));
            book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            book.setId("book-appointment");
            toolbar.add(book);
        }
        counts.addClassName("clinic-hint");
        counts.setId("appointment-counts");

        grid.addColumn(a -> TIME.format(a.start())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(AppointmentText::patient).setHeader("Patient").setWidth("16em").setFlexGrow(2);
        // Fixed widths that share the row: the status and actions must stay on screen at 1366 px.
        grid.addComponentColumn(a -> {
            Span name = new Span(a.doctorName());
            Span where = new Span(a.specialty() + " · room " + a.room());
            where.addClassName("clinic-hint");
            Div cell = new Div(name, where);
            cell.addClassName("clinic-two-line");
            return cell;
        }).setHeader("Doctor").setWidth("13em").setFlexGrow(1);
        grid.addComponentColumn(AppointmentText::visit).setHeader("Visit").setWidth("12em").setFlexGrow(1);
        grid.addComponentColumn(a -> AppointmentText.statusBadge(a.status())).setHeader("Status").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(actions::buttons).setWidth(frontDesk ? "11.5em" : "4em").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No appointments match.");
        grid.setId("day-appointments");
        grid.setSizeFull();
        add(toolbar, counts, grid);
    }

    private void refresh() {
        LocalDate day = date.getValue();
        if (day == null) {
            return;
        }
        List<AppointmentSummary> shown = appointments.allOn(day).stream()
                .filter(a -> doctor.getValue() == null || a.doctorId().equals(doctor.getValue().id()))
                .filter(a -> specialty.getValue() == null || a.specialty().equals(specialty.getValue()))
                .filter(a -> status.getValue() == null || a.status() == status.getValue())
                .toList();
        grid.setItems(shown);
        counts.setText(DayCounts.describe(shown.stream().map(AppointmentSummary::status).toList()));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        refresh();
        subscription = liveUpdates.subscribe(attachEvent.getUI(), AppointmentsChanged.class,
                changed -> Objects.equals(changed.date(), date.getValue()), this::refresh);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.remove();
        }
    }
}
