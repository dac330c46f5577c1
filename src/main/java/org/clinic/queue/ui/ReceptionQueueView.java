package org.clinic.queue.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.AppointmentsChanged;
import org.clinic.base.ClinicIdentitySource;
import org.clinic.base.LiveUpdates;
import org.clinic.base.PublicLinks;
import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.queue.LineBoard;
import org.clinic.queue.QueueChanged;
import org.clinic.queue.QueueEntryView;
import org.clinic.queue.QueuePositions;
import org.clinic.queue.QueueBoards;
import org.clinic.queue.QueueService;
import org.clinic.queue.Ticket;
import org.clinic.security.Role;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The reception dashboard: today's arrivals to check in with one click, walk-ins, and every doctor's queue side
 * by side (now serving, who waits, for how long, in which order). Live: every check-in, call and move anywhere shows
 * at once; waiting times tick on every half minute.
 */
@Route("queue")
@PageTitle("Reception · Clinic")
@Menu(title = "Reception", order = 5, icon = "vaadin:clipboard-user")
@RolesAllowed({Role.RECEPTIONIST_NAME, Role.ADMIN_NAME})
public class ReceptionQueueView extends Main {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ClinicIdentitySource clinic;
    private final QueueService queue;
    private final QueueBoards queueBoards;
    private final AppointmentService appointments;
    private final LiveUpdates liveUpdates;
    private final Clock clock;
    private final QueueActions actions;
    private final QueuePositions positions;
    private final PublicLinks links;
    private final List<DoctorSummary> doctorList;

    private final TextField arrivalFilter = new TextField();
    private final Div arrivals = new Div();
    private final Span arrivalCount = new Span();
    /** The arrivals listed now whose check-in window is open (Enter in the filter checks in a single one). */
    private final List<AppointmentSummary> checkInOpen = new ArrayList<>();
    private int listedArrivals;
    private final Div boards = new Div();
    private final java.util.Map<String, Div> cards = new java.util.HashMap<>();
    private final java.util.Map<String, String> shown = new java.util.HashMap<>();
    private List<String> shownOrder = List.of();
    private final List<Registration> registrations = new ArrayList<>();

    public ReceptionQueueView(QueueService queue, QueueBoards queueBoards, AppointmentService appointments, DoctorService doctors,
                              PatientService patients, LiveUpdates liveUpdates, Clock clock,
                              QueuePositions positions, PublicLinks links, ClinicIdentitySource clinic) {
        this.clinic = clinic;
        this.queue = queue;
        this.queueBoards = queueBoards;
        this.positions = positions;
        this.links = links;
        this.appointments = appointments;
        this.liveUpdates = liveUpdates;
        this.clock = clock;
        this.actions = new QueueActions(queue, this::refresh);
        this.doctorList = doctors.doctors();
        addClassName("clinic-page");
        addClassName("clinic-reception");

        Button walkIn = new Button("Walk-in", new Icon(VaadinIcon.PLUS),
                click -> new WalkInDialog(queue, doctors, patients, ticket -> {
                    showTicket(ticket);
                    refresh();
                }).open());
        walkIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        walkIn.setId("walk-in");
        walkIn.setTooltipText("Add a walk-in to a queue (Alt+W)"); // keys: scripts/desk-shortcuts.js (MainLayout)
        Span today = new Span(DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH).format(LocalDate.now(clock)));
        today.addClassName("clinic-reception-date");
        HorizontalLayout toolbar = new HorizontalLayout(today, walkIn);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        toolbar.setWidthFull();

