package org.clinic.doctor.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.doctor.DoctorRecord;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * Administrators add doctors (linking a Doctor staff account), edit their details, take them off the booking
 * list and back, and open each doctor's working hours.
 */
@Route("admin/doctors")
@PageTitle("Doctors · Clinic")
@Menu(title = "Doctors", order = 70, icon = "vaadin:doctor")
@RolesAllowed(Role.ADMIN_NAME)
public class DoctorsView extends Main {

    private final DoctorService doctors;
    private final Grid<DoctorRecord> grid = new Grid<>();
    private final Span counts = new Span();

    public DoctorsView(DoctorService doctors) {
        this.doctors = doctors;
        addClassName("clinic-page");
        setSizeFull();

        Button add = new Button("Add doctor", new Icon(VaadinIcon.PLUS), click -> openEditor(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("add-doctor");
        counts.addClassName("clinic-hint-inline");
        counts.setId("doctor-counts");
        HorizontalLayout toolbar = new HorizontalLayout(add, counts);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.addClassName("clinic-toolbar");

        // At 1366 pixels every column is readable: the long texts (name, e-mail) take the spare width and end in
        // an ellipsis with the whole value in a tooltip; the short ones keep their width; the actions column has
        // room for both buttons, so they never squeeze against the edge. Widths are in rem: an em
        // would be smaller in the header (smaller type) than in the rows, and the two would not line up.
        grid.addComponentColumn(DoctorsView::nameCell).setHeader("Doctor · registration").setWidth("10rem")
                .setFlexGrow(2).setTooltipGenerator(d -> d.displayName() + " · " + registration(d));
        grid.addComponentColumn(DoctorsView::contactCell).setHeader("E-mail · account").setWidth("12rem")
                .setFlexGrow(4).setTooltipGenerator(d -> d.email() + " · signs in as " + d.staffUsername());
        grid.addColumn(d -> d.specialty().name()).setHeader("Specialty").setWidth("9.5rem").setFlexGrow(1)
                .setTooltipGenerator(d -> d.specialty().name());
        grid.addComponentColumn(DoctorsView::roomCell).setHeader("Room · slots").setWidth("9.5rem").setFlexGrow(0)
                .setTooltipGenerator(d -> "Room " + d.room() + " · " + d.slotMinutes() + "-minute slots · up to "
                        + d.dailyCapacity() + " patients a day");
        grid.addComponentColumn(d -> DoctorText.activeBadge(d.active())).setHeader("Status").setWidth("6.5rem")
                .setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("Actions").setWidth("10rem").setFlexGrow(0);
        grid.addItemDoubleClickListener(click -> openEditor(click.getItem()));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No doctors yet. Add the first with “Add doctor”.");
        grid.setId("doctors");
        grid.setSizeFull();
        add(toolbar, grid);
        refresh();
    }

    private void refresh() {
        List<DoctorRecord> all = doctors.allDoctors();
        long inactive = all.stream().filter(d -> !d.active()).count();
        grid.setItems(all);
        counts.setText((all.size() - inactive) + " active" + (inactive == 0 ? "" : " · " + inactive + " inactive"));
    }

    private static Div nameCell(DoctorRecord doctor) {
        return twoLines(doctor.displayName(), registration(doctor), "clinic-patient-name");
    }

    private static Div contactCell(DoctorRecord doctor) {
        return twoLines(doctor.email(), doctor.staffUsername(), "clinic-email");
    }

    private static Div roomCell(DoctorRecord doctor) {
        return twoLines("Room " + doctor.room(), doctor.slotMinutes() + " min · " + doctor.dailyCapacity()
                + " a day", null);
    }

    private static String registration(DoctorRecord doctor) {
        return doctor.registrationNumber() == null ? "No registration number: edit to add it"
                : doctor.registrationNumber();
    }

    /** A value over a quieter one, each cut with an ellipsis when the column is narrower (the tooltip has both). */
    private static Div twoLines(String first, String second, @Nullable String firstClass) {
        Span top = new Span(first);
        top.addClassName("clinic-ellipsis");
        if (firstClass != null) {
            top.addClassName(firstClass);
        }
        Span below = new Span(second);
        below.addClassNames("clinic-hint", "clinic-ellipsis");
        Div cell = new Div(top, below);
        cell.addClassName("clinic-two-line");
        return cell;
    }

    private HorizontalLayout actions(DoctorRecord doctor) {
        Button edit = new Button("Edit", new Icon(VaadinIcon.EDIT), click -> openEditor(doctor));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.setAriaLabel("Edit " + doctor.displayName());
        Button hours = new Button("Hours", new Icon(VaadinIcon.CLOCK), click -> getUI().ifPresent(ui ->
                ui.navigate(DoctorHoursView.class, DoctorHoursView.parameters(doctor.id()))));
        hours.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        hours.setAriaLabel("Working hours of " + doctor.displayName());
        HorizontalLayout actions = new HorizontalLayout(edit, hours);
        actions.setSpacing(false);
        return actions;
    }

    private void openEditor(@Nullable DoctorRecord doctor) {
        DoctorForm form = new DoctorForm(doctor, doctor == null ? doctors.unlinkedDoctorAccounts() : List.of(),
                doctors.specialties());
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(doctor == null ? "Add doctor" : "Edit " + doctor.displayName());
        dialog.setWidth("min(640px, 95vw)");
        dialog.add(form);
        Button save = new Button(doctor == null ? "Add doctor" : "Save changes", click -> save(doctor, form, dialog));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-doctor");
        Button cancel = new Button("Cancel", click -> dialog.close());
        if (doctor != null) {
            Button toggle = new Button(doctor.active() ? "Deactivate" : "Reactivate",
                    new Icon(doctor.active() ? VaadinIcon.BAN : VaadinIcon.CHECK_CIRCLE),
                    click -> confirmStatusChange(doctor, dialog));
            toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY,
                    doctor.active() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
            toggle.setId("toggle-doctor");
            toggle.getStyle().set("margin-inline-end", "auto");
            dialog.getFooter().add(toggle);
        }
        dialog.getFooter().add(cancel, save);
        dialog.open();
        form.focus();
    }

    private void save(@Nullable DoctorRecord doctor, DoctorForm form, Dialog dialog) {
        try {
            if (doctor == null) {
                var valid = form.validNewDoctor();
                if (valid.isEmpty()) {
                    FieldMessages.showError("Some details need attention: see the highlighted fields.");
                    return;
                }
                DoctorSummary added = doctors.addDoctor(valid.get());
                FieldMessages.showSuccess(added.displayName() + " added. Set their weekly hours next.");
            } else {
                var valid = form.validChanges();
                if (valid.isEmpty()) {
                    FieldMessages.showError("Some details need attention: see the highlighted fields.");
                    return;
                }
                doctors.updateDoctor(doctor.id(), doctor.version(), valid.get());
                FieldMessages.showSuccess("Changes to " + doctor.displayName() + " saved");
            }
            dialog.close();
            refresh();
        } catch (RuleViolation violation) {
            form.show(violation);
            if (violation.field() == null) { // someone else saved first: show theirs
                dialog.close();
                refresh();
            }
        }
    }

    private void confirmStatusChange(DoctorRecord doctor, Dialog editor) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader((doctor.active() ? "Deactivate " : "Reactivate ") + doctor.displayName() + "?");
        confirm.setText(doctor.active()
                ? "They leave the booking list and offer no more slots. Their record, hours and appointments stay; "
                        + "appointments already booked need moving or cancelling."
                : "They can be booked again in their weekly hours.");
        confirm.setCancelable(true);
        confirm.setConfirmText(doctor.active() ? "Deactivate" : "Reactivate");
        if (doctor.active()) {
            confirm.setConfirmButtonTheme("error primary");
        }
        confirm.addConfirmListener(ok -> {
            try {
                if (doctor.active()) {
                    doctors.deactivateDoctor(doctor.id());
                    FieldMessages.showSuccess(doctor.displayName() + " is inactive");
                } else {
                    doctors.reactivateDoctor(doctor.id());
                    FieldMessages.showSuccess(doctor.displayName() + " can be booked again");
                }
            } catch (RuleViolation violation) {
                FieldMessages.showError(violation.getMessage());
            }
            editor.close();
            refresh();
        });
        confirm.open();
    }
}
