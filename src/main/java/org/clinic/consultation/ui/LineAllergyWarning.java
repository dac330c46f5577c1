package org.clinic.consultation.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.clinical.Allergy;
import org.clinic.clinical.AllergyConflict;
import org.clinic.clinical.AllergyMatcher;
import org.clinic.consultation.ConsultationRules;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Under a prescription line whose medicine matches one of the patient's active allergies: the allergy, at once, and
 * the reason to prescribe it anyway ({@code rx-<i>-allergyOverride}), which completing requires. Hidden while the
 * medicine matches nothing; then the line carries no reason.
 */
@StyleSheet("styles/safety.css")
final class LineAllergyWarning extends Div {

    final TextField reason = new TextField("Reason to prescribe anyway");
    private final Span text = new Span();
    private @Nullable List<Allergy> allergies;

    LineAllergyWarning(@Nullable String savedReason, Runnable changed, boolean editable) {
        addClassName("clinic-allergy-warning");
        getElement().setAttribute("role", "alert");
        text.addClassName("clinic-allergy-warning-text");
        reason.setMaxLength(ConsultationRules.ALLERGY_OVERRIDE_MAX);
        reason.setPlaceholder("e.g. tolerated amoxicillin in 2024; no alternative");
        reason.setValue(savedReason == null ? "" : savedReason);
        reason.setReadOnly(!editable);
        reason.setWidthFull();
        ConsultationView.watch(reason, changed);
        Div head = new Div(new Icon(VaadinIcon.WARNING), text);
        head.addClassName("clinic-allergy-warning-head");
        add(head, reason);
        setVisible(false);
    }

    /** Shows the allergies this medicine matches, or hides the warning when it matches none. */
    void check(@Nullable List<Allergy> active, @Nullable String medicine) {
        this.allergies = active;
        List<AllergyConflict> conflicts = active == null ? List.of() : AllergyMatcher.conflicts(active, medicine);
        setVisible(!conflicts.isEmpty());
        String name = medicine == null ? "" : medicine.strip();
        text.setText(conflicts.stream().map(c -> c.message(name)).collect(Collectors.joining(" · ")));
    }

    void renumber(int index) {
        reason.setId("rx-" + index + "-allergyOverride");
        setId("rx-" + index + "-allergy");
    }

    /** The reason to keep on the line: none when the medicine matches no allergy (once the allergies are known). */
    @Nullable String value() {
        if (allergies != null && !isVisible()) {
            return null;
        }
        return reason.getValue();
    }
}
