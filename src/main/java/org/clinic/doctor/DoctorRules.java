package org.clinic.doctor;

import org.clinic.base.Texts;
import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for a doctor's details, specialties, notes and holidays, in one place: the admin form checks each
 * field with them as it is typed, and {@link DoctorService} checks everything again (the database a third time).
 */
public final class DoctorRules {

    public static final int NAME_MAX = 100;
    public static final int SPECIALTY_MAX = 80;
    public static final int ROOM_MAX = 20;
    public static final int EMAIL_MAX = 254;
    public static final int REGISTRATION_MIN = 3;
    public static final int REGISTRATION_MAX = 30;
    public static final int NOTE_MAX = 200;
    public static final int HOLIDAY_NAME_MAX = 100;
    public static final int SLOT_MIN = 5;
    public static final int SLOT_MAX = 120;
    public static final int CAPACITY_MIN = 1;
    public static final int CAPACITY_MAX = 200;

    /** Letters, digits, single spaces and dashes, starting and ending with a letter or digit (as V073 holds). */
    private static final Pattern REGISTRATION = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9 -]*[A-Za-z0-9])?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\".]{2,}");

    private DoctorRules() {
    }

    public static Optional<String> nameProblem(@Nullable String value) {
        return text(value, 2, NAME_MAX, "Enter the doctor's name (2–" + NAME_MAX + " characters)");
    }

    public static Optional<String> specialtyNameProblem(@Nullable String value) {
        return text(value, 2, SPECIALTY_MAX, "2–" + SPECIALTY_MAX + " characters");
    }

    public static Optional<String> roomProblem(@Nullable String value) {
        return text(value, 1, ROOM_MAX, "Enter the room (at most " + ROOM_MAX + " characters)");
    }

    /**
     * The doctor's professional registration (GMC or medical council number), printed on every prescription for the
     * pharmacist to check: {@value #REGISTRATION_MIN}–{@value #REGISTRATION_MAX} letters, digits, spaces and dashes,
     * with at least one digit. Required whenever a doctor is added or edited; only doctors added before the rule
     * (V073) may have none until then.
     */
    public static Optional<String> registrationNumberProblem(@Nullable String value) {
        String cleaned = normalisedRegistrationNumber(value);
        if (cleaned.isEmpty()) {
            return Optional.of("Enter the registration number (GMC or medical council number)");
        }
        if (cleaned.length() < REGISTRATION_MIN || cleaned.length() > REGISTRATION_MAX) {
            return Optional.of("A registration number has " + REGISTRATION_MIN + "–" + REGISTRATION_MAX
                    + " characters");
        }
        if (!REGISTRATION.matcher(cleaned).matches() || Texts.hasInvisibleCharacters(value)) {
            return Optional.of("Use letters, digits, spaces and dashes only, e.g. GMC 7123456");
        }
        if (cleaned.chars().noneMatch(Character::isDigit)) {
            return Optional.of("A registration number contains digits, e.g. GMC 7123456");
        }
        return Optional.empty();
    }

    /** The registration number as stored: trimmed, inner spaces collapsed to one; empty when none was typed. */
    public static String normalisedRegistrationNumber(@Nullable String value) {
        String cleaned = Texts.clean(value);
        return cleaned == null ? "" : cleaned;
    }

    public static Optional<String> emailProblem(@Nullable String value) {
        String email = normalisedEmail(value);
        if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            return Optional.of("Not a valid email address");
        }
        return Optional.empty();
    }

    public static Optional<String> slotMinutesProblem(@Nullable Integer minutes) {
        return minutes == null || minutes < SLOT_MIN || minutes > SLOT_MAX
                ? Optional.of("A slot lasts " + SLOT_MIN + " to " + SLOT_MAX + " minutes") : Optional.empty();
    }

    public static Optional<String> dailyCapacityProblem(@Nullable Integer capacity) {
        return capacity == null || capacity < CAPACITY_MIN || capacity > CAPACITY_MAX
                ? Optional.of("Capacity must be at least " + CAPACITY_MIN + " patient a day (at most " + CAPACITY_MAX
                + ")") : Optional.empty();
    }

    /** An optional note on leave or an extra session. */
    public static Optional<String> noteProblem(@Nullable String value) {
        return Texts.clean(value) == null ? Optional.empty()
                : text(value, 1, NOTE_MAX, "At most " + NOTE_MAX + " characters");
    }

    public static Optional<String> holidayNameProblem(@Nullable String value) {
        return text(value, 2, HOLIDAY_NAME_MAX, "Name the holiday (2–" + HOLIDAY_NAME_MAX + " characters)");
    }

    static String normalisedEmail(@Nullable String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static Optional<String> text(@Nullable String value, int min, int max, String message) {
        String cleaned = Texts.clean(value);
        if (cleaned == null || cleaned.length() < min || cleaned.length() > max || Texts.hasInvisibleCharacters(value)
                || cleaned.contains("<") || cleaned.contains(">")) {
            return Optional.of(message);
        }
        return Optional.empty();
    }
}
