package org.clinic.doctor.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.doctor.DoctorRules;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.SpecialtySummary;
import org.clinic.doctor.SpecialtyUsage;
import org.clinic.security.Role;

/** Administrators add, rename and remove the specialties doctors practise and booking filters by. */
@Route("admin/specialties")
@PageTitle("Specialties · Clinic")
@Menu(title = "Specialties", order = 75, icon = "vaadin:clipboard-heart")
@RolesAllowed(Role.ADMIN_NAME)
public class SpecialtiesView extends Main {

    private final DoctorService doctors;
    private final TextField name = new TextField("New specialty");
    private final Grid<SpecialtyUsage> grid = new Grid<>();

    public SpecialtiesView(DoctorService doctors) {
        this.doctors = doctors;
        addClassName("clinic-page");
        addClassName("clinic-narrow-page");
        setSizeFull();

        name.setId("specialty-name");
        name.setPlaceholder("e.g. Cardiology");
        name.setMaxLength(DoctorRules.SPECIALTY_MAX + 20);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.addValueChangeListener(change -> {
            // immediate feedback while typing; an empty field is simply not ready yet
            var problem = change.getValue().isBlank() ? java.util.Optional.<String>empty()
                    : DoctorRules.specialtyNameProblem(change.getValue());
            name.setInvalid(problem.isPresent());
            name.setErrorMessage(problem.orElse(null));
        });
        Button add = new Button("Add specialty", new Icon(VaadinIcon.PLUS), click -> add());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("add-specialty");
        add.addClickShortcut(Key.ENTER).listenOn(name);
        HorizontalLayout toolbar = new HorizontalLayout(name, add);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("clinic-toolbar");

        grid.addColumn(u -> u.specialty().name()).setHeader("Specialty").setFlexGrow(1);
        grid.addColumn(u -> u.doctors() == 1 ? "1 doctor" : u.doctors() + " doctors").setHeader("Doctors")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No specialties yet.");
        grid.setId("specialties");
        grid.setSizeFull();
        add(toolbar, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(doctors.specialtyUsage());
    }

    private void add() {
        try {
            SpecialtySummary added = doctors.addSpecialty(name.getValue());
            FieldMessages.showSuccess(added.name() + " added");
            name.clear();
            name.setInvalid(false);
            refresh();
        } catch (RuleViolation violation) {
            new FieldMessages().bind("name", name).show(violation);
        }
        name.focus();
    }

    private HorizontalLayout actions(SpecialtyUsage usage) {
        Button rename = new Button("Rename", new Icon(VaadinIcon.EDIT), click -> openRename(usage.specialty()));
        rename.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        rename.setAriaLabel("Rename " + usage.specialty().name());
        HorizontalLayout actions = new HorizontalLayout(rename);
        actions.setSpacing(false);
        if (usage.doctors() == 0) { // one in use stays; the service says so too
            Button remove = new Button("Remove", new Icon(VaadinIcon.TRASH), click -> {
                try {
                    doctors.removeSpecialty(usage.specialty().id());
                    FieldMessages.showSuccess(usage.specialty().name() + " removed");
                } catch (RuleViolation violation) {
                    FieldMessages.showError(violation.getMessage());
                }
                refresh();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove " + usage.specialty().name());
            actions.add(remove);
        }
        return actions;
    }

    private void openRename(SpecialtySummary specialty) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Rename " + specialty.name());
        TextField newName = new TextField("Name");
        newName.setValue(specialty.name());
        newName.setWidthFull();
        newName.setId("rename-specialty-name");
        dialog.add(newName);
        Button save = new Button("Rename", click -> {
            try {
                SpecialtySummary renamed = doctors.renameSpecialty(specialty.id(), newName.getValue());
                dialog.close();
                FieldMessages.showSuccess(specialty.name() + " is now " + renamed.name());
                refresh();
            } catch (RuleViolation violation) {
                new FieldMessages().bind("name", newName).show(violation);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-specialty");
        save.addClickShortcut(Key.ENTER);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
        newName.focus();
    }
}
