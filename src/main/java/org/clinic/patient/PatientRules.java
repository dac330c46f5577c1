package org.clinic.patient;

import org.clinic.base.PhoneNumbers;
import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The registry's rules for patient details, in one place: the form asks them field by field for immediate
 * feedback, the service asks them all again before writing, and the database repeats the vital ones as
 * constraints.
 */
@Component
public class PatientRules {

    public static final int MAX_AGE = 150;
    public static final int NAME_MIN = 2;
    public static final int NAME_MAX = 100;
    public static final int ADDRESS_MAX = 300;
    public static final int EMAIL_MAX = 254;

    /** Starts with a letter: a name cannot open with a combining accent, a dot or a hyphen. */
    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M} '’\\-.]*");
    /** In these scripts one character is a whole syllable or word, and a one-character name is common (王, 蓮). */
    private static final Pattern SINGLE_CHARACTER_NAME =
            Pattern.compile("[\\p{IsHan}\\p{IsHangul}\\p{IsHiragana}\\p{IsKatakana}]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\".]{2,}");

    private final Clock clock;
    private final PhoneNumbers phoneNumbers;

    PatientRules(Clock clock, PhoneNumbers phoneNumbers) {
        this.clock = clock;
        this.phoneNumbers = phoneNumbers;
    }

    public Optional<String> nameProblem(@Nullable String value) {
        String name = Texts.clean(value);
        if (name == null) {
            return Optional.of("Enter a name");
        }
        if (Texts.hasInvisibleCharacters(value)) {
            return Optional.of("Remove the invisible control characters");
        }
        int length = name.codePointCount(0, name.length());
        if (letters(name) < NAME_MIN && !SINGLE_CHARACTER_NAME.matcher(name).matches()) {
            return Optional.of("At least " + NAME_MIN + " letters");
        }
        if (length > NAME_MAX) {
            return Optional.of("At most " + NAME_MAX + " characters (this has " + length + ")");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("Use letters, spaces, apostrophes, hyphens and dots only");
        }
        return Optional.empty();
    }

    /** Letters only: accents, dots and hyphens do not make a name ("É." is one letter, two lone accents none). */
    private static long letters(String name) {
        return name.codePoints().filter(Character::isLetter).count();
    }

    public Optional<String> birthDateProblem(@Nullable LocalDate birthDate) {
        if (birthDate == null) {
            return Optional.of("Enter the date of birth, or the age if the date is not known");
        }
        LocalDate today = LocalDate.now(clock);
        if (birthDate.isAfter(today)) {
            return Optional.of("The date of birth cannot be in the future");
        }
        if (birthDate.isBefore(today.minusYears(MAX_AGE + 1).plusDays(1))) {
            return Optional.of("That would make the patient older than " + MAX_AGE + " years");
        }
        return Optional.empty();
    }

    public Optional<String> ageProblem(@Nullable Integer age) {
        if (age == null) {
            return Optional.of("Enter the age in years");
        }
        if (age < 0 || age > MAX_AGE) {
            return Optional.of("Age must be between 0 and " + MAX_AGE + " years");
        }
        return Optional.empty();
    }

    /** The birth date recorded for a patient whose age is known but not the date: 1 January of the birth year. */
    public LocalDate estimatedBirthDate(int ageInYears) {
        return LocalDate.now(clock).minusYears(ageInYears).withDayOfYear(1);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public int ageOn(LocalDate birthDate) {
        return java.time.Period.between(birthDate, LocalDate.now(clock)).getYears();
    }

    public Optional<String> sexProblem(@Nullable Sex sex) {
        return sex == null ? Optional.of("Choose one") : Optional.empty();
    }

    public Optional<String> phoneProblem(@Nullable String phone) {
        if (Texts.clean(phone) == null) {
            return Optional.empty();
        }
        return phoneNumbers.toE164(phone).isPresent() ? Optional.empty()
                : Optional.of("Not a valid phone number (for example 020 7946 0123 or +44 20 7946 0123)");
    }

    Optional<String> phoneE164(@Nullable String phone) {
        return phoneNumbers.toE164(phone);
    }

    public Optional<String> emailProblem(@Nullable String email) {
        String cleaned = Texts.clean(email);
        if (cleaned == null) {
            return Optional.empty();
        }
        if (cleaned.length() > EMAIL_MAX || Texts.hasInvisibleCharacters(email) || !EMAIL.matcher(cleaned).matches()) {
            return Optional.of("Not a valid email address (for example name@example.org)");
        }
        return Optional.empty();
    }

    public Optional<String> addressProblem(@Nullable String address) {
        String cleaned = Texts.clean(address);
        if (cleaned == null) {
            return Optional.empty();
        }
        if (Texts.hasInvisibleCharacters(address.replace('\n', ' '))) {
            return Optional.of("Remove the invisible control characters");
        }
        if (cleaned.codePointCount(0, cleaned.length()) > ADDRESS_MAX) {
            return Optional.of("At most " + ADDRESS_MAX + " characters");
        }
        if (cleaned.contains("<") || cleaned.contains(">")) {
            return Optional.of("Remove the < and > characters");
        }
        return Optional.empty();
    }

    /**
     * The details cleaned (trimmed, single spaces, phone in E.164, email in lower case), or a violation listing
     * every problem by field.
     */
    PatientDetails check(PatientDetails details) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        nameProblem(details.givenName()).ifPresent(p -> problems.add(new RuleViolation.Problem("givenName", p)));
        nameProblem(details.familyName()).ifPresent(p -> problems.add(new RuleViolation.Problem("familyName", p)));
        birthDateProblem(details.birthDate()).ifPresent(p -> problems.add(new RuleViolation.Problem("birthDate", p)));
        sexProblem(details.sex()).ifPresent(p -> problems.add(new RuleViolation.Problem("sex", p)));
        phoneProblem(details.phone()).ifPresent(p -> problems.add(new RuleViolation.Problem("phone", p)));
        emailProblem(details.email()).ifPresent(p -> problems.add(new RuleViolation.Problem("email", p)));
        addressProblem(details.address()).ifPresent(p -> problems.add(new RuleViolation.Problem("address", p)));
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        String email = Texts.clean(details.email());
        return new PatientDetails(
                Texts.clean(details.givenName()),
                Texts.clean(details.familyName()),
                details.birthDate(),
                details.birthDateEstimated(),
                details.sex(),
                phoneNumbers.toE164(details.phone()).orElse(null),
                email == null ? null : email.toLowerCase(java.util.Locale.ROOT),
                Texts.clean(details.address()));
    }
}
