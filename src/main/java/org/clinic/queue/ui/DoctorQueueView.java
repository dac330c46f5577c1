package org.clinic.queue.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.LiveUpdates;
import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.queue.LineBoard;
import org.clinic.queue.QueueChanged;
import org.clinic.queue.QueueEntryView;
import org.clinic.queue.QueueBoards;
import org.clinic.queue.QueueService;
import org.clinic.queue.QueueStatus;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A doctor's queue: who is next, a big Call next, the patient now called or in the room (Start consultation and
 * Open consultation lead to the consultation screen, where completing it finishes the visit; Recall, Not present),
 * a link to the patient's history, and everyone waiting with token, priority, time waited and reason for the visit.
 * A doctor sees only their own queue; reception may open any doctor's. Live.
 */
@Route("my-queue")
@PageTitle("Queue · Clinic")
@Menu(title = "Doctor's queue", order = 6, icon = "vaadin:doctor")
@RolesAllowed({Role.DOCTOR_NAME, Role.RECEPTIONIST_NAME, Role.ADMIN_NAME})
@com.vaadin.flow.component.dependency.StyleSheet("styles/safety.css") // the allergy and alert badges
public class DoctorQueueView extends Main implements BeforeEnterObserver {

    private final QueueService queue;
    private final QueueBoards boards;
    private final LiveUpdates liveUpdates;
    private final Clock clock;
    private final QueueActions actions;
    private final List<DoctorSummary> doctorList;
    private final @Nullable DoctorSummary me;
    private final boolean frontDesk;

    private final Select<DoctorSummary> doctor = new Select<>();
    private final H2 title = new H2();
    private final Span summary = new Span();
    private final Button callNext = new Button("Call next", new Icon(VaadinIcon.MEGAPHONE));
    /** Why Call next is greyed out, beside it (a disabled button's tooltip is not always shown). */
    private final Span callNextWhy = new Span();
    private final Button undo = new Button("Undo", new Icon(VaadinIcon.ROTATE_LEFT));
    private final Div now = new Div();
    private final Grid<QueueEntryView> waiting = new Grid<>();
    private final List<Registration> registrations = new ArrayList<>();
    private @Nullable DoctorSummary shown;
    private int longestToken;
    private final QueueSafetyBadges safety;

