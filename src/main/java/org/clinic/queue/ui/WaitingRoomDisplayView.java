package org.clinic.queue.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.ClinicIdentitySource;
import org.clinic.base.ClinicSettings;
import org.clinic.base.LiveUpdates;
import org.clinic.base.NotFoundException;
import org.clinic.queue.DisplayBoard;
import org.clinic.queue.DisplayScope;
import org.clinic.queue.DisplaySettings;
import org.clinic.queue.QueueChanged;
import org.clinic.queue.QueueBoards;
import org.clinic.security.DisplayDevices;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The full-screen waiting-room display: the call being made now in very large type, the last few calls, the
 * tokens still waiting, the time. Tokens and rooms only (and initials when an administrator set this display
 * account to show them; staff previewing the display see tokens only);
 * never a name, a reason or a priority. New calls arrive by push, ring a chime and are read out in the display's
 * language; a display also re-reads the board every 15 seconds, so a missed update, a new day or a server restart
 * heals by itself.
 * <p>
 * Address: {@code display}, {@code display?doctor=<id>} or {@code display?specialty=<id>}, plus optional
 * {@code lang=en-GB}. Display devices choose it on their setup page ({@code device});
 * staff may open it to preview what the waiting room sees.
 */
@Route(value = "display", autoLayout = false)
@PageTitle("Waiting room · Clinic")
@RolesAllowed({Role.DISPLAY_NAME, Role.RECEPTIONIST_NAME, Role.DOCTOR_NAME, Role.ADMIN_NAME})
@StyleSheet("styles/waiting-room.css")
@JavaScript("context://scripts/waiting-room-display.js")
public class WaitingRoomDisplayView extends Div implements BeforeEnterObserver {

    static final int RECENT_CALLS = 5;
    static final int WAITING_PER_GROUP = 12;
    private static final int POLL_MILLIS = 15_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final Logger log = LoggerFactory.getLogger(WaitingRoomDisplayView.class);

    private final QueueBoards queue;
    private final DisplayDevices displayDevices;
    private final LiveUpdates liveUpdates;
    private final Clock clock;
    private final ClinicSettings clinic;
    private final ClinicIdentitySource identity;

    private final Span title = new Span();
    private final Span clockText = new Span();
    private final Span dateText = new Span();
    private final DisplayCalls.Now now = new DisplayCalls.Now();
    private final DisplayCalls.Recent recent;
    private final WaitingTokens waiting = new WaitingTokens();
    private final Div soundPrompt = new Div();
    private final Div connection = new Div();
    private final List<String> announced = new ArrayList<>();

    private DisplayScope scope = DisplayScope.clinic();
    private boolean initials;
    private String language;
    private long lastAnnounced = -1;
    private @Nullable DisplayBoard shown;
    private @Nullable Registration subscription;
    private @Nullable Registration polling;

    public WaitingRoomDisplayView(QueueBoards queue, DisplayDevices displayDevices, LiveUpdates liveUpdates,
                                  Clock clock, ClinicSettings clinic, ClinicIdentitySource identity) {
        this.queue = queue;
        this.identity = identity;
        this.displayDevices = displayDevices;
        this.liveUpdates = liveUpdates;
        this.clock = clinic.following(clock);
        this.recent = new DisplayCalls.Recent(this.clock.getZone(), RECENT_CALLS);
        this.clinic = clinic;
        this.language = clinic.displayLanguage();
        setId("waiting-room-display");
        addClassName("wr-display");
        // The browser says it is connected again (see waiting-room-display.js): catch up on what was missed.
        getElement().addEventListener("wr-reconnected", reconnected -> refresh());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        initials = displayDevices.initialsShown(); // the account's setting; an address cannot ask for initials
        String lang = first(parameters, "lang");
        language = lang != null && DisplaySettings.isLanguageTag(lang) ? lang : clinic.displayLanguage();
        removeAll();
        try {
            scope = scopeOf(parameters);
            DisplayBoard board = queue.display(scope, initials);
            build();
            show(board);
            lastAnnounced = board.calls().stream().mapToLong(DisplayBoard.Call::id).max().orElse(0);
        } catch (IllegalArgumentException | NotFoundException unknown) {
            scope = DisplayScope.clinic();
            lastAnnounced = -1;
            Div problem = new Div(new Div("This display's address does not name a doctor or specialty of the clinic."),
                    new Anchor("device", "Choose what this display shows"));
            problem.addClassName("wr-problem");
            add(problem);
        }
        getElement().setAttribute("lang", language);
    }

    private void build() {
        title.addClassName("wr-title");
        clockText.addClassName("wr-clock");
        clockText.setId("wr-clock");
        dateText.addClassName("wr-date");
        ZonedDateTime time = ZonedDateTime.now(clock);
        clockText.setText(time.format(TIME));
        dateText.setText(time.format(DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.forLanguageTag(language))));
        Div when = new Div(clockText, dateText);
        when.addClassName("wr-when");
        Div header = new Div(title, when);
        header.addClassName("wr-header");

