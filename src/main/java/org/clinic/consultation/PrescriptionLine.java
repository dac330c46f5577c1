package org.clinic.consultation;

import org.jspecify.annotations.Nullable;

/**
 * One medicine of a prescription, e.g. Amoxicillin · 500 mg · 1 capsule · three times a day · 7 days · 21 capsules
 * · after food.
 *
 * @param quantity        how much the pharmacist hands out, e.g. "21 capsules" or "1 tube"
 * @param allergyOverride why the doctor prescribes this medicine although it matches one of the patient's active
 *                        allergies; empty when it matches none
 */
public record PrescriptionLine(@Nullable String medicine, @Nullable String strength, @Nullable String dose,
                               @Nullable String frequency, @Nullable String duration, @Nullable String quantity,
                               @Nullable String instructions, @Nullable String allergyOverride) {

    /** A line without a quantity or an allergy override. */
    public PrescriptionLine(@Nullable String medicine, @Nullable String strength, @Nullable String dose,
                            @Nullable String frequency, @Nullable String duration, @Nullable String instructions) {
        this(medicine, strength, dose, frequency, duration, null, instructions, null);
    }

    public static PrescriptionLine empty() {
        return new PrescriptionLine(null, null, null, null, null, null, null, null);
    }

    /** Nothing typed in any of its fields (an override reason alone does not make a line). */
    public boolean isBlank() {
        return blank(medicine) && blank(strength) && blank(dose) && blank(frequency) && blank(duration)
                && blank(quantity) && blank(instructions);
    }

    /** The same line with another allergy override reason. */
    public PrescriptionLine withAllergyOverride(@Nullable String reason) {
        return new PrescriptionLine(medicine, strength, dose, frequency, duration, quantity, instructions, reason);
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
