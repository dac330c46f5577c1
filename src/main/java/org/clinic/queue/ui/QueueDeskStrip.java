package org.clinic.queue.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.AppointmentsChanged;
import org.clinic.base.ClinicIdentitySource;
import org.clinic.base.LiveUpdates;
import org.clinic.base.NotFoundException;
import org.clinic.base.PublicLinks;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.doctor.DoctorService;
import org.clinic.patient.PatientRecordStrip;
import org.clinic.patient.PatientService;
import org.clinic.patient.PatientStatus;
import org.clinic.patient.PatientSummary;
import org.clinic.queue.QueuePositions;
import org.clinic.queue.QueueService;
import org.clinic.queue.Ticket;
import org.clinic.security.Role;
import org.springframework.core.annotation.Order;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * The front desk's queue actions in the patient record's top strip: Check in when the patient has an appointment
 * today that can be checked in (before the early-arrival window it says from when), and Add to queue (a walk-in for
 * this patient). Shown to receptionists and administrators only, as the queue service allows them only.
 */
@org.springframework.stereotype.Component
@Order(20)
class QueueDeskStrip implements PatientRecordStrip {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final QueueService queue;
    private final AppointmentService appointments;
    private final DoctorService doctors;
    private final PatientService patients;
    private final QueuePositions positions;
    private final PublicLinks links;
    private final ClinicIdentitySource clinic;
    private final LiveUpdates liveUpdates;
    private final AuthenticationContext authentication;
    private final Clock clock;

    QueueDeskStrip(QueueService queue, AppointmentService appointments, DoctorService doctors,
                   PatientService patients, QueuePositions positions, PublicLinks links, ClinicIdentitySource clinic,
                   LiveUpdates liveUpdates, AuthenticationContext authentication, Clock clock) {
        this.queue = queue;
        this.appointments = appointments;
        this.doctors = doctors;
        this.patients = patients;
        this.positions = positions;
        this.links = links;
        this.clinic = clinic;
        this.liveUpdates = liveUpdates;
        this.authentication = authentication;
        this.clock = clock;
    }

    @Override
    public Component render(UUID patientId) {
        if (!authentication.hasAnyRole(Role.RECEPTIONIST_NAME, Role.ADMIN_NAME)) {
            Div nothing = new Div();
            nothing.setVisible(false);
            return nothing;
        }
        return new Actions(patientId);
    }

    private final class Actions extends Div {
        private final UUID patientId;

        Actions(UUID patientId) {
            this.patientId = patientId;
            setId("strip-desk-actions");
            addClassNames("clinic-strip-part", "clinic-strip-actions");
            liveUpdates.whileAttached(this, AppointmentsChanged.class,
                    changed -> changed.patientId().equals(patientId), this::refresh);
        }

        private void refresh() {
            removeAll();
            LocalDate today = LocalDate.now(clock);
            Optional<AppointmentSummary> due = appointments.ofPatient(patientId).stream()
                    .filter(a -> a.date().equals(today) && a.status() == AppointmentStatus.SCHEDULED)
                    .min(Comparator.comparing(AppointmentSummary::start));
            due.ifPresent(appointment -> {
                LocalTime opens = appointment.start().minus(queue.settings().earlyArrival());
                if (!opens.isAfter(appointment.start()) && LocalTime.now(clock).isBefore(opens)) {
                    Span from = new Span("Check in from " + TIME.format(opens));
                    from.setId("strip-check-in-from");
                    from.addClassName("clinic-hint");
                    add(from);
                } else {
                    Button checkIn = new Button("Check in " + TIME.format(appointment.start()),
                            new Icon(VaadinIcon.SIGN_IN), click -> checkIn(appointment));
                    checkIn.setId("strip-check-in");
                    checkIn.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
                    checkIn.setTooltipText("Check in for today's appointment with " + appointment.doctorName());
                    add(checkIn);
                }
            });
            Button walkIn = new Button("Add to queue", new Icon(VaadinIcon.PLUS), click -> addToQueue());
            walkIn.setId("strip-walk-in");
            walkIn.addThemeVariants(ButtonVariant.LUMO_SMALL);
            walkIn.setTooltipText("A walk-in for this patient: choose the specialty or doctor");
            add(walkIn);
        }

        private void checkIn(AppointmentSummary appointment) {
            try {
                showTicket(queue.checkIn(appointment.id()));
            } catch (RuleViolation | NotFoundException refused) {
                FieldMessages.showError(refused.getMessage());
            }
            refresh();
        }

        private void addToQueue() {
            String mrn = patients.reference(patientId).mrn();
            Optional<PatientSummary> patient = patients.search(mrn, 0, 1).stream()
                    .filter(p -> p.id().equals(patientId)).findFirst();
            if (patient.isEmpty() || patient.get().status() == PatientStatus.INACTIVE) {
                FieldMessages.showError("An inactive patient cannot join a queue: reactivate the record first.");
                return;
            }
            new WalkInDialog(queue, doctors, patients, ticket -> {
                showTicket(ticket);
                refresh();
            }).forPatient(patient.get()).open();
        }

        private void showTicket(Ticket ticket) {
            String code = positions.visitCode(ticket.entryId());
            TicketDialog.open(ticket, clinic.current(), clock.getZone(), links.visit(code), links.visitShort(code));
        }
    }
}
