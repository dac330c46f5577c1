package org.clinic.consultation.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import org.clinic.base.ui.FieldMessages;
import org.clinic.consultation.Age;
import org.clinic.consultation.ConsultationRules;
import org.clinic.consultation.Vital;
import org.clinic.consultation.Vitals;
import org.jspecify.annotations.Nullable;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vitals card of the consultation screen: one {@link VitalField} per vital, the checks that need two of them
 * (diastolic above systolic, an impossible BMI) and the BMI worked out from weight and height.
 */
final class VitalsCard extends Div {

    private final Runnable changed;
    private final Map<Vital, VitalField> vitals = new EnumMap<>(Vital.class);
    private final Span bmi = new Span();
    private @Nullable Age age;

    VitalsCard(Runnable changed) {
        this.changed = changed;
        Div vitalGrid = new Div();
        vitalGrid.addClassName("clinic-vitals");
        for (Vital vital : Vital.values()) {
            VitalField field = new VitalField(vital, this::vitalsChanged);
            vitals.put(vital, field);
            vitalGrid.add(field);
        }
        bmi.setId("bmi");
        bmi.addClassName("clinic-bmi");
        vitalGrid.add(bmi);
        add(new H3("Vitals"), vitalGrid);
        addClassName("clinic-card");
    }

    /** @param age the patient's age on the day of the consultation: the usual ranges are those of this age */
    void show(Vitals shown, Age age, boolean editable) {
        this.age = age;
        vitals.values().forEach(f -> f.setAge(age));
        for (VitalField field : vitals.values()) {
            Number value = shown.value(field.vital());
            field.setValue(value == null ? null : Double.valueOf(value.doubleValue()));
        }
        vitalsChanged();
        vitals.values().forEach(f -> f.setReadOnly(!editable));
    }

    /** The vitals to save: a refused value is left out (and named by {@link #refused()}). */
    Vitals value() {
        return new Vitals(whole(accepted(Vital.SYSTOLIC)), whole(accepted(Vital.DIASTOLIC)),
                whole(accepted(Vital.PULSE)), accepted(Vital.TEMPERATURE), whole(accepted(Vital.SPO2)),
                whole(accepted(Vital.RESPIRATORY_RATE)), accepted(Vital.WEIGHT), accepted(Vital.HEIGHT));
    }

    /** The labels of the vitals whose value is refused. */
    List<String> refused() {
        return vitals.values().stream().filter(f -> f.problem().isPresent()).map(f -> f.vital().label()).toList();
    }

    void bind(FieldMessages messages) {
        vitals.values().forEach(f -> messages.bind(f.vital().field(), f));
    }

    private @Nullable Double accepted(Vital vital) {
        return vitals.get(vital).acceptedValue();
    }

    private void vitalsChanged() {
        VitalField systolic = vitals.get(Vital.SYSTOLIC);
        VitalField diastolic = vitals.get(Vital.DIASTOLIC);
        if (systolic == null || diastolic == null) {
            return; // still being built
        }
        Integer sys = whole(systolic.getValue());
        Integer dia = whole(diastolic.getValue());
        diastolic.setExtraProblem(ConsultationRules.pressureProblem(sys, dia).orElse(null));
        Double weight = vitals.get(Vital.WEIGHT).getValue();
        Double height = vitals.get(Vital.HEIGHT).getValue();
        vitals.get(Vital.WEIGHT).setExtraProblem(ConsultationRules.bmiProblem(weight, height).orElse(null));
        Double value = vitals.get(Vital.WEIGHT).acceptedValue() == null ? null
                : ConsultationRules.bmi(weight, height);
        bmi.removeAll();
        bmi.getElement().setAttribute("data-flag", "");
        if (value == null) {
            bmi.add(new Span("BMI —"), hint("from weight and height"));
        } else {
            Optional<String> flag = age == null ? Optional.empty() : ConsultationRules.bmiFlag(value, age);
            String note = age != null && !age.band().adult() ? "kg/m² · " + ConsultationRules.CHILD_BMI_NOTE
                    : "kg/m²";
            bmi.add(new Span("BMI " + value), hint(flag.map(f -> "⚠ " + f).orElse(note)));
            bmi.getElement().setAttribute("data-flag", flag.isPresent() ? "high" : "");
        }
        changed.run();
    }

    private static Span hint(String text) {
        Span span = new Span(text);
        span.addClassName("clinic-hint-inline");
        return span;
    }

    static @Nullable Integer whole(@Nullable Double value) {
        return value == null || value != Math.rint(value) ? null : (int) Math.round(value);
    }
}
