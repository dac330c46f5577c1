package org.clinic.appointment.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentsChanged;
import org.clinic.appointment.DoctorWeek;
import org.clinic.appointment.FreeDay;
import org.clinic.base.ClinicDates;
import org.clinic.base.LiveUpdates;
import org.clinic.doctor.DoctorSummary;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * A week of free slots at a glance: one row per doctor, one column per day, each cell the number of slots that can
 * still be booked (before noon · from noon), "Full" or "Closed". Clicking a cell (or Enter on it) chooses that doctor
 * and day; Tab and the arrow keys move between cells. The counts come from {@link AppointmentQueries#freeWeek}, one
 * read for the whole week, by the same rule booking offers slots, and are read again live when any shown doctor's
 * shown day changes.
 */
@StyleSheet("styles/week-strip.css")
final class WeekStrip extends Div {

    static final int DAYS = 7;
    /**
     * Rows shown at most: a strip is read at a glance, and a specialty with more doctors than this is better narrowed
     * by choosing one (the chosen doctor is always among the rows; the others keep the specialty's order).
     */
    static final int MAX_DOCTORS = 12;
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE", ClinicDates.LOCALE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", ClinicDates.LOCALE);
    /** Arrow keys move the focus between cells: the cells carry their row and column. */
    private static final String ARROW_KEYS = """
            if (!this.__clinicArrows) {
              this.__clinicArrows = true;
              this.addEventListener('keydown', e => {
                const cell = e.target.closest('[data-col]');
                if (!cell) return;
                let row = +cell.dataset.row, col = +cell.dataset.col;
                if (e.key === 'ArrowRight') col++; else if (e.key === 'ArrowLeft') col--;
                else if (e.key === 'ArrowDown') row++; else if (e.key === 'ArrowUp') row--; else return;
                const next = this.querySelector('[data-row="' + row + '"][data-col="' + col + '"]');
                if (next) { next.focus(); e.preventDefault(); }
              });
            }""";

    private final AppointmentQueries appointments;
    private final LiveUpdates liveUpdates;
    private final Clock clock;
    private final BiConsumer<DoctorSummary, LocalDate> onPick;
    private final Span title = new Span();
    private final Span more = new Span();
    private final Button previous = new Button(new Icon(VaadinIcon.ANGLE_LEFT), click -> move(-DAYS));
    private final Button next = new Button(new Icon(VaadinIcon.ANGLE_RIGHT), click -> move(DAYS));
    private final Div grid = new Div();

    private List<DoctorSummary> doctors = List.of();
    private @Nullable LocalDate from;
    private @Nullable UUID chosenDoctor;
    private @Nullable LocalDate chosenDate;
    private @Nullable LocalDate lastWanted;
    /** While a cell's choice is applied: the week stays where it is. */
    private boolean picking;

    private com.vaadin.flow.shared.@Nullable Registration subscription;

    WeekStrip(AppointmentQueries appointments, LiveUpdates liveUpdates, Clock clock,
              BiConsumer<DoctorSummary, LocalDate> onPick) {
        this.appointments = appointments;
        this.liveUpdates = liveUpdates;
        this.clock = clock;
        this.onPick = onPick;
        addClassName("clinic-week-strip");
        setId("week-strip");
        title.addClassName("clinic-week-title");
        previous.setAriaLabel("Previous week");
        previous.setTooltipText("Previous week");
        previous.setId("week-previous");
        next.setAriaLabel("Next week");
        next.setTooltipText("Next week");
        next.setId("week-next");
        previous.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        next.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Span legend = new Span("Free slots: morning · afternoon");
        legend.addClassName("clinic-week-legend");
        more.addClassName("clinic-week-legend");
        more.setId("week-more-doctors");
        Div head = new Div(previous, title, next, legend, more);
        head.addClassName("clinic-week-head");
        grid.addClassName("clinic-week-grid");
        grid.getElement().setAttribute("role", "grid");
        add(head, grid);
        setVisible(false);
    }

    /**
     * Shows these doctors from {@code date} on, with the chosen doctor and day marked. The week moves to a date chosen
     * elsewhere (the date field), and stays where it is when a cell of it was clicked or the same date is redrawn.
     */
    void show(List<DoctorSummary> shown, @Nullable LocalDate date, @Nullable UUID doctor) {
        doctors = atMost(shown, doctor);
        int left = shown.size() - doctors.size();
        more.setText(left == 0 ? "" : left + (left == 1 ? " more doctor" : " more doctors") + ": choose one to see theirs");
        more.setVisible(left > 0);
        chosenDoctor = doctor;
        chosenDate = date;
        LocalDate today = LocalDate.now(clock);
        LocalDate wanted = date == null ? today : date;
        boolean inWeek = from != null && !wanted.isBefore(from) && wanted.isBefore(from.plusDays(DAYS));
        if (from == null || (picking ? !inWeek : !wanted.equals(lastWanted))) {
            from = wanted;
        }
        lastWanted = wanted;
        refresh();
    }

    /** The first {@link #MAX_DOCTORS} in order, the chosen one always included. */
    static List<DoctorSummary> atMost(List<DoctorSummary> all, @Nullable UUID chosen) {
        if (all.size() <= MAX_DOCTORS) {
            return List.copyOf(all);
        }
        List<DoctorSummary> rows = new ArrayList<>(all.subList(0, MAX_DOCTORS));
        if (chosen != null && rows.stream().noneMatch(d -> d.id().equals(chosen))) {
            all.stream().filter(d -> d.id().equals(chosen)).findFirst().ifPresent(d -> rows.set(MAX_DOCTORS - 1, d));
        }
        return List.copyOf(rows);
    }

    /** Reads the shown week again (a booking or cancellation changed it). */
    void refresh() {
        grid.removeAll();
        LocalDate start = from;
        setVisible(!doctors.isEmpty() && start != null);
        if (doctors.isEmpty() || start == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        previous.setEnabled(start.isAfter(today));
        title.setText(ClinicDates.date(start) + " – " + ClinicDates.date(start.plusDays(DAYS - 1L)));
        grid.getStyle().set("--clinic-week-days", Integer.toString(DAYS));
        Div corner = new Div(new Span("Doctor"));
        corner.addClassNames("clinic-week-corner", "clinic-week-colhead");
        grid.add(corner);
        for (int i = 0; i < DAYS; i++) {
            LocalDate day = start.plusDays(i);
            Div head = new Div(new Span(WEEKDAY.format(day)), new Span(DAY.format(day)));
            head.addClassName("clinic-week-colhead");
            head.setClassName("clinic-week-weekend", day.getDayOfWeek() == DayOfWeek.SATURDAY
                    || day.getDayOfWeek() == DayOfWeek.SUNDAY);
            head.setClassName("clinic-week-today", day.equals(today));
            grid.add(head);
        }
        List<DoctorWeek> weeks = appointments.freeWeek(doctors.stream().map(DoctorSummary::id).toList(), start, DAYS);
        int row = 0;
        for (DoctorWeek week : weeks) {
            Span name = new Span(week.doctor().displayName());
            name.addClassName("clinic-week-doctor-name");
            Span room = new Span("Room " + week.doctor().room());
            room.addClassName("clinic-week-doctor-room");
            Div rowHead = new Div(name, room);
            rowHead.addClassName("clinic-week-rowhead");
            rowHead.getElement().setAttribute("title", week.doctor().displayName());
            grid.add(rowHead);
            int col = 0;
            for (FreeDay day : week.days()) {
                grid.add(cell(week.doctor(), day, row, col++));
            }
            row++;
        }
    }

    private Button cell(DoctorSummary doctor, FreeDay day, int row, int col) {
        Button cell = new Button();
        cell.addClassName("clinic-week-cell");
        cell.addClassName("clinic-week-" + day.state().name().toLowerCase());
        cell.getElement().setAttribute("data-doctor", doctor.id().toString());
        cell.getElement().setAttribute("data-date", day.date().toString());
        cell.getElement().setAttribute("data-row", Integer.toString(row));
        cell.getElement().setAttribute("data-col", Integer.toString(col));
        String when = doctor.displayName() + ", " + ClinicDates.date(day.date()) + ": ";
        switch (day.state()) {
            case FREE -> {
                Span total = new Span(Integer.toString(day.free()));
                total.addClassName("clinic-week-count");
                Span split = new Span(day.morning() + " · " + day.afternoon());
                split.addClassName("clinic-week-split");
                cell.getElement().appendChild(total.getElement(), split.getElement());
                cell.setAriaLabel(when + day.free() + " free slots, " + day.morning() + " in the morning and "
                        + day.afternoon() + " in the afternoon");
            }
            case FULL -> {
                cell.setText("Full");
                cell.setAriaLabel(when + "fully booked");
            }
            case OVER -> {
                cell.setText("Over");
                cell.setAriaLabel(when + "no slot left today");
            }
            case CLOSED -> {
                cell.setText("Closed");
                cell.setAriaLabel(when + Objects.requireNonNullElse(day.why(), "closed"));
                cell.getElement().setAttribute("title", Objects.requireNonNullElse(day.why(), "Closed"));
            }
        }
        boolean chosen = doctor.id().equals(chosenDoctor) && day.date().equals(chosenDate);
        cell.setClassName("clinic-week-chosen", chosen);
        cell.getElement().setAttribute("aria-pressed", chosen ? "true" : "false");
        cell.addClickListener(click -> {
            chosenDoctor = doctor.id();
            chosenDate = day.date();
            picking = true;
            try {
                onPick.accept(doctor, day.date());
            } finally {
                picking = false;
            }
        });
        return cell;
    }

    private void move(int days) {
        if (from == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate moved = from.plusDays(days);
        from = moved.isBefore(today) ? today : moved;
        refresh();
    }

    /** Whether a change touches a cell on screen. */
    private boolean shows(AppointmentsChanged changed) {
        LocalDate start = from;
        return start != null && isVisible() && !changed.date().isBefore(start)
                && changed.date().isBefore(start.plusDays(DAYS))
                && doctors.stream().anyMatch(d -> d.id().equals(changed.doctorId()));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        grid.getElement().executeJs(ARROW_KEYS);
        subscription = liveUpdates.subscribe(attachEvent.getUI(), AppointmentsChanged.class, this::shows,
                this::refresh);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }
}
