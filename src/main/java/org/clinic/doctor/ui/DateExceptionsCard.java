package org.clinic.doctor.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.doctor.DateException;
import org.clinic.doctor.DoctorRecord;
import org.clinic.doctor.DoctorRules;
import org.clinic.doctor.DoctorService;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/** One doctor's leave and extra sessions on dates: add one (checked by the service), see those ahead, remove one. */
final class DateExceptionsCard extends Div {

    private final DoctorService doctors;
    private final RadioButtonGroup<DateException.Kind> kind = new RadioButtonGroup<>("What");
    private final DatePicker date;
    private final TimePicker extraStart = DoctorText.timePicker("From");
    private final TimePicker extraEnd = DoctorText.timePicker("To");
    private final TextField note = new TextField("Note");
    private final Grid<DateException> exceptions = new Grid<>();
    private @Nullable DoctorRecord doctor;

    DateExceptionsCard(DoctorService doctors, LocalDate today) {
        this.doctors = doctors;
        addClassName("clinic-card");
        date = DoctorText.datePicker("Date", today);
        kind.setItems(DateException.Kind.values());
        kind.setItemLabelGenerator(DateException.Kind::label);
        kind.setValue(DateException.Kind.LEAVE);
        kind.setId("exception-kind");
        date.setId("exception-date");
        extraStart.setId("extra-start");
        extraEnd.setId("extra-end");
        note.setId("exception-note");
        note.setPlaceholder("Optional, e.g. Conference");
        note.setWidth("18em");
        note.setMaxLength(DoctorRules.NOTE_MAX + 20);
        kind.addValueChangeListener(change -> showTimes());
        showTimes();
        Button add = new Button("Add", new Icon(VaadinIcon.PLUS), click -> addException());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("add-exception");
        add.addClickShortcut(Key.ENTER).listenOn(date, extraStart, extraEnd, note);
        HorizontalLayout form = new HorizontalLayout(date, extraStart, extraEnd, note, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        exceptions.addColumn(e -> DoctorText.date(e.date())).setHeader("Date").setAutoWidth(true).setFlexGrow(0);
        exceptions.addComponentColumn(e -> DoctorText.kindBadge(e.kind())).setHeader("What").setAutoWidth(true)
                .setFlexGrow(0);
        exceptions.addColumn(DoctorText::when).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        exceptions.addColumn(e -> e.note() == null ? "" : e.note()).setHeader("Note").setFlexGrow(1);
        exceptions.addComponentColumn(this::removeButton).setAutoWidth(true).setFlexGrow(0);
        exceptions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        exceptions.setAllRowsVisible(true);
        exceptions.setEmptyStateText("No leave or extra sessions ahead.");
        exceptions.setId("date-exceptions");
        exceptions.addClassName("clinic-card-grid");

        add(new H3("Leave and extra sessions"), kind, form, exceptions);
    }

    void show(DoctorRecord shown) {
        doctor = shown;
        load();
    }

    private DoctorRecord doctor() {
        return Objects.requireNonNull(doctor, "show(doctor) first");
    }

    private void showTimes() {
        boolean extra = kind.getValue() == DateException.Kind.EXTRA;
        extraStart.setVisible(extra);
        extraEnd.setVisible(extra);
    }

    private void load() {
        exceptions.setItems(doctors.upcomingDateExceptions(doctor().id()));
    }

    private void addException() {
        date.setInvalid(false);
        extraStart.setInvalid(false);
        extraEnd.setInvalid(false);
        note.setInvalid(false);
        DoctorRecord current = doctor();
        try {
            if (kind.getValue() == DateException.Kind.EXTRA) {
                doctors.addExtraSession(current.id(), date.getValue(), extraStart.getValue(), extraEnd.getValue(),
                        note.getValue());
                FieldMessages.showSuccess("Extra session on " + DoctorText.date(date.getValue()) + " added");
            } else {
                doctors.addLeave(current.id(), date.getValue(), note.getValue());
                FieldMessages.showSuccess(current.displayName() + " is on leave on "
                        + DoctorText.date(date.getValue()));
            }
            date.clear();
            extraStart.clear();
            extraEnd.clear();
            note.clear();
            load();
            date.focus();
        } catch (RuleViolation violation) {
            new FieldMessages().bind("date", date).bind("start", extraStart).bind("end", extraEnd).bind("note", note)
                    .show(violation);
        }
    }

    private Button removeButton(DateException exception) {
        Button remove = new Button("Remove", new Icon(VaadinIcon.TRASH), click -> {
            try {
                doctors.removeDateException(doctor().id(), exception.id());
                FieldMessages.showSuccess(exception.kind().label() + " on " + DoctorText.date(exception.date())
                        + " removed");
            } catch (RuleViolation violation) {
                FieldMessages.showError(violation.getMessage());
            }
            load();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove " + exception.kind().label().toLowerCase(Locale.ROOT) + " on "
                + DoctorText.date(exception.date()));
        return remove;
    }
}
