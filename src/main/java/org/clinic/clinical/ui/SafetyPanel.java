package org.clinic.clinical.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.clinical.Allergy;
import org.clinic.clinical.AllergyStatus;
import org.clinic.clinical.CareAlert;
import org.clinic.clinical.PatientSafety;
import org.clinic.clinical.Problem;
import org.clinic.clinical.SafetyChanged;
import org.jspecify.annotations.Nullable;

import java.util.UUID;

/**
 * A patient's allergies, alerts and problem list with their history of who recorded what, and the forms to add and
 * end them: everything for doctors; for the front desk the non-clinical alerts only (the service returns nothing
 * else). Read through {@code SafetyRecords} (logged) after attaching, and again whenever the patient's safety data
 * changes.
 */
@StyleSheet("styles/safety.css")
final class SafetyPanel extends Div {

    private final SafetyServices services;
    private final UUID patientId;
    private final boolean doctor;
    private final Div allergies = new Div();
    private final Div alerts = new Div();
    private final Div problems = new Div();

    SafetyPanel(SafetyServices services, UUID patientId) {
        this.services = services;
        this.patientId = patientId;
        this.doctor = services.doctor();
        addClassName("clinic-safety-panel");
        allergies.setId("safety-allergies");
        alerts.setId("safety-alerts");
        problems.setId("safety-problems");
        if (doctor) {
            add(part("Allergies", allergies, SafetyForms.allergy(services, patientId, this::refresh)),
                    part("Alerts for the care team", alerts,
                            SafetyForms.alert(services, patientId, true, this::refresh)),
                    part("Problem list", problems, SafetyForms.problem(services, patientId, this::refresh)));
        } else {
            Span doctorsOnly = new Span("Allergies and the problem list are visible to doctors only.");
            doctorsOnly.addClassName("clinic-hint-inline");
            add(part(null, alerts, SafetyForms.alert(services, patientId, false, this::refresh)), doctorsOnly);
        }
        services.liveUpdates.whileAttached(this, SafetyChanged.class,
                changed -> changed.patientId().equals(patientId), this::refresh);
    }

    void refresh() {
        PatientSafety safety = services.records.of(patientId);
        allergies.removeAll();
        alerts.removeAll();
        problems.removeAll();
        if (safety.clinical()) {
            AllergyStatus status = safety.allergyStatus() == null ? AllergyStatus.UNKNOWN : safety.allergyStatus();
            Div statusLine = new Div();
            statusLine.addClassName("clinic-safety-status");
            if (status != AllergyStatus.HAS_ALLERGIES) { // with allergies, the list says it
                statusLine.add(SafetyText.status(status));
            }
            if (status != AllergyStatus.NO_KNOWN && safety.activeAllergies().isEmpty()) {
                Button none = new Button("Asked: no known allergies", click -> act(() ->
                        services.allergies.noKnownAllergies(patientId)));
                none.setId("allergy-none");
                none.addThemeVariants(ButtonVariant.LUMO_SMALL);
                statusLine.add(none);
            }
            allergies.add(statusLine);
            safety.allergies().forEach(a -> allergies.add(allergyRow(a)));
            safety.problems().forEach(p -> problems.add(problemRow(p)));
            if (safety.problems().isEmpty()) {
                problems.add(hint("No problems recorded."));
            }
        }
        safety.alerts().forEach(a -> alerts.add(alertRow(a)));
        if (safety.alerts().isEmpty()) {
            alerts.add(hint("No alerts."));
        }
    }

    private Div allergyRow(Allergy allergy) {
        Div row = row(allergy.active() ? SafetyText.allergy(allergy) : new Span(allergy.summary()),
                SafetyText.recorded(allergy.recordedBy(), allergy.recordedAt(), services.zone()), allergy.active(),
                allergy.status().label());
        if (allergy.active()) {
            row.add(actions(end("Resolve", () -> services.allergies.resolve(allergy.id())),
                    end("Entered in error", () -> services.allergies.enteredInError(allergy.id()))));
        }
        return row;
    }

    private Div alertRow(CareAlert alert) {
        Div row = row(alert.active() ? SafetyText.alert(alert) : new Span(alert.text()),
                (alert.clinical() ? "clinical · " : "") + SafetyText.recorded(alert.recordedBy(), alert.recordedAt(),
                        services.zone()), alert.active(), alert.status().label());
        if (alert.active()) {
            row.add(actions(end("Resolve", () -> services.alerts.resolve(alert.id())),
                    end("Entered in error", () -> services.alerts.enteredInError(alert.id()))));
        }
        return row;
    }

    private Div problemRow(Problem problem) {
        Div row = row(problem.active() ? SafetyText.problem(problem) : new Span(problem.label()),
                (problem.onset() == null ? "" : "since " + SafetyText.DATE.format(problem.onset()) + " · ")
                        + SafetyText.recorded(problem.recordedBy(), problem.recordedAt(), services.zone()),
                problem.active(), problem.status().label());
        if (problem.active()) {
            row.add(actions(end("Resolve", () -> services.problems.resolve(problem.id())),
                    end("Entered in error", () -> services.problems.enteredInError(problem.id()))));
        }
        return row;
    }

    private static Div row(com.vaadin.flow.component.Component what, String recorded, boolean active, String status) {
        Span who = new Span(active ? recorded : status + " · " + recorded);
        who.addClassName("clinic-hint-inline");
        Div text = new Div(what, who);
        text.addClassName("clinic-safety-row-text");
        Div row = new Div(text);
        row.addClassName("clinic-safety-row");
        if (!active) {
            row.addClassName("clinic-safety-row-ended");
        }
        return row;
    }

    private static Div actions(Button... buttons) {
        Div actions = new Div(buttons);
        actions.addClassName("clinic-safety-row-actions");
        return actions;
    }

    private Button end(String label, Runnable action) {
        Button button = new Button(label, click -> act(action));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void act(Runnable action) {
        try {
            action.run();
            refresh();
        } catch (RuleViolation | NotFoundException refused) {
            FieldMessages.showError(refused.getMessage());
            refresh();
        }
    }

    private static Div part(@Nullable String title, Div list, Div form) {
        Div part = title == null ? new Div(list, form) : new Div(new H4(title), list, form);
        part.addClassName("clinic-safety-part");
        return part;
    }

    private static Span hint(String text) {
        Span hint = new Span(text);
        hint.addClassName("clinic-hint-inline");
        return hint;
    }
}
