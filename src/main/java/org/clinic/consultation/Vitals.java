package org.clinic.consultation;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Vital signs; any may be missing. Blood pressure in mmHg, pulse and respiratory rate per minute, temperature in °C,
 * SpO₂ in %, weight in kg, height in cm. See {@link Vital} for units and ranges.
 */
public record Vitals(@Nullable Integer systolic, @Nullable Integer diastolic, @Nullable Integer pulse,
                     @Nullable Double temperature, @Nullable Integer spo2, @Nullable Integer respiratoryRate,
                     @Nullable Double weight, @Nullable Double height) {

    public static final Vitals NONE = new Vitals(null, null, null, null, null, null, null, null);

    public @Nullable Number value(Vital vital) {
        return switch (vital) {
            case SYSTOLIC -> systolic;
            case DIASTOLIC -> diastolic;
            case PULSE -> pulse;
            case TEMPERATURE -> temperature;
            case SPO2 -> spo2;
            case RESPIRATORY_RATE -> respiratoryRate;
            case WEIGHT -> weight;
            case HEIGHT -> height;
        };
    }

    /** Body-mass index from weight and height, to one decimal; null unless both are there. */
    public @Nullable Double bmi() {
        return ConsultationRules.bmi(weight, height);
    }

    public boolean isEmpty() {
        return this.equals(NONE);
    }

    /** "120/80" when both are there. */
    public @Nullable String bloodPressure() {
        return systolic == null || diastolic == null ? null : systolic + "/" + diastolic;
    }

    static @Nullable Double rounded(@Nullable Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
