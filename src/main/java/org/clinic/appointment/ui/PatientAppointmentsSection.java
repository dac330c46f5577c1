package org.clinic.appointment.ui;


import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.AppointmentsChanged;
import org.clinic.base.LiveUpdates;
import org.clinic.patient.PatientRecordSection;
import org.clinic.security.Role;
import org.springframework.core.annotation.Order;


import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

/** The patient record's appointments: upcoming first, then past, with a button to book; updated live. */
@org.springframework.stereotype.Component
@Order(10)
class PatientAppointmentsSection implements PatientRecordSection {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm");

    private final AppointmentQueries appointments;
    private final LiveUpdates liveUpdates;
    private final AuthenticationContext authentication;
    private final Clock clock;

    PatientAppointmentsSection(AppointmentQueries appointments, LiveUpdates liveUpdates,
                               AuthenticationContext authentication, Clock clock) {
        this.appointments = appointments;
        this.liveUpdates = liveUpdates;
        this.authentication = authentication;
        this.clock = clock;
    }

    @Override
    public com.vaadin.flow.component.Component render(UUID patientId) {
        return new Section(patientId);
    }

    private final class Section extends Div {
        private final UUID patientId;
        private final Grid<AppointmentSummary> grid = new Grid<>();

        Section(UUID patientId) {
            this.patientId = patientId;
            addClassName("clinic-card");
            setId("patient-appointments");
            HorizontalLayout header = new HorizontalLayout(new H3("Appointments"));
            header.setAlignItems(FlexComponent.Alignment.BASELINE);
            if (authentication.hasAnyRole(Role.RECEPTIONIST_NAME, Role.ADMIN_NAME)) {
                Button book = new Button("Book appointment", new Icon(VaadinIcon.CALENDAR), click ->
                        getUI().ifPresent(ui -> ui.navigate(BookAppointmentView.class,
                                new QueryParameters(Map.of("patient", java.util.List.of(patientId.toString()))))));
                book.setId("book-for-patient");
                header.add(book);
            }
            grid.addColumn(a -> WHEN.format(a.date().atTime(a.start()))).setHeader("When").setAutoWidth(true);
            grid.addColumn(a -> a.doctorName() + " · " + a.specialty()).setHeader("Doctor").setFlexGrow(1);
            grid.addColumn(a -> a.reason() == null ? "" : a.reason()).setHeader("Reason").setFlexGrow(1);
            grid.addComponentColumn(a -> AppointmentText.statusBadge(a.status())).setHeader("Status").setAutoWidth(true);
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            grid.setAllRowsVisible(true);
            grid.setEmptyStateText("No appointments yet.");
            add(header, grid);
            liveUpdates.whileAttached(this, AppointmentsChanged.class,
                    changed -> changed.patientId().equals(patientId), this::refresh);
        }

        private void refresh() {
            LocalDate today = LocalDate.now(clock);
            var all = appointments.ofPatient(patientId);
            var upcoming = all.stream().filter(a -> !a.date().isBefore(today))
                    .sorted(java.util.Comparator.comparing(AppointmentSummary::date).thenComparing(AppointmentSummary::start));
            var past = all.stream().filter(a -> a.date().isBefore(today));
            grid.setItems(java.util.stream.Stream.concat(upcoming, past).toList());
        }
    }
}
