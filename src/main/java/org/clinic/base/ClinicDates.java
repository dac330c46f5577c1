package org.clinic.base;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * How the clinic writes and reads dates, in one place for screens, messages and typed dates: "Wed 2 Dec 2026",
 * "Wed 2 Dec 2026 at 08:00", and typed dates in the order of the clinic's locale (day before month in en-GB).
 * Screens and messages that show a date to a person go through here, never through {@code LocalDate.toString()}.
 */
public final class ClinicDates {

    /** The clinic's locale: British English, day before month, 24-hour clock. */
    public static final Locale LOCALE = Locale.UK;
    /** The pattern dates are shown in (also the date pickers' display format). */
    public static final String DATE_PATTERN = "EEE d MMM yyyy";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(DATE_PATTERN, LOCALE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", LOCALE);

    private ClinicDates() {
    }

    /** "Wed 2 Dec 2026". */
    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** "08:00". */
    public static String time(LocalTime time) {
        return TIME.format(time);
    }

    /** "Wed 2 Dec 2026 at 08:00". */
    public static String dateAndTime(LocalDate date, LocalTime time) {
        return date(date) + " at " + time(time);
    }

    /** "Wed 2 Dec 2026 at 08:00". */
    public static String dateAndTime(LocalDateTime when) {
        return dateAndTime(when.toLocalDate(), when.toLocalTime());
    }

    /** Whether the clinic's locale writes the day before the month (03/12/2026 is 3 December). */
    public static boolean dayFirst() {
        String shortPattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, LOCALE);
        return shortPattern.indexOf('d') < shortPattern.indexOf('M');
    }

    /**
     * The patterns a person may type a date in, besides the display pattern: numbers in the locale's order with
     * a slash, dot or dash, and ISO (2026-12-03). Patterns use the letters of {@link DateTimeFormatter}, which the
     * date picker reads the same way.
     */
    public static List<String> typedPatterns() {
        return dayFirst()
                ? List.of("d/M/yyyy", "dd/MM/yyyy", "d.M.yyyy", "d-M-yyyy", "yyyy-MM-dd")
                : List.of("M/d/yyyy", "MM/dd/yyyy", "M.d.yyyy", "M-d-yyyy", "yyyy-MM-dd");
    }

    /** What a person is told to type: "DD/MM/YYYY" (or "MM/DD/YYYY"). */
    public static String typedFormat() {
        return dayFirst() ? "DD/MM/YYYY" : "MM/DD/YYYY";
    }
}
