package org.clinic.doctor.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.doctor.DoctorRecord;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.WeeklyHours;
import org.clinic.doctor.WorkingSession;
import org.jspecify.annotations.Nullable;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The weekly hours of one doctor as an editor card: several sessions a day, checked as they are typed, "copy to
 * all weekdays" from any weekday, and one save that replaces the whole week (the service checks every day again and
 * writes all of it or nothing).
 */
final class WeekEditor extends Div {

    private final DoctorService doctors;
    private final Map<DayOfWeek, Div> dayRows = new EnumMap<>(DayOfWeek.class);
    private final Map<DayOfWeek, List<SessionRow>> sessions = new EnumMap<>(DayOfWeek.class);
    private final Span weekProblem = new Span();
    private final Span weekTotal = new Span();
    private final Span unsaved = new Span();
    private @Nullable DoctorRecord doctor;

    WeekEditor(DoctorService doctors) {
        this.doctors = doctors;
        addClassName("clinic-card");
        H3 title = new H3("Weekly hours");
        Paragraph hint = new Paragraph("Sessions repeat every week. A day may have several sessions; they may not "
                + "overlap. “Copy to weekdays” puts a day's sessions on every other weekday. Saving replaces the "
                + "whole week and applies to bookings from now on.");
        hint.addClassName("clinic-hint-inline");
        Div week = new Div();
        week.addClassName("clinic-week");
        week.setId("week-editor");
        for (DayOfWeek day : DayOfWeek.values()) {
            Span dayName = new Span(DoctorText.day(day));
            dayName.addClassName("clinic-week-day-name");
            Div rows = new Div();
            rows.addClassName("clinic-session-rows");
            dayRows.put(day, rows);
            sessions.put(day, new ArrayList<>());
            Div row = new Div(dayName, rows);
            row.addClassName("clinic-week-day");
            week.add(row);
        }
        weekProblem.addClassName("clinic-inline-error");
        weekProblem.setId("week-problem");
        weekProblem.getElement().setAttribute("role", "alert");
        weekTotal.addClassName("clinic-hint-inline");
        unsaved.addClassName("clinic-hint-inline");
        unsaved.setId("week-unsaved");
        Button save = new Button("Save weekly hours", new Icon(VaadinIcon.CHECK), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-week");
        Button undo = new Button("Undo changes", click -> load());
        undo.setId("undo-week");
        HorizontalLayout actions = new HorizontalLayout(save, undo, weekTotal, unsaved);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.addClassName("clinic-form-actions");
        add(title, hint, week, weekProblem, actions);
    }

    /** Shows the doctor's saved week, dropping any unsaved edits. */
    void show(DoctorRecord shown) {
        doctor = shown;
        load();
    }

    private DoctorRecord doctor() {
        return Objects.requireNonNull(doctor, "show(doctor) first");
    }

    private void load() {
        List<WorkingSession> week = doctors.weeklySessions(doctor().id());
        for (DayOfWeek day : DayOfWeek.values()) {
            fill(day, WeeklyHours.sessionsOn(week, day));
        }
        weekProblem.setText("");
        unsaved.setText("");
        weekTotal.setText(DoctorText.hoursPerWeek(week));
    }

    private void fill(DayOfWeek day, List<WorkingSession> daySessions) {
        sessions.get(day).clear();
        daySessions.forEach(s -> sessions.get(day).add(row(day, s.start(), s.end())));
        renderDay(day);
    }

    private SessionRow row(DayOfWeek day, @Nullable LocalTime from, @Nullable LocalTime to) {
        return new SessionRow(day, from, to, () -> checkDay(day, false), removed -> {
            sessions.get(day).remove(removed);
            renderDay(day);
            checkDay(day, false);
        });
    }

    private void renderDay(DayOfWeek day) {
        Div rows = dayRows.get(day);
        rows.removeAll();
        List<SessionRow> daySessions = sessions.get(day);
        for (int i = 0; i < daySessions.size(); i++) {
            daySessions.get(i).label(i + 1, daySessions.size());
            rows.add(daySessions.get(i).row);
        }
        if (daySessions.isEmpty()) {
            Span off = new Span("Not working");
            off.addClassName("clinic-hint-inline");
            rows.add(off);
        }
        String dayId = day.name().toLowerCase(Locale.ROOT);
        Button add = new Button("Add session", new Icon(VaadinIcon.PLUS), click -> {
            SessionRow added = row(day, suggestedStart(day), null);
            sessions.get(day).add(added);
            renderDay(day);
            added.start.focus();
        });
        add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        add.setAriaLabel("Add a session on " + DoctorText.day(day));
        add.setId("add-session-" + dayId);
        rows.add(add);
        if (!daySessions.isEmpty() && !WeeklyHours.copyTargets(day).isEmpty()) { // a weekday with hours to copy
            Button copy = new Button("Copy to weekdays", new Icon(VaadinIcon.COPY_O), click -> copyFrom(day));
            copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            copy.addClassName("clinic-copy-week");
            copy.setAriaLabel("Copy the hours of " + DoctorText.day(day) + " to every other weekday");
            copy.setTooltipText("Put these sessions on " + days(WeeklyHours.copyTargets(day)) + " too");
            copy.setId("copy-week-" + dayId);
            rows.add(copy);
        }
    }

    private @Nullable LocalTime suggestedStart(DayOfWeek day) {
        return sessions.get(day).stream().map(r -> r.end.getValue()).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(LocalTime.of(9, 0));
    }

    /**
     * Checks one day's sessions, marking each problem at its field; true when the day is fine. Overlaps are found by
     * the same rule the service refuses them with ({@link WeeklyHours#overlaps}).
     */
    private boolean checkDay(DayOfWeek day, boolean saving) {
        boolean ok = true;
        Map<WorkingSession, SessionRow> complete = new IdentityHashMap<>();
        for (SessionRow row : sessions.get(day)) {
            row.clearProblems();
            if (row.start.isInvalid() || row.start.getValue() == null) {
                ok = false;
                if (saving || row.start.isInvalid()) {
                    row.problem(row.start, "Enter a start time");
                }
            }
            if (row.end.isInvalid() || row.end.getValue() == null) {
                ok = false;
                if (saving || row.end.isInvalid()) {
                    row.problem(row.end, "Enter an end time");
                }
            }
            if (row.start.getValue() != null && row.end.getValue() != null) {
                if (!row.start.getValue().isBefore(row.end.getValue())) {
                    row.problem(row.end, "Must end after it starts");
                    ok = false;
                } else {
                    row.session().ifPresent(session -> complete.put(session, row));
                }
            }
        }
        for (WeeklyHours.Overlap overlap : WeeklyHours.overlaps(List.copyOf(complete.keySet()))) {
            SessionRow later = complete.get(overlap.later());
            later.problem(later.start, "Overlaps " + DoctorText.times(overlap.earlier().start(),
                    overlap.earlier().end()));
            ok = false;
        }
        return ok;
    }

    /** The sessions as typed; only complete ones (both times, in order). */
    private List<WorkingSession> typedWeek() {
        List<WorkingSession> week = new ArrayList<>();
        sessions.values().forEach(rows -> rows.forEach(r -> r.session().ifPresent(week::add)));
        return week;
    }

    /**
     * Copies the day's sessions, as typed, to every other weekday in the editor. Asks first when that replaces
     * different hours; nothing is saved until "Save weekly hours", which checks and writes the whole week at once.
     */
    private void copyFrom(DayOfWeek from) {
        weekProblem.setText("");
        if (!checkDay(from, true)) {
            weekProblem.setText("The sessions on " + DoctorText.day(from) + " need attention before they are "
                    + "copied. Nothing was copied.");
            return;
        }
        List<WorkingSession> week = typedWeek();
        if (WeeklyHours.sessionsOn(week, from).isEmpty()) {
            weekProblem.setText(DoctorText.day(from) + " has no sessions to copy. Nothing was copied.");
            return;
        }
        List<DayOfWeek> overwritten = WeeklyHours.overwrittenByCopy(week, from);
        if (overwritten.isEmpty()) {
            copy(week, from);
            return;
        }
        ConfirmDialog question = new ConfirmDialog();
        question.setId("copy-week-confirm");
        question.setHeader("Replace the hours of " + days(overwritten) + "?");
        question.setText("Copying " + DoctorText.day(from) + " (" + DoctorText.sessionsOf(from, week) + ") to "
                + days(WeeklyHours.copyTargets(from)) + " replaces " + overwritten.stream()
                .map(day -> DoctorText.day(day) + " (" + DoctorText.sessionsOf(day, week) + ")")
                .collect(Collectors.joining(", ")) + ". Nothing is saved until you save the weekly hours.");
        question.setCancelable(true);
        question.setConfirmText("Copy and replace");
        question.addConfirmListener(yes -> copy(week, from));
        question.open();
    }

    private void copy(List<WorkingSession> week, DayOfWeek from) {
        List<WorkingSession> copied = WeeklyHours.copiedToWeekdays(week, from);
        for (DayOfWeek day : WeeklyHours.copyTargets(from)) {
            fill(day, WeeklyHours.sessionsOn(copied, day));
            checkDay(day, false);
        }
        unsaved.setText(DoctorText.day(from) + "'s hours copied to " + days(WeeklyHours.copyTargets(from))
                + ": not saved yet");
    }

    private void save() {
        boolean ok = true;
        for (DayOfWeek day : DayOfWeek.values()) {
            ok &= checkDay(day, true);
        }
        if (!ok) {
            weekProblem.setText("Some sessions need attention: see the highlighted times. Nothing was saved.");
            return;
        }
        List<WorkingSession> week = typedWeek();
        try {
            doctors.setWeeklySessions(doctor().id(), week);
            FieldMessages.showSuccess("Weekly hours of " + doctor().displayName() + " saved");
            load();
        } catch (RuleViolation violation) {
            weekProblem.setText(violation.getMessage() + ". Nothing was saved.");
        }
    }

    /** "Tuesday–Friday" for a run of days, otherwise "Monday, Tuesday and Thursday". */
    private static String days(List<DayOfWeek> days) {
        if (days.size() > 2 && days.getLast().getValue() - days.getFirst().getValue() == days.size() - 1) {
            return DoctorText.day(days.getFirst()) + "–" + DoctorText.day(days.getLast());
        }
        List<String> names = days.stream().map(DoctorText::day).toList();
        return names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }
}
