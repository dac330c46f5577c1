package org.clinic.clinical.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.base.ui.DateFields;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.clinical.AlertKind;
import org.clinic.clinical.ClinicalRules;
import org.clinic.clinical.ProblemCode;
import org.clinic.clinical.RecordAlert;
import org.clinic.clinical.RecordAllergy;
import org.clinic.clinical.RecordProblem;
import org.clinic.clinical.Severity;
import org.jspecify.annotations.Nullable;

import java.util.UUID;

/**
 * The three small forms that add an allergy, an alert and a problem. Each checks with {@link ClinicalRules} as the
 * doctor leaves a field, and shows the service's refusal at the field it names; nothing is kept on a refusal.
 */
final class SafetyForms {

    private SafetyForms() {
    }

    /** Substance, reaction, severity, Add. */
    static Div allergy(SafetyServices services, UUID patientId, Runnable added) {
        TextField substance = new TextField("Substance or medicine");
        substance.setId("allergy-substance");
        substance.setPlaceholder("e.g. Penicillins");
        substance.setMaxLength(ClinicalRules.SUBSTANCE_MAX);
        substance.setRequiredIndicatorVisible(true);
        TextField reaction = new TextField("Reaction");
        reaction.setId("allergy-reaction");
        reaction.setPlaceholder("e.g. anaphylaxis, rash");
        reaction.setMaxLength(ClinicalRules.REACTION_MAX);
        Select<Severity> severity = new Select<>();
        severity.setLabel("Severity");
        severity.setId("allergy-severity");
        severity.setItems(Severity.values());
        severity.setItemLabelGenerator(s -> capitalised(s.label()));
        severity.setPlaceholder("Choose");
        severity.setRequiredIndicatorVisible(true);
        FieldMessages messages = new FieldMessages().bind("substance", substance).bind("reaction", reaction)
                .bind("severity", severity);
        substance.addBlurListener(blur -> show(substance, ClinicalRules.substanceProblem(substance.getValue())
                .orElse(null)));
        Button add = new Button("Add allergy", new Icon(VaadinIcon.PLUS), click -> {
            try {
                services.allergies.record(new RecordAllergy(patientId, substance.getValue(), reaction.getValue(),
                        severity.getValue()));
                substance.clear();
                reaction.clear();
                severity.clear();
                substance.setInvalid(false);
                severity.setInvalid(false);
                FieldMessages.showSuccess("Allergy recorded");
                added.run();
            } catch (RuleViolation violation) {
                messages.show(violation);
            }
        });
        add.setId("allergy-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return form("clinic-safety-form-allergy", substance, reaction, severity, add);
    }

    /** What the team should know, its detail, whether it is clinical (doctors only), Add. */
    static Div alert(SafetyServices services, UUID patientId, boolean doctor, Runnable added) {
        Select<AlertKind> kind = new Select<>();
        kind.setLabel("Alert");
        kind.setId("alert-kind");
        kind.setItems(AlertKind.values());
        kind.setItemLabelGenerator(AlertKind::label);
        kind.setPlaceholder("Choose");
        TextField detail = new TextField("Detail");
        detail.setId("alert-detail");
        detail.setMaxLength(ClinicalRules.ALERT_DETAIL_MAX);
        Checkbox clinical = new Checkbox("Clinical (doctors only)");
        clinical.setId("alert-clinical");
        clinical.setVisible(doctor);
        kind.addValueChangeListener(change -> {
            AlertKind chosen = change.getValue();
            detail.setLabel(chosen == null || chosen.detailLabel() == null ? "Detail" : chosen.detailLabel());
            detail.setRequiredIndicatorVisible(chosen != null && chosen.needsDetail());
        });
        FieldMessages messages = new FieldMessages().bind("kind", kind).bind("detail", detail);
        Button add = new Button("Add alert", new Icon(VaadinIcon.PLUS), click -> {
            try {
                services.alerts.record(new RecordAlert(patientId, kind.getValue(), detail.getValue(),
                        doctor && clinical.getValue()));
                kind.clear();
                detail.clear();
                clinical.clear();
                detail.setInvalid(false);
                kind.setInvalid(false);
                FieldMessages.showSuccess("Alert recorded");
                added.run();
            } catch (RuleViolation violation) {
                messages.show(violation);
            }
        });
        add.setId("alert-add");
        return form("clinic-safety-form-alert", kind, detail, clinical, add);
    }

    /** A condition from the coded list and its onset (today unless changed), Add. */
    static Div problem(SafetyServices services, UUID patientId, Runnable added) {
        ComboBox<ProblemCode> code = new ComboBox<>("Condition (ICD-10)");
        code.setId("problem-code");
        code.setItems(services.problems.codes());
        code.setItemLabelGenerator(ProblemCode::label);
        code.setPlaceholder("Search a code or a name");
        DatePicker onset = new DatePicker("Onset");
        DateFields.day(onset);
        onset.setId("problem-onset");
        onset.setMax(services.today());
        onset.setPlaceholder("If known");
        FieldMessages messages = new FieldMessages().bind("code", code).bind("onset", onset);
        Button add = new Button("Add problem", new Icon(VaadinIcon.PLUS), click -> {
            try {
                services.problems.add(new RecordProblem(patientId,
                        code.getValue() == null ? null : code.getValue().code(), onset.getValue()));
                code.clear();
                onset.clear();
                code.setInvalid(false);
                onset.setInvalid(false);
                FieldMessages.showSuccess("Added to the problem list");
                added.run();
            } catch (RuleViolation violation) {
                messages.show(violation);
            }
        });
        add.setId("problem-add");
        return form("clinic-safety-form-problem", code, onset, add);
    }

    private static Div form(String className, com.vaadin.flow.component.Component... parts) {
        Div form = new Div(parts);
        form.addClassNames("clinic-safety-form", className);
        return form;
    }

    private static void show(TextField field, @Nullable String problem) {
        field.setInvalid(problem != null);
        field.setErrorMessage(problem);
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
