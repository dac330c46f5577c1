package org.clinic.consultation;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a prescribed medicine is taken, read from the duration the doctor typed: "7 days", "2 weeks",
 * "1 month", "3 months", "for 10 days", "one week", "x5 days", and the clinicians' shorthand "5/7" (days), "2/52"
 * (weeks), "3/12" (months). "Stat", "once" and "single dose" last the day they are prescribed.
 * <p>
 * A duration that says the medicine goes on ("ongoing", "long term", "continue") or that cannot be read at all, or
 * none, is taken to last {@link #ASSUMED} from the day it was prescribed: long enough that a regular medicine
 * prescribed at the last visit is still listed, short enough that an old one drops off. Such a course is marked as
 * assumed, so the screen can say so.
 */
public record MedicationCourse(LocalDate from, LocalDate lastDay, boolean assumed) {

    /** How long a medicine without a readable end counts as current. */
    public static final Period ASSUMED = Period.ofDays(90);

    private static final Pattern AMOUNT = Pattern.compile(
            "^(?:for\\s+|x\\s*|×\\s*)?(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen)"
                    + "\\s*(d|days?|w|wks?|weeks?|m|mo|mths?|months?|y|yrs?|years?)"
                    + "(?:\\s+(?:course|only|then stop|then review))?\\.?$");
    private static final Pattern SHORTHAND = Pattern.compile("^(\\d{1,3})\\s*/\\s*(7|52|12)$");
    private static final Pattern SAME_DAY = Pattern.compile("^(stat|once|once only|single dose|one dose|1 dose)\\.?$");
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("twelve", 12), Map.entry("fourteen", 14));

    /** The course of a medicine prescribed on {@code from} for {@code duration}. */
    public static MedicationCourse of(@Nullable String duration, LocalDate from) {
        return length(duration)
                .map(length -> new MedicationCourse(from, from.plus(length).minusDays(1), false))
                .orElseGet(() -> new MedicationCourse(from, from.plus(ASSUMED).minusDays(1), true));
    }

    /** The length a duration names; empty when it names none (ongoing, unreadable, blank). */
    static Optional<Period> length(@Nullable String duration) {
        if (duration == null) {
            return Optional.empty();
        }
        String text = duration.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (SAME_DAY.matcher(text).matches()) {
            return Optional.of(Period.ofDays(1));
        }
        Matcher shorthand = SHORTHAND.matcher(text);
        if (shorthand.matches()) {
            int n = Integer.parseInt(shorthand.group(1));
            return positive(n, switch (shorthand.group(2)) {
                case "7" -> Period.ofDays(n);
                case "52" -> Period.ofWeeks(n);
                default -> Period.ofMonths(n);
            });
        }
        Matcher amount = AMOUNT.matcher(text);
        if (!amount.matches()) {
            return Optional.empty();
        }
        String number = amount.group(1);
        int n = WORDS.containsKey(number) ? WORDS.get(number) : Integer.parseInt(number);
        return positive(n, switch (amount.group(2).charAt(0)) {
            case 'd' -> Period.ofDays(n);
            case 'w' -> Period.ofWeeks(n);
            case 'm' -> Period.ofMonths(n);
            default -> Period.ofYears(n);
        });
    }

    /** Still being taken on {@code day}. */
    public boolean currentOn(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(lastDay);
    }

    private static Optional<Period> positive(int n, Period length) {
        return n <= 0 ? Optional.empty() : Optional.of(length);
    }
}