        arrivalFilter.setPlaceholder("Find an arrival: name or MRN");
        arrivalFilter.setClearButtonVisible(true);
        arrivalFilter.setValueChangeMode(ValueChangeMode.LAZY);
        arrivalFilter.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        arrivalFilter.setId("arrival-filter");
        arrivalFilter.addValueChangeListener(e -> refreshArrivals());
        // Keyboard check-in: type a name, MRN or booking code, Enter checks in the one arrival it leaves.
        arrivalFilter.setTooltipText("Enter checks in the only arrival found (Alt+A to come here)");
        arrivalFilter.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, enter -> checkInOnlyMatch());
        arrivalFilter.setWidthFull();
        arrivals.addClassName("clinic-arrivals");
        arrivals.setId("arrivals");
        arrivalCount.addClassName("clinic-hint");
        H3 arrivalsTitle = new H3("Arrivals to check in");
        Div arrivalsCard = new Div(arrivalsTitle, arrivalCount, arrivalFilter, arrivals);
        arrivalsCard.addClassNames("clinic-card", "clinic-arrivals-card");

        boards.addClassName("clinic-boards");
        boards.setId("queue-boards");
        Div layout = new Div(arrivalsCard, boards);
        layout.addClassName("clinic-reception-layout");
        add(toolbar, layout);
    }

    private void refresh() {
        refreshArrivals();
        refreshBoards(false);
    }

    private void refreshArrivals() {
        LocalDate today = LocalDate.now(clock);
        String filter = arrivalFilter.getValue().strip().toLowerCase(Locale.ROOT);
        // A patient already in a doctor's queue today (a walk-in before their booked slot) is no arrival to check in.
        java.util.Set<String> queued = new java.util.HashSet<>();
        for (LineBoard board : queueBoards.boards()) {
            java.util.stream.Stream.concat(board.current().stream(), board.waiting().stream()).forEach(e -> {
                UUID doctorId = e.doctorId() != null ? e.doctorId() : board.doctor() == null ? null : board.doctor().id();
                queued.add(e.patientId() + "/" + doctorId);
            });
        }
        List<AppointmentSummary> waiting = appointments.allOn(today).stream()
                .filter(a -> a.status() == AppointmentStatus.SCHEDULED)
                .filter(a -> !queued.contains(a.patientId() + "/" + a.doctorId()))
                .filter(a -> filter.isEmpty() || a.patientName().toLowerCase(Locale.ROOT).contains(filter)
                        || a.patientMrn().contains(filter.replace("-", ""))
                        || a.bookingCode().equalsIgnoreCase(filter.replaceAll("[\\s-]", "")))
                .toList();
        java.time.Duration earlyArrival = queue.settings().earlyArrival();
        arrivals.removeAll();
        checkInOpen.clear();
        listedArrivals = waiting.size();
        arrivalCount.setText(waiting.isEmpty() ? "Everyone booked for today has arrived or been handled."
                : waiting.size() + " booked patients not yet checked in");
        for (AppointmentSummary a : waiting) {
            Span time = new Span(TIME.format(a.start()));
            time.addClassName("clinic-arrival-time");
            Span name = new Span(a.patientName());
            name.addClassName("clinic-patient-name");
            Span with = new Span(a.doctorName() + " · room " + a.room() + " · booking " + a.bookingCode());
            with.addClassName("clinic-hint");
            Div who = new Div(name, with);
            who.addClassName("clinic-two-line");
            // Before the early-arrival window the row says when check-in opens instead of offering a refusal.
            java.time.LocalTime opens = a.start().minus(earlyArrival);
            Div row;
            if (!opens.isAfter(a.start()) && java.time.LocalTime.now(clock).isBefore(opens)) {
                Span from = new Span("Check in from " + TIME.format(opens));
                from.addClassNames("clinic-hint", "clinic-arrival-opens");
                from.getElement().setAttribute("data-appointment-opens", a.id().toString());
                row = new Div(time, who, from);
            } else {
                checkInOpen.add(a);
                Button checkIn = new Button("Check in", click -> checkIn(a));
                checkIn.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
                checkIn.getElement().setAttribute("data-appointment", a.id().toString());
                row = new Div(time, who, checkIn);
            }
            row.addClassName("clinic-arrival");
            arrivals.add(row);
        }
    }

    /** Enter in the arrivals filter: checks in the arrival it leaves, if exactly one can be checked in now. */
    private void checkInOnlyMatch() {
        refreshArrivals(); // the filter's lazy value change may not have run yet
        if (checkInOpen.size() == 1 && listedArrivals == 1) {
            checkIn(checkInOpen.getFirst());
        } else if (!arrivalFilter.getValue().isBlank()) {
            FieldMessages.showError(checkInOpen.isEmpty() ? "No arrival found that can be checked in now"
                    : "Several arrivals listed: type more of the name, the MRN or the booking code");
        }
    }

    private void checkIn(AppointmentSummary appointment) {
        try {
            showTicket(queue.checkIn(appointment.id()));
        } catch (RuleViolation | NotFoundException refused) {
            FieldMessages.showError(refused.getMessage());
        }
        refresh();
    }

    /** The ticket with its visit link: the QR code the patient follows their place with. */
    private void showTicket(Ticket ticket) {
        String code = positions.visitCode(ticket.entryId());
        TicketDialog.open(ticket, clinic.current(), clock.getZone(), links.visit(code), links.visitShort(code));
    }

    /**
     * Redraws the queues that changed; with {@code everything}, all of them (the waiting times have moved on). A
     * clinic-wide dashboard is pushed on every change anywhere, so unchanged cards are not rebuilt or re-sent.
     */
    private void refreshBoards(boolean everything) {
        List<LineBoard> now = queueBoards.boards();
        List<String> order = now.stream().map(LineBoard::line).toList();
        if (!order.equals(shownOrder)) {
            boards.removeAll();
            cards.clear();
            shown.clear();
            shownOrder = order;
        }
        for (LineBoard board : now) {
            String signature = signature(board);
            if (!everything && signature.equals(shown.get(board.line()))) {
                continue;
            }
            Div card = board(board);
            Div old = cards.put(board.line(), card);
            if (old != null) {
                boards.replace(old, card);
            } else {
                boards.add(card);
            }
            shown.put(board.line(), signature);
        }
    }

    /** What a card shows, apart from the ticking waiting times. */
    private static String signature(LineBoard board) {
        StringBuilder text = new StringBuilder(board.title()).append('|').append(board.done()).append('|')
                .append(board.noShows()).append('|').append(board.averageConsultation());
        java.util.stream.Stream.concat(board.current().stream(), board.waiting().stream()).forEach(e -> text.append('|')
                .append(e.id()).append(e.status()).append(e.position()).append(e.lane()).append(e.skips())
                .append(e.longWait()).append(e.patientName()));
        return text.toString();
    }

    private Div board(LineBoard board) {
        Div card = new Div();
        card.addClassName("clinic-board");
        card.getElement().setAttribute("data-line", board.line());
        Span title = new Span(board.title());
        title.addClassName("clinic-board-title");
        Span room = new Span(board.room().isEmpty() ? "walk-ins" : "Room " + board.room());
        room.addClassName("clinic-board-room");
        Span counts = new Span(board.waiting().size() + " waiting · " + board.done() + " seen"
                + (board.noShows() > 0 ? " · " + board.noShows() + " no-show" : "")
                + (board.doctor() == null ? "" : " · ~" + QueueText.minutes(board.averageConsultation()) + " each"));
        counts.addClassName("clinic-hint");
        Div header = new Div(new Div(title, room), counts);
        header.addClassName("clinic-board-header");
        card.add(header);

        Div serving = new Div();
        serving.addClassName("clinic-board-serving");
        if (board.current().isEmpty()) {
            Span idle = new Span(board.doctor() == null ? "Called by the next free doctor" : "Nobody called");
            idle.addClassName("clinic-hint");
            serving.add(idle);
        }
        for (QueueEntryView current : board.current()) {
            Span label = new Span(current.status().label());
            label.addClassName("clinic-board-serving-label");
            Span name = new Span(current.patientName());
            name.addClassName("clinic-patient-name");
            serving.add(label, QueueText.token(current.token()), name, actions.buttons(current, doctorList));
        }
        card.add(serving);

        Div list = new Div();
        list.addClassName("clinic-board-list");
        if (board.waiting().isEmpty()) {
            Span empty = new Span("No one waiting");
            empty.addClassName("clinic-hint");
            list.add(empty);
        }
        for (QueueEntryView entry : board.waiting()) {
            Span position = new Span(Integer.toString(entry.position()));
            position.addClassName("clinic-position");
            Span name = new Span(entry.patientName());
            name.addClassName("clinic-patient-name");
            Div who = new Div(name);
            who.addClassName("clinic-two-line");
            if (entry.walkIn() || entry.lane() != org.clinic.queue.Lane.REGULAR) {
                Div tags = new Div();
                tags.addClassName("clinic-tags");
                if (entry.lane() != org.clinic.queue.Lane.REGULAR) {
                    tags.add(QueueText.lane(entry));
                }
                if (entry.walkIn()) {
                    Span walkIn = new Span("Walk-in");
                    walkIn.getElement().getThemeList().add("badge");
                    tags.add(walkIn);
                }
                who.add(tags);
            }
            Div row = new Div(position, QueueText.token(entry.token()), who, QueueText.waited(entry),
                    actions.buttons(entry, doctorList));
            row.addClassName("clinic-board-row");
            if (entry.longWait()) {
                row.addClassName("clinic-board-row-long");
            }
            list.add(row);
        }
        card.add(list);
        return card;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        refresh();
        LocalDate today = LocalDate.now(clock);
        registrations.add(liveUpdates.subscribe(attachEvent.getUI(), QueueChanged.class,
                changed -> changed.date().equals(today), () -> refreshBoards(false)));
        registrations.add(liveUpdates.subscribe(attachEvent.getUI(), AppointmentsChanged.class,
                changed -> today.equals(changed.date()), this::refreshArrivals));
        // Waiting times move on by themselves: a light refresh every half minute.
        attachEvent.getUI().setPollInterval(30_000);
        registrations.add(attachEvent.getUI().addPollListener(poll -> refreshBoards(true)));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        registrations.forEach(Registration::remove);
        registrations.clear();
        detachEvent.getUI().setPollInterval(-1);
    }
}
