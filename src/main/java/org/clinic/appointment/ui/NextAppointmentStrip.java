package org.clinic.appointment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.AppointmentsChanged;
import org.clinic.base.LiveUpdates;
import org.clinic.patient.PatientRecordStrip;
import org.clinic.security.Role;
import org.springframework.core.annotation.Order;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The patient's next appointment in the record's top strip (date, time, doctor), with Book for the front desk
 * (the booking screen opens with this patient chosen). Updated live when the patient's appointments change.
 */
@org.springframework.stereotype.Component
@Order(10)
class NextAppointmentStrip implements PatientRecordStrip {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final AppointmentQueries appointments;
    private final LiveUpdates liveUpdates;
    private final AuthenticationContext authentication;
    private final Clock clock;

    NextAppointmentStrip(AppointmentQueries appointments, LiveUpdates liveUpdates,
                         AuthenticationContext authentication, Clock clock) {
        this.appointments = appointments;
        this.liveUpdates = liveUpdates;
        this.authentication = authentication;
        this.clock = clock;
    }

    @Override
    public Component render(UUID patientId) {
        return new Next(patientId);
    }

    /** The first appointment still to come or under way (scheduled or checked in), from today on. */
    static Optional<AppointmentSummary> next(List<AppointmentSummary> all, LocalDateTime now) {
        return all.stream()
                .filter(a -> a.status() == AppointmentStatus.SCHEDULED || a.status() == AppointmentStatus.CHECKED_IN)
                .filter(a -> a.date().isAfter(now.toLocalDate()) || a.date().equals(now.toLocalDate())
                        && (a.status() == AppointmentStatus.CHECKED_IN || !a.end().isBefore(now.toLocalTime())))
                .min(Comparator.comparing(AppointmentSummary::date).thenComparing(AppointmentSummary::start));
    }

    private final class Next extends Div {
        private final UUID patientId;
        private final Span text = new Span();

        Next(UUID patientId) {
            this.patientId = patientId;
            setId("strip-next-appointment");
            addClassNames("clinic-strip-part", "clinic-strip-next");
            Span label = new Span("Next appointment");
            label.addClassName("clinic-strip-label");
            text.setId("next-appointment");
            text.addClassName("clinic-strip-value");
            Div row = new Div(text);
            row.addClassName("clinic-strip-row");
            add(label, row);
            if (authentication.hasAnyRole(Role.RECEPTIONIST_NAME, Role.ADMIN_NAME)) {
                Button book = new Button("Book", new Icon(VaadinIcon.CALENDAR), click ->
                        getUI().ifPresent(ui -> ui.navigate(BookAppointmentView.class,
                                new QueryParameters(Map.of("patient", List.of(patientId.toString()))))));
                book.setId("strip-book");
                book.addThemeVariants(ButtonVariant.LUMO_SMALL);
                book.setTooltipText("Book an appointment for this patient");
                row.add(book);
            }
            liveUpdates.whileAttached(this, AppointmentsChanged.class,
                    changed -> changed.patientId().equals(patientId), this::refresh);
        }

        private void refresh() {
            Optional<AppointmentSummary> next = next(appointments.ofPatient(patientId), LocalDateTime.now(clock));
            text.setText(next.map(a -> WHEN.format(a.date().atTime(a.start())) + " · " + a.doctorName() + " · "
                    + a.specialty() + (a.status() == AppointmentStatus.CHECKED_IN ? " · checked in" : ""))
                    .orElse("None booked"));
        }
    }
}
