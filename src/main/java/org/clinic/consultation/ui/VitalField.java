package org.clinic.consultation.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.clinic.consultation.Age;
import org.clinic.consultation.Vital;
import org.jspecify.annotations.Nullable;

import java.util.Optional;

/**
 * A vital sign's field: its unit, the usual range for the patient's age as helper text (the plausible range for
 * weight and height), an implausible or malformed value refused at the field with the plausible range, and a value outside the usual range for the patient's age flagged (never refused).
 */
final class VitalField extends NumberField {

    private final Vital vital;
    private @Nullable String extraProblem;
    private @Nullable Age age;

    VitalField(Vital vital, Runnable changed) {
        super(vital.label());
        this.vital = vital;
        setId("vital-" + vital.field());
        addClassName("clinic-vital");
        setSuffixComponent(new Span(vital.unit()));
        setManualValidation(true);
        setValueChangeMode(ValueChangeMode.LAZY);
        setValueChangeTimeout(700);
        setI18n(new NumberFieldI18n().setBadInputErrorMessage(vital.label() + ": not a number; enter "
                + vital.range()));
        addValueChangeListener(change -> {
            check();
            changed.run();
        });
        addValidationStatusChangeListener(status -> check());
        check();
    }

    Vital vital() {
        return vital;
    }

    /** The patient's age on the day of the consultation, which sets the usual range; no flag before it is known. */
    void setAge(Age age) {
        this.age = age;
        check();
    }

    /** A problem only the whole form knows (diastolic above systolic, an impossible BMI); null clears it. */
    void setExtraProblem(@Nullable String problem) {
        this.extraProblem = problem;
        check();
    }

    /** The value to save: null when empty or refused. */
    @Nullable Double acceptedValue() {
        return problem().isPresent() ? null : getValue();
    }

    Optional<String> problem() {
        var builtIn = getDefaultValidator().apply(getValue(), null);
        if (builtIn.isError()) { // typed text that is not a number
            return Optional.of(vital.label() + ": not a number; enter " + vital.range());
        }
        Optional<String> own = vital.problem(getValue());
        return own.isPresent() ? own : Optional.ofNullable(extraProblem);
    }

    private void check() {
        Optional<String> problem = problem();
        setInvalid(problem.isPresent());
        setErrorMessage(problem.orElse(null));
        Optional<String> flag = age == null ? Optional.empty() : vital.flag(getValue(), age);
        getElement().setAttribute("data-flag", flag.map(f -> f.startsWith("Low") ? "low" : "high").orElse(""));
        // the usual range for the patient's age while the value is usual; the plausible range shows when refused
        String usual = age == null ? null : vital.usualRange(age.band()).map(r -> "usual " + r).orElse(null);
        setHelperText(flag.map(f -> "⚠ " + f).orElse(usual == null ? vital.range() : usual));
    }
}
