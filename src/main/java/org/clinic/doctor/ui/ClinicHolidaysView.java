package org.clinic.doctor.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.doctor.ClinicHoliday;
import org.clinic.doctor.DoctorRules;
import org.clinic.doctor.DoctorService;
import org.clinic.security.Role;

import java.time.Clock;
import java.time.LocalDate;

/** Administrators list, add and remove the dates on which the whole clinic is closed. */
@Route("admin/holidays")
@PageTitle("Clinic holidays · Clinic")
@Menu(title = "Clinic holidays", order = 80, icon = "vaadin:flag-o")
@RolesAllowed(Role.ADMIN_NAME)
public class ClinicHolidaysView extends Main {

    private final DoctorService doctors;
    private final DatePicker date;
    private final TextField name = new TextField("Name");
    private final Grid<ClinicHoliday> grid = new Grid<>();

    public ClinicHolidaysView(DoctorService doctors, Clock clock) {
        this.doctors = doctors;
        addClassName("clinic-page");
        addClassName("clinic-narrow-page");
        setSizeFull();

        date = DoctorText.datePicker("Date", LocalDate.now(clock));
        date.setId("holiday-date");
        name.setId("holiday-name");
        name.setPlaceholder("e.g. Christmas Day");
        name.setMaxLength(DoctorRules.HOLIDAY_NAME_MAX + 20);
        Button add = new Button("Add holiday", new Icon(VaadinIcon.PLUS), click -> add());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("add-holiday");
        add.addClickShortcut(com.vaadin.flow.component.Key.ENTER).listenOn(name, date);
        HorizontalLayout form = new HorizontalLayout(date, name, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.addClassName("clinic-toolbar");
        form.setWrap(true);
        Paragraph hint = new Paragraph("On a clinic holiday no doctor offers slots. Appointments already booked on "
                + "that date stay: check the day's appointments and move them.");
        hint.addClassName("clinic-hint-inline");

        grid.addColumn(h -> DoctorText.date(h.date())).setHeader("Date").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ClinicHoliday::name).setHeader("Holiday").setFlexGrow(1);
        grid.addComponentColumn(this::remove).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No clinic holidays ahead.");
        grid.setId("holidays");
        grid.setSizeFull();
        add(form, hint, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(doctors.upcomingClinicHolidays());
    }

    private void add() {
        if (date.isInvalid()) {
            return; // the picker already says why
        }
        try {
            doctors.addClinicHoliday(date.getValue(), name.getValue());
            FieldMessages.showSuccess(DoctorText.date(date.getValue()) + " is a clinic holiday");
            date.clear();
            name.clear();
            name.setInvalid(false);
            date.setInvalid(false);
            refresh();
            date.focus();
        } catch (RuleViolation violation) {
            new FieldMessages().bind("date", date).bind("name", name).show(violation);
        }
    }

    private Button remove(ClinicHoliday holiday) {
        Button remove = new Button("Remove", new Icon(VaadinIcon.TRASH), click -> {
            try {
                doctors.removeClinicHoliday(holiday.date());
                FieldMessages.showSuccess(holiday.name() + " removed: the clinic opens on " + DoctorText.date(holiday.date()));
            } catch (RuleViolation violation) {
                FieldMessages.showError(violation.getMessage());
            }
            refresh();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove " + holiday.name() + " on " + DoctorText.date(holiday.date()));
        return remove;
    }
}