        Div lower = new Div(recent, waiting);
        lower.addClassName("wr-lower");

        soundPrompt.setId("enable-sound");
        soundPrompt.addClassName("wr-sound");
        soundPrompt.setText("Tap the screen to turn on sound for calls");
        connection.setId("connection-banner");
        connection.addClassName("wr-connection");
        connection.setText("Reconnecting…");
        connection.getElement().setAttribute("hidden", true);

        add(header, now, lower, soundPrompt, connection);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        if (lastAnnounced < 0) {
            return; // the address was not valid: nothing to keep up to date
        }
        // The board is read outside this screen's lock from the day every display shares; only a display whose
        // board changed is locked and pushed to.
        subscription = liveUpdates.follow(ui, QueueChanged.class, changed -> changed.date().equals(today()),
                () -> queue.display(scope, initials), this::apply);
        // Push brings every change. The poll (one small request every 15 s) heals a missed one, moves to a new day,
        // and is how a display learns that the server restarted: its session is gone, so the page reloads by itself.
        ui.setPollInterval(POLL_MILLIS);
        polling = ui.addPollListener(poll -> {
            rereadInitials(); // an administrator's change reaches an open display within one poll
            refresh();
        });
        // Keep trying to reconnect for as long as it takes (the default gives up after about 14 hours).
        ui.getReconnectDialogConfiguration().setReconnectAttempts(Integer.MAX_VALUE);
        ui.getReconnectDialogConfiguration().setReconnectInterval(3_000);
        getElement().executeJs("window.clinicDisplay && window.clinicDisplay.init(this, $0, $1)", language,
                clock.getZone().getId());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
        if (polling != null) {
            polling.remove();
            polling = null;
            detachEvent.getUI().setPollInterval(-1);
        }
    }

    /** Re-reads the board under the viewer's permissions and shows it. */
    void refresh() {
        DisplayBoard board;
        try {
            board = queue.display(scope, initials);
        } catch (RuntimeException unavailable) {
            // Keep showing the last board (e.g. while the database is away); the next change or poll tries again.
            log.debug("Display could not be refreshed", unavailable);
            return;
        }
        apply(board);
    }

    /** Shows what changed of the board; announces calls not announced yet, oldest first. */
    private void apply(DisplayBoard board) {
        if (!board.equals(shown)) {
            show(board);
        }
        List<DisplayBoard.Call> fresh = board.calls().stream().filter(c -> c.id() > lastAnnounced)
                .sorted(Comparator.comparingLong(DisplayBoard.Call::id)).toList();
        for (DisplayBoard.Call call : fresh) {
            String phrase = CallAnnouncement.phrase(call.token(), call.room(), language);
            announced.add(phrase);
            getElement().executeJs("window.clinicDisplay && window.clinicDisplay.announce($0, $1)", phrase,
                    call.recall());
            lastAnnounced = call.id();
        }
    }

    private void rereadInitials() {
        try {
            initials = displayDevices.initialsShown();
        } catch (RuntimeException unavailable) {
            log.debug("Display settings could not be read; keeping the last ones", unavailable);
        }
    }

    /** What this display has announced since it opened (for tests). */
    List<String> announced() {
        return List.copyOf(announced);
    }

    /** Changes only the parts whose content changed, so a push carries as little as possible. */
    private void show(DisplayBoard board) {
        DisplayBoard before = shown;
        shown = board;
        // A doctor's or a specialty's display names them; the whole clinic's names the clinic.
        DisplayCalls.showText(title, board.title().isEmpty() ? identity.current().name() : board.title());
        if (before == null || !board.calls().equals(before.calls())) {
            DisplayBoard.Call first = board.calls().isEmpty() ? null : board.calls().getFirst();
            if (before == null || !java.util.Objects.equals(first,
                    before.calls().isEmpty() ? null : before.calls().getFirst())) {
                now.show(first);
            }
            recent.show(board.calls());
        }
        if (before == null || !board.waiting().equals(before.waiting())) {
            waiting.show(board.waiting(), scope.kind() == DisplayScope.Kind.DOCTOR);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static DisplayScope scopeOf(Map<String, List<String>> parameters) {
        String doctor = first(parameters, "doctor");
        String specialty = first(parameters, "specialty");
        if (doctor != null && !doctor.isBlank()) {
            return new DisplayScope(DisplayScope.Kind.DOCTOR, UUID.fromString(doctor));
        }
        if (specialty != null && !specialty.isBlank()) {
            return new DisplayScope(DisplayScope.Kind.SPECIALTY, UUID.fromString(specialty));
        }
        return DisplayScope.clinic();
    }

    private static @Nullable String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
