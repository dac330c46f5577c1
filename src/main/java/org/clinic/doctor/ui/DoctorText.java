package org.clinic.doctor.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.timepicker.TimePicker;
import org.clinic.base.ui.DateFields;
import org.clinic.doctor.DateException;
import org.clinic.doctor.WorkingSession;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the doctor screens write times, dates and statuses, and the pickers they share. */
final class DoctorText {

    static final Locale CLINIC_LOCALE = Locale.UK; // 24-hour clock, day before month
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private DoctorText() {
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    static String time(LocalTime time) {
        return TIME.format(time);
    }

    static String times(LocalTime start, LocalTime end) {
        return time(start) + "–" + time(end);
    }

    static String day(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** "09:00–12:30 · 14:00–17:00", or "Not working". */
    static String sessionsOf(DayOfWeek day, List<WorkingSession> week) {
        String sessions = week.stream().filter(s -> s.day() == day).map(s -> times(s.start(), s.end()))
                .collect(Collectors.joining(" · "));
        return sessions.isEmpty() ? "Not working" : sessions;
    }

    static String hoursPerWeek(List<WorkingSession> week) {
        long minutes = week.stream().mapToLong(s -> Duration.between(s.start(), s.end()).toMinutes()).sum();
        return minutes % 60 == 0 ? minutes / 60 + " h a week" : minutes / 60 + " h " + minutes % 60 + " min a week";
    }

    static String when(DateException exception) {
        return exception.start() == null || exception.end() == null ? "All day"
                : times(exception.start(), exception.end());
    }

    static Span activeBadge(boolean active) {
        Span badge = new Span(active ? "Active" : "Inactive");
        badge.getElement().getThemeList().add(active ? "badge success" : "badge contrast");
        return badge;
    }

    static Span kindBadge(DateException.Kind kind) {
        Span badge = new Span(kind.label());
        badge.getElement().getThemeList().add(kind == DateException.Kind.LEAVE ? "badge error" : "badge");
        return badge;
    }

    /** The weekly hours as a read-only table: one line per weekday. */
    static Div week(List<WorkingSession> week) {
        Div table = new Div();
        table.addClassName("clinic-week");
        for (DayOfWeek day : DayOfWeek.values()) {
            Span name = new Span(day(day));
            name.addClassName("clinic-week-day-name");
            Span sessions = new Span(sessionsOf(day, week));
            if (week.stream().noneMatch(s -> s.day() == day)) {
                sessions.addClassName("clinic-hint-inline");
            }
            Div row = new Div(name, sessions);
            row.addClassName("clinic-week-day");
            table.add(row);
        }
        return table;
    }

    static TimePicker timePicker(String label) {
        TimePicker picker = new TimePicker(label);
        picker.setLocale(CLINIC_LOCALE);
        picker.setStep(Duration.ofMinutes(15));
        picker.setPlaceholder("hh:mm");
        return picker;
    }

    static DatePicker datePicker(String label, LocalDate today) {
        DatePicker picker = new DatePicker(label);
        picker.setMin(today);
        return DateFields.day(picker,
                i18n -> i18n.setMinErrorMessage("The date has passed: choose today or a later date"));
    }
}
