package org.clinic.visit.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;
import org.clinic.appointment.AppointmentsChanged;
import org.clinic.base.LiveUpdates;
import org.clinic.queue.QueueChanged;
import org.clinic.visit.VisitPositions;
import org.clinic.visit.VisitStatus;
import org.jspecify.annotations.Nullable;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A patient's own visit page, opened from the ticket's or the confirmation's QR code without signing in: before
 * check-in the appointment time, then the token, how many are ahead and an estimated wait, and in large type the
 * room to go to when called. Updated by push: the page listens to its own queue lines only and re-reads through
 * the lines' shared read. Whatever the page sends names nobody.
 */
@Route(value = "visit/:code", autoLayout = false)
@PageTitle("Your visit")
@AnonymousAllowed
@StyleSheet("styles/visit.css")
public class VisitView extends Main implements BeforeEnterObserver {

    static final String NOT_VALID = "This link is not valid (any more)";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final int POLL_MILLIS = 60_000;

    private final VisitPositions positions;
    private final LiveUpdates liveUpdates;
    private final Div card = new Div();
    private final List<Registration> registrations = new ArrayList<>();
    /** Written under the session lock, read by the live-update threads that follow this page. */
    private volatile VisitStatus status = VisitStatus.notValid();
    /** The waiting card's changing lines, kept to update in place: a call moves every page of a line at once. */
    private final Span aheadLine = line("visit-ahead", "");
    private final Span waitLine = line("visit-wait", "");
    private final Paragraph estimateHint = hint("");
    private VisitStatus.@Nullable Kind shown;

    public VisitView(VisitPositions positions, LiveUpdates liveUpdates) {
        this.positions = positions;
        this.liveUpdates = liveUpdates;
        addClassName("visit-page");
        card.addClassName("visit-card");
        card.setId("visit");
        card.getElement().setAttribute("aria-live", "polite");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        VaadinRequest request = VaadinRequest.getCurrent();
        status = positions.open(code, request == null ? "unknown" : String.valueOf(request.getRemoteAddr()));
        show();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        // Read outside this page's lock from the line's shared read; only a page whose place changed is pushed to.
        registrations.add(liveUpdates.follow(ui, QueueChanged.class,
                change -> status.valid() && change.date().equals(status.date())
                        && !Collections.disjoint(change.lines(), status.lines()),
                () -> positions.refresh(status), this::apply));
        registrations.add(liveUpdates.follow(ui, AppointmentsChanged.class,
                change -> status.kind() == VisitStatus.Kind.BOOKED && change.doctorId().equals(status.doctor())
                        && change.date().equals(status.date()), () -> positions.refresh(status), this::apply));
        // A slow safety net (a missed push, the day ending): the shared read makes it cheap.
        ui.setPollInterval(POLL_MILLIS);
        registrations.add(ui.addPollListener(poll -> refresh()));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        registrations.forEach(Registration::remove);
        registrations.clear();
    }

    private void refresh() {
        apply(positions.refresh(status));
    }

    private void apply(VisitStatus now) {
        if (!now.equals(status)) {
            status = now;
            if (now.kind() == VisitStatus.Kind.WAITING && shown == VisitStatus.Kind.WAITING) {
                showWaitingLines(); // only what moved: a few text changes on the wire, no new components
            } else {
                show();
            }
        }
    }

    private void show() {
        shown = status.kind();
        card.removeAll();
        card.getElement().setAttribute("data-state", status.kind().name().toLowerCase());
        switch (status.kind()) {
            case NOT_VALID -> {
                card.add(heading(NOT_VALID), text("Visit links work on the day of the visit only. "
                        + "If you need help, please ask at reception."));
            }
            case BOOKED -> {
                card.add(title("Your appointment today"), big("visit-time", TIME.format(status.appointmentTime())),
                        status.room().isEmpty() ? text("") : text("Room " + status.room()),
                        notice("When you arrive, please check in at the kiosk or at reception."),
                        hint("This page updates by itself."));
            }
            case WAITING -> {
                showWaitingLines();
                card.add(title("Your token"), big("visit-token", status.token()), aheadLine, waitLine, estimateHint,
                        notice("Keep this page open: it will tell you when you are called."));
            }
            case CALLED -> {
                Div call = new Div();
                call.addClassName("visit-call");
                call.setId("visit-call");
                call.setText(status.room().isEmpty() ? "Please go to reception" : "Please go to room " + status.room());
                card.add(title("You are called"), call, label("Your token"), big("visit-token", status.token()));
            }
            case BEING_SEEN -> card.add(label("Your token"), big("visit-token", status.token()),
                    heading("You are being seen"));
            case DONE -> card.add(heading("Your visit is finished"), text("Thank you for coming."));
            case CANCELLED -> card.add(heading("This appointment was cancelled"),
                    text("If you think this is wrong, please call or ask at reception."));
            case NO_SHOW -> card.add(heading("You missed your call"), text("Please ask at reception."));
        }
    }

    private void showWaitingLines() {
        aheadLine.setText(VisitText.ahead(status.ahead()));
        waitLine.setText("Estimated wait: " + VisitText.about(status.estimatedWait()));
        estimateHint.setText("This is an estimate" + (status.estimateFromToday() ? ", from today's consultations." : ".")
                + " It can change.");
    }

    private static H1 heading(String text) {
        H1 heading = new H1(text);
        heading.addClassName("visit-heading");
        heading.setId("visit-heading");
        return heading;
    }

    /** The state's own small heading (the page's h1, so screen readers can jump to it), styled as a label. */
    private static H1 title(String text) {
        H1 title = new H1(text);
        title.addClassNames("visit-label", "visit-title");
        title.setId("visit-title");
        return title;
    }

    private static Span label(String text) {
        Span label = new Span(text);
        label.addClassName("visit-label");
        return label;
    }

    private static Span big(String id, @Nullable String text) {
        Span big = new Span(text == null ? "" : text);
        big.addClassName("visit-big");
        big.setId(id);
        return big;
    }

    private static Span line(String id, String text) {
        Span line = new Span(text);
        line.addClassName("visit-line");
        line.setId(id);
        return line;
    }

    private static Paragraph text(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.addClassName("visit-text");
        return paragraph;
    }

    private static Paragraph notice(String text) {
        Paragraph paragraph = text(text);
        paragraph.addClassName("visit-notice");
        return paragraph;
    }

    private static Paragraph hint(String text) {
        Paragraph paragraph = text(text);
        paragraph.addClassName("visit-hint");
        return paragraph;
    }
}
