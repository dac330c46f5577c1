package org.clinic.consultation.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.base.ui.FieldMessages;
import org.clinic.clinical.Allergy;
import org.clinic.consultation.ConsultationRules;
import org.clinic.consultation.PrescriptionLine;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * The prescription card of the consultation screen: one row per medicine ({@link LineRow}) and Add medicine. Every
 * change is reported to the screen, which saves the draft.
 */
final class PrescriptionEditor extends Div {

    private final Runnable changed;
    private final Div prescription = new Div();
    private final List<LineRow> lines = new ArrayList<>();
    private final Button addMedicine = new Button("Add medicine", new Icon(VaadinIcon.PLUS));
    private boolean editable;
    /** The patient's active allergies, once the safety strip has read them (null until then). */
    private @Nullable List<Allergy> allergies;

    PrescriptionEditor(Runnable changed) {
        this.changed = changed;
        prescription.setId("prescription");
        prescription.addClassName("clinic-prescription");
        addMedicine.setId("add-medicine");
        addMedicine.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addMedicine.addClickListener(click -> addLine(PrescriptionLine.empty(), true).medicine.focus());
        add(new H3("Prescription"), prescription, addMedicine);
        addClassName("clinic-card");
        setId("prescription-card");
    }

    /** Shows these lines; an editable draft without any gets one empty line to start typing in. */
    void show(List<PrescriptionLine> shown, boolean editable) {
        this.editable = editable;
        prescription.removeAll();
        lines.clear();
        shown.forEach(line -> addLine(line, false));
        if (lines.isEmpty() && editable) {
            addLine(PrescriptionLine.empty(), false);
        }
        addMedicine.setVisible(editable);
    }

    /** The patient's active allergies: each line warns at once when its medicine matches one. */
    void allergies(List<Allergy> active) {
        this.allergies = List.copyOf(active);
        lines.forEach(LineRow::checkAllergies);
    }

    List<PrescriptionLine> value() {
        return lines.stream().map(LineRow::value).toList();
    }

    /** Binds each line's fields to the service's field names ("prescription.0.medicine"). */
    void bind(FieldMessages messages) {
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).bind(messages, "prescription." + i + ".");
        }
    }

    List<HasValidation> fields() {
        List<HasValidation> fields = new ArrayList<>();
        lines.forEach(l -> {
            fields.addAll(l.fields());
            fields.add(l.warning.reason);
        });
        return fields;
    }

    private LineRow addLine(PrescriptionLine line, boolean fromUser) {
        LineRow row = new LineRow(lines.size(), line);
        lines.add(row);
        prescription.add(row);
        if (fromUser) {
            changed.run();
        }
        return row;
    }

    private void removeLine(LineRow row) {
        lines.remove(row);
        prescription.remove(row);
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).renumber(i);
        }
        changed.run();
    }

    /** One medicine of the prescription. */
    private final class LineRow extends Div {
        final TextField medicine = new TextField("Medicine");
        final TextField strength = new TextField("Strength");
        final TextField dose = new TextField("Dose");
        final TextField frequency = new TextField("Frequency");
        final TextField duration = new TextField("Duration");
        final TextField quantity = new TextField("Quantity");
        final TextField instructions = new TextField("Instructions");
        final Button remove = new Button(new Icon(VaadinIcon.TRASH));
        final LineAllergyWarning warning;

        LineRow(int index, PrescriptionLine line) {
            addClassName("clinic-prescription-line");
            warning = new LineAllergyWarning(line.allergyOverride(), changed, editable);
            medicine.setPlaceholder("e.g. Amoxicillin");
            strength.setPlaceholder("500 mg");
            dose.setPlaceholder("1 capsule");
            frequency.setPlaceholder("3 times a day");
            duration.setPlaceholder("7 days");
            quantity.setPlaceholder("21 capsules");
            instructions.setPlaceholder("after food");
            medicine.setMaxLength(ConsultationRules.MEDICINE_MAX);
            for (TextField f : List.of(strength, dose, frequency, duration, quantity)) {
                f.setMaxLength(ConsultationRules.PRESCRIPTION_PART_MAX);
            }
            instructions.setMaxLength(ConsultationRules.INSTRUCTIONS_MAX);
            medicine.setValue(orEmpty(line.medicine()));
            strength.setValue(orEmpty(line.strength()));
            dose.setValue(orEmpty(line.dose()));
            frequency.setValue(orEmpty(line.frequency()));
            duration.setValue(orEmpty(line.duration()));
            quantity.setValue(orEmpty(line.quantity()));
            instructions.setValue(orEmpty(line.instructions()));
            for (TextField f : fields()) {
                ConsultationView.watch(f, changed);
                f.setReadOnly(!editable);
            }
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove this medicine");
            remove.setTooltipText("Remove this medicine");
            remove.addClickListener(click -> removeLine(this));
            remove.setVisible(editable);
            add(medicine, strength, dose, frequency, duration, quantity, instructions, remove, warning);
            medicine.addValueChangeListener(change -> checkAllergies());
            checkAllergies();
            renumber(index);
        }

        List<TextField> fields() {
            return List.of(medicine, strength, dose, frequency, duration, quantity, instructions);
        }

        void renumber(int index) {
            String prefix = "rx-" + index + "-";
            medicine.setId(prefix + "medicine");
            strength.setId(prefix + "strength");
            dose.setId(prefix + "dose");
            frequency.setId(prefix + "frequency");
            duration.setId(prefix + "duration");
            quantity.setId(prefix + "quantity");
            instructions.setId(prefix + "instructions");
            remove.setId(prefix + "remove");
            warning.renumber(index);
        }

        void bind(FieldMessages messages, String prefix) {
            messages.bind(prefix + "medicine", medicine).bind(prefix + "strength", strength)
                    .bind(prefix + "dose", dose).bind(prefix + "frequency", frequency)
                    .bind(prefix + "duration", duration).bind(prefix + "quantity", quantity)
                    .bind(prefix + "instructions", instructions)
                    .bind(prefix + "allergyOverride", warning.reason);
        }

        PrescriptionLine value() {
            return new PrescriptionLine(medicine.getValue(), strength.getValue(), dose.getValue(),
                    frequency.getValue(), duration.getValue(), quantity.getValue(), instructions.getValue(),
                    warning.value());
        }

        void checkAllergies() {
            warning.check(allergies, medicine.getValue());
        }
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
