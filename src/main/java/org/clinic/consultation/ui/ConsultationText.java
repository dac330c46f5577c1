package org.clinic.consultation.ui;

import com.vaadin.flow.component.html.Span;
import org.clinic.consultation.Age;
import org.clinic.consultation.ConsultationRules;
import org.clinic.consultation.ConsultationStatus;
import org.clinic.consultation.PrescriptionLine;
import org.clinic.consultation.Vital;
import org.clinic.consultation.Vitals;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** How consultations read on screen and on paper. */
final class ConsultationText {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

    private ConsultationText() {
    }

    static Span status(ConsultationStatus status) {
        Span badge = new Span(status.label());
        badge.getElement().getThemeList().add("badge pill");
        badge.getElement().getThemeList().add(status == ConsultationStatus.COMPLETED ? "success" : "contrast");
        badge.addClassName("clinic-consultation-status");
        return badge;
    }

    static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone));
    }

    /** One vital with its unit, e.g. "Pulse 72 /min"; null when not recorded. */
    static @Nullable String vital(Vital vital, Vitals vitals) {
        Number value = vitals.value(vital);
        return value == null ? null : vital.label() + " " + vital.format(value.doubleValue()) + " " + vital.unit();
    }

    /** The recorded vitals in one line, values outside the usual range for the patient's age marked with ⚠. */
    static String vitalsLine(Vitals v, Age age) {
        List<String> parts = new ArrayList<>();
        if (v.bloodPressure() != null) {
            boolean flagged = Vital.SYSTOLIC.flag(v.systolic(), age).isPresent()
                    || Vital.DIASTOLIC.flag(v.diastolic(), age).isPresent();
            parts.add("BP " + v.bloodPressure() + " mmHg" + (flagged ? " ⚠" : ""));
        }
        for (Vital vital : List.of(Vital.PULSE, Vital.TEMPERATURE, Vital.SPO2, Vital.RESPIRATORY_RATE, Vital.WEIGHT,
                Vital.HEIGHT)) {
            String text = vital(vital, v);
            if (text != null) {
                parts.add(text + (vital.flag(v.value(vital), age).isPresent() ? " ⚠" : ""));
            }
        }
        Double bmi = v.bmi();
        if (bmi != null) {
            parts.add("BMI " + bmi + (ConsultationRules.bmiFlag(bmi, age).isPresent() ? " ⚠" : ""));
        }
        return parts.isEmpty() ? "No vitals recorded" : String.join(" · ", parts);
    }

    /** "Amoxicillin 500 mg — 1 capsule, three times a day, for 7 days; after food". */
    static String line(PrescriptionLine line) {
        String what = Stream.of(line.medicine(), line.strength()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(" "));
        String how = Stream.of(line.dose(), line.frequency(), line.duration() == null ? null : "for " + line.duration(),
                        line.quantity() == null ? null : "supply " + line.quantity())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", "));
        return what + (how.isEmpty() ? "" : " — " + how)
                + (line.instructions() == null || line.instructions().isBlank() ? "" : "; " + line.instructions());
    }
}