    public DoctorQueueView(QueueService queue, QueueBoards boards, DoctorService doctors, LiveUpdates liveUpdates, Clock clock,
                           com.vaadin.flow.spring.security.AuthenticationContext authentication,
                           org.clinic.clinical.SafetyRecords safetyRecords) {
        this.queue = queue;
        this.boards = boards;
        this.liveUpdates = liveUpdates;
        this.clock = clock;
        this.actions = new QueueActions(queue, this::refresh);
        this.doctorList = doctors.doctors();
        this.me = boards.signedInDoctor().orElse(null);
        this.frontDesk = authentication.hasAnyRole(Role.RECEPTIONIST_NAME, Role.ADMIN_NAME);
        this.safety = new QueueSafetyBadges(safetyRecords, authentication.hasRole(Role.DOCTOR_NAME));
        addClassName("clinic-page");
        addClassName("clinic-doctor-queue");

        doctor.setLabel("Doctor");
        doctor.setId("queue-doctor");
        doctor.setItems(doctorList);
        doctor.setItemLabelGenerator(d -> d.displayName() + " · room " + d.room());
        doctor.setVisible(me == null && frontDesk);
        doctor.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(DoctorQueueView.class,
                        QueryParameters.of("doctor", e.getValue().id().toString())));
            }
        });

        callNext.setId("call-next");
        callNext.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        callNext.addClassName("clinic-call-next");
        callNext.addClickListener(click -> callNext());
        callNext.addClickShortcut(Key.F2);
        callNext.setTooltipText("F2");
        undo.setId("undo");
        undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        undo.setTooltipText("Undo your last call, skip, no-show, return, transfer or priority change ("
                + queue.settings().undoWindow().toSeconds() + " s)");
        undo.addClickListener(click -> {
            if (shown != null) {
                actions.run(() -> FieldMessages.showSuccess(queue.undoLast(shown.id())));
            }
        });
        summary.addClassName("clinic-hint");
        summary.setId("queue-summary");
        Div heading = new Div(title, summary);
        heading.addClassName("clinic-queue-heading");
        callNextWhy.setId("call-next-why");
        callNextWhy.addClassNames("clinic-hint", "clinic-call-next-why");
        Div top = new Div(heading, new Div(undo, callNext, callNextWhy));
        top.addClassName("clinic-queue-top");

        now.addClassName("clinic-now");
        now.setId("now-serving");

        waiting.setId("waiting");
        waiting.addColumn(QueueEntryView::position).setHeader("#").setWidth("3.5em").setFlexGrow(0);
        // Lit renderers, not components: a live refresh sends each row as a few fields of data, so a queue seen on
        // a hundred screens costs little to push.
        waiting.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<QueueEntryView>of(
                        "<span class=\"clinic-token\">${item.token}</span>").withProperty("token", QueueEntryView::token))
                .setHeader("Token").setAutoWidth(true).setFlexGrow(0).setKey("token");
        waiting.addColumn(safety.withBadges(com.vaadin.flow.data.renderer.LitRenderer.<QueueEntryView>of(
                        "<span class=\"clinic-patient-name\">${item.name}</span>" + QueueSafetyBadges.TEMPLATE)
                        .withProperty("name", QueueEntryView::patientName)))
                .setHeader("Patient").setFlexGrow(2);
        waiting.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<QueueEntryView>of(
                        "<span ?hidden=${!item.lane} theme=${item.emergency ? 'badge error primary' : 'badge contrast'}"
                                + " title=${item.why}>${item.lane}</span>")
                        .withProperty("lane", e -> e.lane() == org.clinic.queue.Lane.REGULAR ? "" : e.lane().label())
                        .withProperty("emergency", e -> e.lane() == org.clinic.queue.Lane.EMERGENCY)
                        .withProperty("why", e -> e.priorityReason() == null ? "" : e.priorityReason()))
                .setHeader("Priority").setAutoWidth(true).setFlexGrow(0);
        waiting.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<QueueEntryView>of(
                        "<span class=${item.long ? 'clinic-waited clinic-waited-long' : 'clinic-waited'}>${item.waited}</span>")
                        .withProperty("waited", e -> QueueText.minutes(e.waited()))
                        .withProperty("long", QueueEntryView::longWait))
                .setHeader("Waited").setAutoWidth(true).setFlexGrow(0);
        waiting.addColumn(e -> e.visitReason() == null ? "" : e.visitReason()).setHeader("Reason for visit")
                .setFlexGrow(2);
        waiting.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<QueueEntryView>of(
                        "<vaadin-icon icon=\"vaadin:ellipsis-dots-v\" class=\"clinic-row-menu\" title=\"Actions\"></vaadin-icon>"))
                .setWidth("4em").setFlexGrow(0);
        // One menu for the whole list: a click on a row offers what applies to that patient.
        com.vaadin.flow.component.grid.contextmenu.GridContextMenu<QueueEntryView> menu = waiting.addContextMenu();
        menu.setOpenOnClick(true);
        menu.setDynamicContentHandler(entry -> {
            menu.removeAll();
            if (entry == null) {
                return false;
            }
            menu.addItem("Not present", click -> actions.notPresent(entry));
            menu.addItem("Transfer…", click -> actions.transfer(entry, doctorList));
            menu.addItem("Change priority…", click -> actions.changePriority(entry));
            menu.addItem("No-show…", click -> actions.confirmNoShow(entry));
            return true;
        });
        waiting.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        waiting.setEmptyStateText("Nobody is waiting.");
        waiting.setAllRowsVisible(true);
        Div list = new Div(new H3("Waiting"), waiting);
        list.addClassName("clinic-card");
        add(doctor, top, now, list);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String requested = event.getLocation().getQueryParameters().getSingleParameter("doctor").orElse(null);
        if (me != null) {
            shown = me; // a doctor always sees their own queue
        } else if (!frontDesk) {
            shown = null; // a doctor's account not linked to a doctor yet has no queue
        } else if (requested != null) {
            try {
                UUID id = UUID.fromString(requested);
                shown = doctorList.stream().filter(d -> d.id().equals(id)).findFirst()
                        .orElseThrow(() -> new NotFoundException("No doctor with this id"));
            } catch (IllegalArgumentException malformed) {
                throw new NotFoundException("No doctor with this id");
            }
        } else {
            shown = doctorList.isEmpty() ? null : doctorList.getFirst();
        }
        doctor.setValue(shown);
        refresh();
    }

    private void callNext() {
        if (shown == null) {
            return;
        }
        try {
            queue.callNext(shown.id()).ifPresentOrElse(
                    called -> FieldMessages.showSuccess("Calling " + called.token() + " · " + called.patientName()),
                    () -> FieldMessages.showError("Nobody is waiting"));
        } catch (RuleViolation violation) {
            FieldMessages.showError(violation.getMessage());
        }
        refresh();
    }

    private void refresh() {
        now.removeAll();
        if (shown == null) {
            title.setText(frontDesk ? "No doctors yet" : "This account is not linked to a doctor");
            summary.setText(frontDesk ? "" : "An administrator links doctors to their accounts under Doctors.");
            callNext.setEnabled(false);
            callNextWhy.setVisible(false);
            undo.setEnabled(false);
            return;
        }
        LineBoard board = boards.board(shown.id());
        title.setText(me != null ? "My queue · room " + shown.room() : shown.displayName() + " · room " + shown.room());
        summary.setText(board.waiting().size() + " waiting · " + board.done() + " seen today · about "
                + QueueText.minutes(board.averageConsultation()) + " per patient");
        safety.read(board.waiting(), board.current()); // one read for the whole queue, before the rows render
        waiting.setItems(board.waiting());
        fitTokens(board.waiting());
        String why = callNextWhy(board);
        callNext.setEnabled(why == null);
        callNext.setTooltipText(why == null ? "F2" : why + " (F2)");
        callNextWhy.setText(why == null ? "" : why);
        callNextWhy.setVisible(why != null);
        if (board.current().isEmpty()) {
            Span empty = new Span(board.waiting().isEmpty() ? "Nobody is waiting." : "Next up: "
                    + board.waiting().getFirst().token() + " · " + board.waiting().getFirst().patientName());
            empty.addClassName("clinic-now-empty");
            now.add(empty);
        }
        for (QueueEntryView current : board.current()) {
            now.add(currentCard(current));
        }
    }

    /**
     * The token column is as wide as the longest token ("D148-012", "WG-003"): a token is never cut off. Widths are
     * measured again only when the longest token's length changes.
     */
    private void fitTokens(List<QueueEntryView> entries) {
        int longest = entries.stream().mapToInt(e -> e.token().length()).max().orElse(0);
        if (longest != longestToken) {
            longestToken = longest;
            waiting.recalculateColumnWidths();
        }
    }

    /** Why the next patient cannot be called now, or null when they can. */
    private static @Nullable String callNextWhy(LineBoard board) {
        if (!board.current().isEmpty()) {
            QueueEntryView current = board.current().getFirst();
            return current.status() == QueueStatus.CALLED
                    ? current.token() + " is called and not started yet: start the consultation or mark them"
                    + " not present first"
                    : current.token() + " is in consultation: finish it first";
        }
        return board.waiting().isEmpty() ? "Nobody is waiting" : null;
    }

    private Div currentCard(QueueEntryView current) {
        Span state = QueueText.status(current.status());
        Span token = QueueText.token(current.token());
        token.addClassName("clinic-now-token");
        Anchor name = new Anchor("patients/" + current.patientId(), current.patientName());
        name.addClassName("clinic-now-name");
        name.setTitle("Open the patient's record");
        Div facts = new Div();
        facts.addClassName("clinic-now-facts");
        if (current.lane() != org.clinic.queue.Lane.REGULAR) {
            facts.add(QueueText.lane(current));
        }
        Span waited = new Span("Waited " + QueueText.minutes(current.waited()));
        Span reason = new Span(current.visitReason() == null ? "No reason given" : current.visitReason());
        facts.add(waited, reason);
        if (current.skips() > 0) {
            facts.add(new Span("Not present " + current.skips() + "×"));
        }
        Div buttons = new Div();
        buttons.addClassName("clinic-now-buttons");
        // The consultation itself belongs to the consultation module, reached by its route; this module only links.
        String consultation = "consultations/start/" + current.id();
        if (current.status() == QueueStatus.CALLED) {
            if (me != null) {
                Button start = new Button("Start consultation", new Icon(VaadinIcon.STETHOSCOPE),
                        click -> getUI().ifPresent(ui -> ui.navigate(consultation)));
                start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
                start.setId("start-consultation");
                buttons.add(start);
            }
            Button recall = new Button("Recall", new Icon(VaadinIcon.BELL),
                    click -> actions.run(() -> queue.recall(current.id())));
            recall.setId("recall");
            Button absent = new Button("Not present", click -> actions.notPresent(current));
            absent.setId("not-present");
            buttons.add(recall, absent);
        } else if (me != null) {
            // Finishing is completing the consultation (which finishes the visit in the same transaction).
            Button open = new Button("Open consultation", new Icon(VaadinIcon.FILE_TEXT_O),
                    click -> getUI().ifPresent(ui -> ui.navigate(consultation)));
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            open.setId("open-consultation");
            buttons.add(open);
        } else {
            Span inRoom = new Span("With the doctor; the doctor completes the visit");
            inRoom.addClassName("clinic-hint");
            buttons.add(inRoom);
        }
        Anchor history = new Anchor("patients/" + current.patientId() + "#patient-consultations", "History");
        history.setId("patient-history");
        history.setTitle("The patient's record with earlier consultations");
        facts.add(history);
        Div who = new Div(state, name, safety.badges(current.patientId()), facts);
        who.addClassName("clinic-now-who");
        Div card = new Div(token, who, buttons);
        card.addClassNames("clinic-card", "clinic-now-card");
        if (current.status() == QueueStatus.IN_CONSULTATION) {
            card.addClassName("clinic-now-in-room");
        }
        return card;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        LocalDate today = LocalDate.now(clock);
        registrations.add(liveUpdates.subscribe(attachEvent.getUI(), QueueChanged.class,
                changed -> changed.date().equals(today) && shown != null
                        && (changed.lines().contains("doctor:" + shown.internalId())
                        || changed.lines().stream().anyMatch(l -> l.startsWith("specialty:"))),
                this::refresh));
        attachEvent.getUI().setPollInterval(30_000);
        registrations.add(attachEvent.getUI().addPollListener(poll -> refresh()));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        registrations.forEach(Registration::remove);
        registrations.clear();
        detachEvent.getUI().setPollInterval(-1);
    }
}
