package org.clinic.consultation;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The vital signs a consultation records, each with its unit, the range of values a living adult or child can
 * plausibly have (outside it the value is refused as a typing or measuring error) and the usual adult range
 * (outside it the value is flagged, never refused). The database repeats the plausible ranges as CHECK constraints.
 */
public enum Vital {
    SYSTOLIC("systolic", "Systolic", "mmHg", 50, 260, 90, 139, 0),
    DIASTOLIC("diastolic", "Diastolic", "mmHg", 30, 160, 60, 89, 0),
    PULSE("pulse", "Pulse", "/min", 20, 250, 50, 100, 0),
    TEMPERATURE("temperature", "Temperature", "°C", 30.0, 44.0, 35.5, 37.9, 1),
    SPO2("spo2", "SpO₂", "%", 50, 100, 94, 100, 0),
    RESPIRATORY_RATE("respiratoryRate", "Respiratory rate", "/min", 4, 60, 12, 20, 0),
    WEIGHT("weight", "Weight", "kg", 0.5, 350, 0.5, 350, 1),
    HEIGHT("height", "Height", "cm", 30, 250, 30, 250, 1);

    private final String field;
    private final String label;
    private final String unit;
    private final double min;
    private final double max;
    private final double normalLow;
    private final double normalHigh;
    private final int decimals;

    Vital(String field, String label, String unit, double min, double max, double normalLow, double normalHigh,
          int decimals) {
        this.field = field;
        this.label = label;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.normalLow = normalLow;
        this.normalHigh = normalHigh;
        this.decimals = decimals;
    }

    /** The name of the value in {@link Vitals} and in a {@link org.clinic.base.RuleViolation}. */
    public String field() {
        return field;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** 0 for whole numbers, 1 for one decimal place. */
    public int decimals() {
        return decimals;
    }

    /** The plausible range with its unit, e.g. "50–260 mmHg". */
    public String range() {
        return format(min) + "–" + format(max) + " " + unit;
    }

    /** The usual range with its unit, e.g. "90–139 mmHg". */
    public String normalRange() {
        return format(normalLow) + "–" + format(normalHigh) + " " + unit;
    }

    public String format(double value) {
        return decimals == 0 ? Long.toString(Math.round(value))
                : BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** Why a value cannot be recorded (malformed or implausible), with the range; empty when it can (or is empty). */
    public Optional<String> problem(@Nullable Number value) {
        if (value == null) {
            return Optional.empty();
        }
        double v = value.doubleValue();
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Optional.of(label + ": not a number; enter " + range());
        }
        if (decimals == 0 && v != Math.rint(v)) {
            return Optional.of(label + ": a whole number, " + range());
        }
        double rounded = round(v);
        if (rounded < min || rounded > max) {
            return Optional.of(label + " " + format(v) + " is not plausible; enter " + range());
        }
        return Optional.empty();
    }

    /** "Low" or "High" with the usual range, for a plausible value outside it; empty otherwise. */
    public Optional<String> flag(@Nullable Number value) {
        if (value == null || problem(value).isPresent()) {
            return Optional.empty();
        }
        double v = round(value.doubleValue());
        if (v < normalLow) {
            return Optional.of("Low (usual " + normalRange() + ")");
        }
        if (v > normalHigh) {
            return Optional.of("High (usual " + normalRange() + ")");
        }
        return Optional.empty();
    }

    double round(double value) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
