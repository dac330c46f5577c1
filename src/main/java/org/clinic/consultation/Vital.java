package org.clinic.consultation;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The vital signs a consultation records, each with its unit and the range of values a living adult or child can
 * plausibly have (outside it the value is refused as a typing or measuring error; the database repeats these ranges
 * as CHECK constraints). A plausible value outside the usual range for the patient's age is flagged, never refused:
 * see {@link VitalRanges}.
 */
public enum Vital {
    SYSTOLIC("systolic", "Systolic", "mmHg", 50, 260, 0),
    DIASTOLIC("diastolic", "Diastolic", "mmHg", 30, 160, 0),
    PULSE("pulse", "Pulse", "/min", 20, 250, 0),
    TEMPERATURE("temperature", "Temperature", "°C", 30.0, 44.0, 1),
    SPO2("spo2", "SpO₂", "%", 50, 100, 0),
    RESPIRATORY_RATE("respiratoryRate", "Respiratory rate", "/min", 4, 60, 0),
    WEIGHT("weight", "Weight", "kg", 0.5, 350, 1),
    HEIGHT("height", "Height", "cm", 30, 250, 1);

    private final String field;
    private final String label;
    private final String unit;
    private final double min;
    private final double max;
    private final int decimals;

    Vital(String field, String label, String unit, double min, double max, int decimals) {
        this.field = field;
        this.label = label;
        this.unit = unit;
        this.min = min;
        this.max = max;
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

    /** The usual range for the age band with its unit, e.g. "80–140 /min"; empty for weight and height. */
    public Optional<String> usualRange(AgeBand band) {
        return VitalRanges.usual(this, band).map(r -> format(r.low()) + "–" + format(r.high()) + " " + unit);
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

    /**
     * "Low" or "High" with the usual range for the patient's age band, e.g. "High (usual for a toddler 80–140 /min)",
     * for a plausible value outside it; empty otherwise (and always for weight and height).
     *
     * @param age the patient's age on the day the value was measured
     */
    public Optional<String> flag(@Nullable Number value, Age age) {
        if (value == null || problem(value).isPresent()) {
            return Optional.empty();
        }
        AgeBand band = age.band();
        Optional<VitalRanges.Range> usual = VitalRanges.usual(this, band);
        if (usual.isEmpty()) {
            return Optional.empty();
        }
        double v = round(value.doubleValue());
        String range = " (usual for " + band.who() + " " + usualRange(band).orElseThrow() + ")";
        if (v < usual.get().low()) {
            return Optional.of("Low" + range);
        }
        if (v > usual.get().high()) {
            return Optional.of("High" + range);
        }
        return Optional.empty();
    }

    double round(double value) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
