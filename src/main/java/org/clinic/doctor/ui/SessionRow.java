package org.clinic.doctor.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.timepicker.TimePicker;
import org.clinic.doctor.WorkingSession;
import org.jspecify.annotations.Nullable;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Optional;
import java.util.function.Consumer;

/** One weekly session in the hours editor: its two time pickers and a remove button. */
final class SessionRow {

    final TimePicker start = DoctorText.timePicker("");
    final TimePicker end = DoctorText.timePicker("");
    final Div row;
    private final DayOfWeek day;

    /**
     * @param changed runs after either time changes (the editor checks the day again)
     * @param removed runs when the remove button is pressed, with this row
     */
    SessionRow(DayOfWeek day, @Nullable LocalTime from, @Nullable LocalTime to, Runnable changed,
               Consumer<SessionRow> removed) {
        this.day = day;
        start.setValue(from);
        end.setValue(to);
        start.addClassName("clinic-session-time");
        end.addClassName("clinic-session-time");
        start.addValueChangeListener(change -> changed.run());
        end.addValueChangeListener(change -> changed.run());
        Span dash = new Span("to");
        dash.addClassName("clinic-hint-inline");
        Button remove = new Button(new Icon(VaadinIcon.CLOSE_SMALL), click -> removed.accept(this));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove this session on " + DoctorText.day(day));
        remove.setTooltipText("Remove session");
        row = new Div(start, dash, end, remove);
        row.addClassName("clinic-session-row");
    }

    /** The session these pickers hold, when both times are there and in order. */
    Optional<WorkingSession> session() {
        LocalTime from = start.getValue();
        LocalTime to = end.getValue();
        return from != null && to != null && from.isBefore(to) ? Optional.of(new WorkingSession(day, from, to))
                : Optional.empty();
    }

    void label(int number, int of) {
        String which = of == 1 ? DoctorText.day(day) : DoctorText.day(day) + " session " + number;
        start.setAriaLabel(which + " starts");
        end.setAriaLabel(which + " ends");
    }

    void clearProblems() {
        start.setInvalid(false);
        end.setInvalid(false);
    }

    void problem(TimePicker picker, String message) {
        picker.setErrorMessage(message);
        picker.setInvalid(true);
    }
}
