package org.clinic.patient.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientRules;
import org.clinic.patient.PatientService;
import org.clinic.patient.PossibleDuplicate;
import org.clinic.security.Role;

/**
 * Registering a patient: the details form, a duplicate warning right under the name and date of birth that follows
 * the typing (names sound-alike included), and the new record on success.
 */
@Route("patients/new")
@PageTitle("Register patient · Clinic")
@RolesAllowed({Role.RECEPTIONIST_NAME, Role.ADMIN_NAME})
public class RegisterPatientView extends Main {

    private final PatientService patients;
    private final PatientForm form;
    private final DuplicateWarning duplicates;

    public RegisterPatientView(PatientService patients, PatientRules rules) {
        this.patients = patients;
        this.form = new PatientForm(rules);
        this.duplicates = new DuplicateWarning(rules);
        addClassName("clinic-page");
        addClassName("clinic-narrow-page");

        form.addChangeListener(this::checkDuplicates);

        Button register = new Button("Register", click -> register());
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.setId("register");
        register.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        register.setTooltipText("Ctrl+Enter");
        Button cancel = new Button("Cancel", click -> getUI().ifPresent(ui -> ui.navigate(PatientRegistryView.class)));
        HorizontalLayout actions = new HorizontalLayout(register, cancel);
        actions.addClassName("clinic-form-actions");

        form.addBelowNameAndBirthDate(duplicates);
        Div card = new Div(new H2("New patient"), form, actions);
        card.addClassName("clinic-card");
        add(card);
        form.focus();
    }

    private void checkDuplicates() {
        duplicates.show(patients.findPossibleDuplicates(form.details(), null));
    }

    private void register() {
        var details = form.validDetails();
        if (details.isEmpty()) {
            FieldMessages.showError("Some details need attention: see the highlighted fields.");
            return;
        }
        if (duplicates.needsConfirmation()) {
            duplicates.highlight();
            FieldMessages.showError("This may be a patient who is already registered: open the match, "
                    + "or confirm that this is a different person.");
            return;
        }
        try {
            PatientRecord registered = patients.register(details.get(), duplicates.confirmed());
            FieldMessages.showSuccess(registered.fullName() + " registered, MRN " + registered.displayMrn());
            getUI().ifPresent(ui -> ui.navigate(PatientRecordView.class, PatientRecordView.parameters(registered.id())));
        } catch (PossibleDuplicate duplicate) {
            duplicates.show(duplicate.candidates());
            duplicates.highlight();
        } catch (RuleViolation violation) {
            form.show(violation);
        }
    }
}
