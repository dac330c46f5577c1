package org.clinic.consultation;

import org.jspecify.annotations.Nullable;

/** One medicine of a prescription, e.g. Amoxicillin · 500 mg · 1 capsule · three times a day · 7 days · after food. */
public record PrescriptionLine(@Nullable String medicine, @Nullable String strength, @Nullable String dose,
                               @Nullable String frequency, @Nullable String duration, @Nullable String instructions) {

    public static PrescriptionLine empty() {
        return new PrescriptionLine(null, null, null, null, null, null);
    }

    /** Nothing typed in any of its fields. */
    public boolean isBlank() {
        return blank(medicine) && blank(strength) && blank(dose) && blank(frequency) && blank(duration)
                && blank(instructions);
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
