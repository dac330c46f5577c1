package org.clinic.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import org.clinic.base.ClinicDates;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Every date field of the clinic set up the same way, from {@link ClinicDates}: shown as "Wed 2 Dec 2026" (birth
 * dates as 03/12/1984), typed in the clinic's order (03/12/2026, 3.12.2026, 2026-12-03 all work), the format it
 * wants said in the empty field and its tooltip, and a message beside the field for a date it cannot read instead
 * of a silent red outline. Extra messages (too early, too late) are added through {@code more}.
 */
public final class DateFields {

    private DateFields() {
    }

    /** A date of a visit, a leave, a report: shown with its weekday. */
    public static DatePicker day(DatePicker picker) {
        return day(picker, UnaryOperator.identity());
    }

    public static DatePicker day(DatePicker picker, UnaryOperator<DatePicker.DatePickerI18n> more) {
        return configure(picker, ClinicDates.DATE_PATTERN, more);
    }

    /** A date of birth: shown and typed as numbers, no weekday. */
    public static DatePicker birthDate(DatePicker picker, UnaryOperator<DatePicker.DatePickerI18n> more) {
        return configure(picker, ClinicDates.dayFirst() ? "dd/MM/yyyy" : "MM/dd/yyyy", more);
    }

    /** The message beside a field holding something that is not a date. */
    public static String badInputMessage() {
        return "Not a real date: type it as " + ClinicDates.typedFormat() + ", for example " + example();
    }

    /**
     * How the field reads typed text (the browser does it with the same patterns): the display pattern first, then
     * {@link ClinicDates#typedPatterns()}. Empty when none reads it as a real date.
     */
    public static Optional<LocalDate> read(String typed, String displayPattern) {
        for (String pattern : patterns(displayPattern)) {
            try {
                return Optional.of(LocalDate.parse(typed.strip(), DateTimeFormatter.ofPattern(
                        pattern.replace("yyyy", "uuuu"), ClinicDates.LOCALE).withResolverStyle(ResolverStyle.STRICT)));
            } catch (DateTimeParseException unreadable) {
                // try the next pattern
            }
        }
        return Optional.empty();
    }

    private static DatePicker configure(DatePicker picker, String displayPattern,
                                        UnaryOperator<DatePicker.DatePickerI18n> more) {
        picker.setLocale(ClinicDates.LOCALE);
        List<String> typed = ClinicDates.typedPatterns().stream().filter(p -> !p.equals(displayPattern)).toList();
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n()
                .setDateFormats(displayPattern, typed.toArray(String[]::new))
                .setFirstDayOfWeek(1)
                .setBadInputErrorMessage(badInputMessage());
        picker.setI18n(more.apply(i18n));
        picker.setPlaceholder(ClinicDates.typedFormat());
        picker.setTooltipText("Type the date as " + ClinicDates.typedFormat() + " or pick it from the calendar");
        return picker;
    }

    private static List<String> patterns(String displayPattern) {
        List<String> all = new ArrayList<>();
        all.add(displayPattern);
        ClinicDates.typedPatterns().stream().filter(p -> !p.equals(displayPattern)).forEach(all::add);
        return all;
    }

    private static String example() {
        return ClinicDates.dayFirst() ? "03/12/2026" : "12/03/2026";
    }
}
