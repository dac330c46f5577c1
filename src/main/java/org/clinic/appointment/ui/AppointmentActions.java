package org.clinic.appointment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.base.ui.DateFields;
import org.clinic.appointment.AppointmentHistoryEntry;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.SlotTaken;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.Slot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * What the front desk can do with one appointment, wherever it is listed: move it to another slot, cancel it with a
 * reason, mark a no-show once its time has passed, and read its history. Only the actions the appointment's status
 * and time allow are offered; the service checks them again.
 */
final class AppointmentActions {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM");

    private final AppointmentService appointments;
    private final AppointmentQueries appointmentQueries;
    private final DoctorService doctors;
    private final Clock clock;
    private final boolean frontDesk;
    private final Runnable changed;

    AppointmentActions(AppointmentService appointments, AppointmentQueries appointmentQueries, DoctorService doctors,
    Clock clock, boolean frontDesk,
                       Runnable changed) {
        this.appointments = appointments;
        this.appointmentQueries = appointmentQueries;
        this.doctors = doctors;
        this.clock = clock;
        this.frontDesk = frontDesk;
        this.changed = changed;
    }

    /** The buttons for one row: only those that apply now, and a history button for everyone. */
    Component buttons(AppointmentSummary appointment) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(false);
        buttons.addClassName("clinic-row-actions");
        LocalDateTime now = LocalDateTime.now(clock);
        boolean begun = !LocalDateTime.of(appointment.date(), appointment.start()).isAfter(now);
        boolean over = !LocalDateTime.of(appointment.date(), appointment.end()).isAfter(now);
        boolean open = appointment.status() == AppointmentStatus.SCHEDULED
                || appointment.status() == AppointmentStatus.CHECKED_IN;
        if (frontDesk && appointment.status() == AppointmentStatus.SCHEDULED && !begun) {
            buttons.add(small("Move", click -> openMove(appointment)));
        }
        if (frontDesk && open && over) {
            buttons.add(small("No-show", click -> act(() -> appointments.markNoShow(appointment.id()))));
        }
        if (frontDesk && open) {
            Button cancel = small("Cancel", click -> openCancel(appointment));
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(cancel);
        }
        Button history = new Button(new Icon(VaadinIcon.TIME_BACKWARD), click -> openHistory(appointment));
        history.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        history.setAriaLabel("History");
        history.setTooltipText("History");
        buttons.add(history);
        return buttons;
    }

    private static Button small(String text, com.vaadin.flow.component.ComponentEventListener<
            com.vaadin.flow.component.ClickEvent<Button>> listener) {
        Button button = new Button(text, listener);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (RuleViolation violation) {
            FieldMessages.showError(violation.getMessage());
        }
        changed.run();
    }

    void openCancel(AppointmentSummary appointment) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Cancel " + appointment.patientName() + "'s appointment at "
                + TIME.format(appointment.start()) + "?");
        TextField reason = new TextField("Reason");
        reason.setWidthFull();
        reason.setMaxLength(300);
        reason.setRequired(true);
        dialog.add(reason);
        Button confirm = new Button("Cancel appointment", click -> {
            try {
                appointments.cancel(appointment.id(), reason.getValue());
                dialog.close();
                changed.run();
            } catch (RuleViolation violation) {
                reason.setErrorMessage(violation.getMessage());
                reason.setInvalid(true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Keep it", click -> dialog.close()), confirm);
        dialog.open();
        reason.focus();
    }

    /** Move: the same or another doctor of the specialty, a date, a free slot; booked and linked in one step. */
    void openMove(AppointmentSummary appointment) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Move " + appointment.patientName() + "'s appointment");
        dialog.setWidth("min(640px, 95vw)");
        Paragraph from = new Paragraph("Now: " + DAY.format(appointment.date()) + " at "
                + TIME.format(appointment.start()) + " with " + appointment.doctorName());
        from.addClassName("clinic-hint");
        Select<DoctorSummary> doctor = new Select<>();
        doctor.setLabel("Doctor");
        doctor.setId("move-doctor");
        DoctorSummary current = doctors.doctor(appointment.doctorId());
        doctor.setItems(doctors.doctors().stream()
                .filter(d -> d.specialty().id().equals(current.specialty().id())).toList());
        doctor.setItemLabelGenerator(d -> d.displayName() + " · room " + d.room());
        doctor.setValue(current);
        DatePicker date = new DatePicker("Date");
        DateFields.day(date, i18n -> i18n.setMinErrorMessage("Appointments can only be moved to today or later"));
        date.setId("move-date");
        date.setMin(LocalDate.now(clock));
        date.setValue(appointment.date());
        Div slots = new Div();
        slots.addClassName("clinic-slots");
        slots.setId("move-slots");
        Paragraph hint = new Paragraph();
        hint.addClassName("clinic-hint");
        Slot[] chosen = new Slot[1];
        UUID requestId = UUID.randomUUID();
        Button confirm = new Button("Move");
        confirm.setId("confirm-move");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);

        Runnable showSlots = () -> {
            slots.removeAll();
            chosen[0] = null;
            confirm.setEnabled(false);
            confirm.setText("Move");
            if (doctor.getValue() == null || date.getValue() == null) {
                hint.setText("Choose a doctor and a date.");
                return;
            }
            var schedule = doctors.daySchedule(doctor.getValue().id(), date.getValue());
            Integer capacityReached = schedule.isOpen()
                    ? appointmentQueries.capacityReached(doctor.getValue().id(), date.getValue()) : null;
            var free = schedule.isOpen() ? appointmentQueries.freeSlots(doctor.getValue().id(), date.getValue())
                    : java.util.List.<Slot>of();
            hint.setText(!schedule.isOpen() ? schedule.closedWhy()
                    : capacityReached != null ? "Fully booked (" + capacityReached + " patients) on this day."
                    : free.isEmpty() ? "No free slot left on this day." : free.size() + " free slots");
            for (Slot slot : free) {
                Button button = new Button(TIME.format(slot.start()));
                button.addClassName("clinic-slot");
                button.addClickListener(click -> {
                    chosen[0] = slot;
                    slots.getChildren().forEach(c -> c.removeClassName("clinic-slot-chosen"));
                    button.addClassName("clinic-slot-chosen");
                    confirm.setText("Move to " + DAY.format(date.getValue()) + " " + TIME.format(slot.start()));
                    confirm.setEnabled(true);
                });
                slots.add(button);
            }
        };
        doctor.addValueChangeListener(e -> showSlots.run());
        date.addValueChangeListener(e -> showSlots.run());
        confirm.addClickListener(click -> {
            Slot slot = chosen[0];
            if (slot == null || doctor.getValue() == null || date.getValue() == null) {
                return;
            }
            try {
                AppointmentSummary moved = appointments.reschedule(appointment.id(), requestId,
                        doctor.getValue().id(), date.getValue(), slot.start());
                dialog.close();
                FieldMessages.showSuccess(moved.patientName() + " moved to " + DAY.format(moved.date()) + " at "
                        + TIME.format(moved.start()) + " with " + moved.doctorName());
                changed.run();
            } catch (SlotTaken taken) {
                showSlots.run();
                FieldMessages.showError("That slot was just taken at another desk; choose another.");
            } catch (RuleViolation violation) {
                FieldMessages.showError(violation.getMessage());
            }
        });
        HorizontalLayout choice = new HorizontalLayout(doctor, date);
        choice.setAlignItems(FlexComponent.Alignment.BASELINE);
        dialog.add(from, choice, hint, slots);
        dialog.getFooter().add(new Button("Keep it", click -> dialog.close()), confirm);
        showSlots.run();
        dialog.open();
    }

    void openHistory(AppointmentSummary appointment) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("History of " + appointment.patientName() + "'s appointment");
        dialog.setWidth("min(720px, 95vw)");
        Grid<AppointmentHistoryEntry> grid = new Grid<>();
        grid.setId("appointment-history");
        ZoneId zone = clock.getZone();
        grid.addColumn(e -> WHEN.format(e.at().atZone(zone))).setHeader("When").setAutoWidth(true);
        grid.addColumn(e -> (e.from() == null ? "Booked" : e.from().label() + " → ") + (e.from() == null ? ""
                : e.to().label())).setHeader("Change").setAutoWidth(true);
        grid.addColumn(AppointmentHistoryEntry::actor).setHeader("By").setAutoWidth(true);
        grid.addColumn(e -> e.note() == null ? "" : e.note()).setHeader("Note").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.setItems(appointmentQueries.history(appointment.id()));
        dialog.add(grid);
        if (appointment.rescheduledFrom() != null) {
            Paragraph moved = new Paragraph("Moved here from an earlier booking, which is kept as cancelled.");
            moved.addClassName("clinic-hint");
            dialog.add(moved);
        }
        dialog.getFooter().add(new Button("Close", click -> dialog.close()));
        dialog.open();
    }
}
