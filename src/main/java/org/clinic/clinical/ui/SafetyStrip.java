package org.clinic.clinical.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.clinic.clinical.Allergy;
import org.clinic.clinical.AllergyStatus;
import org.clinic.clinical.PatientSafety;
import org.clinic.clinical.SafetyChanged;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The consultation header's safety strip: every active allergy as a red badge (or "No known allergies", or
 * "Allergies not yet recorded" as a prompt to ask), the alerts and the active problems, and a button that opens
 * the full {@link SafetyPanel} in a dialog to add or end them without leaving the consultation.
 */
@StyleSheet("styles/safety.css")
final class SafetyStrip extends Div {

    private final SafetyServices services;
    private final UUID patientId;
    private final Consumer<List<Allergy>> activeAllergies;
    private final Div badges = new Div();

    SafetyStrip(SafetyServices services, UUID patientId, Consumer<List<Allergy>> activeAllergies) {
        this.services = services;
        this.patientId = patientId;
        this.activeAllergies = activeAllergies;
        addClassName("clinic-safety-strip");
        setId("safety-strip");
        badges.addClassName("clinic-safety-badges");
        Button edit = new Button("Allergies, alerts, problems", new Icon(VaadinIcon.EDIT), click -> openDialog());
        edit.setId("safety-edit");
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        edit.setTooltipText("Add or end allergies, alerts and problems");
        add(badges, edit);
        services.liveUpdates.whileAttached(this, SafetyChanged.class,
                changed -> changed.patientId().equals(patientId), this::refresh);
    }

    void refresh() {
        PatientSafety safety = services.records.of(patientId);
        badges.removeAll();
        List<Allergy> active = safety.activeAllergies();
        if (active.isEmpty()) {
            AllergyStatus status = safety.allergyStatus() == null ? AllergyStatus.UNKNOWN : safety.allergyStatus();
            Span shown = SafetyText.status(status == AllergyStatus.HAS_ALLERGIES ? AllergyStatus.UNKNOWN : status);
            if (status != AllergyStatus.NO_KNOWN) {
                shown.setText("Allergies not yet recorded: ask the patient");
            }
            badges.add(shown);
        }
        active.forEach(a -> badges.add(SafetyText.allergy(a)));
        safety.activeAlerts().forEach(a -> badges.add(SafetyText.alert(a)));
        safety.activeProblems().forEach(p -> badges.add(SafetyText.problem(p)));
        activeAllergies.accept(active);
    }

    private void openDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Allergies, alerts and problems");
        dialog.setId("safety-dialog");
        dialog.add(new SafetyPanel(services, patientId));
        Button close = new Button("Done", click -> dialog.close());
        close.setId("safety-dialog-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.setWidth("min(56rem, 96vw)");
        dialog.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                refresh();
            }
        });
        dialog.open();
    }
}
