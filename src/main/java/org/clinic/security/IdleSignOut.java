package org.clinic.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.clinic.security.signin.IdleLogoutSuccessEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs a staff member (or a patient at the portal) out after {@code clinic.sessions.idle-timeout} (30 minutes) with nobody at the screen, so a
 * record left open on an unattended desk does not stay readable. Heartbeats, polls and pushed updates keep a tab
 * open but are not a person: only a key press, click, touch or navigation counts. A minute before, every open
 * screen of the session asks "Still there?". Waiting-room displays are exempt: nobody touches them, by design.
 *
 * <p>Activity is reported by the browser at most every {@value #ACTIVITY_EVERY_MS} ms, so it costs one small
 * request a minute while someone works. Each node watches its own sessions; the check runs every
 * {@code clinic.sessions.check-every}.
 */
@Component
class IdleSignOut implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(IdleSignOut.class);
    private static final int ACTIVITY_EVERY_MS = 20_000;
    /**
     * Key presses are heard as {@code keyup}, never {@code keydown}: the screens' keyboard shortcuts
     * ({@code addClickShortcut}) are {@code keydown} listeners on this same UI element, and Vaadin's client holds
     * every {@code keydown} that comes within a throttled listener's window for that listener's trailing send,
     * which the server hands to the throttled listener only, so F2 or Ctrl+Enter after any earlier key press of
     * the last {@value #ACTIVITY_EVERY_MS} ms did nothing.
     */
    private static final List<String> ACTIVITY = List.of("pointerdown", "keyup", "wheel");

    private final SessionSettings settings;
    private final AuthenticationContext authentication;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<VaadinSession, Activity> watched = new ConcurrentHashMap<>();

    IdleSignOut(SessionSettings settings, AuthenticationContext authentication, ApplicationEventPublisher events,
                Clock clock) {
        this.settings = settings;
        this.authentication = authentication;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> watch(init.getUI()));
        event.getSource().addSessionDestroyListener(destroyed -> watched.remove(destroyed.getSession()));
    }

    private void watch(UI ui) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (!isPerson(signedIn)) {
            return;
        }
        VaadinSession session = ui.getSession();
        Activity activity = watched.compute(session, (s, known) ->
                known != null && known.signedIn().getName().equals(signedIn.getName()) ? known : new Activity(signedIn));
        activity.touch();
        for (String type : ACTIVITY) {
            // allowInert: the warning is modal, and a click anywhere still means someone is there
            ui.getElement().addEventListener(type, e -> stillThere(session)).throttle(ACTIVITY_EVERY_MS).allowInert();
        }
        ui.addAfterNavigationListener(navigated -> stillThere(session));
    }

    /** Staff, not devices: a display or kiosk account is signed in for days (a kiosk is touched by patients). */
    private static boolean isPerson(Authentication signedIn) {
        return signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)
                && signedIn.getAuthorities().stream().anyMatch(a -> a.getAuthority().startsWith("ROLE_"))
                && signedIn.getAuthorities().stream().noneMatch(a -> Role.DISPLAY.authority().equals(a.getAuthority())
                || Role.KIOSK.authority().equals(a.getAuthority()));
    }

    /** Runs holding the session's lock (a request of one of its screens). */
    private void stillThere(VaadinSession session) {
        Activity activity = watched.get(session);
        if (activity == null) {
            return;
        }
        activity.touch();
        if (activity.clearWarning()) {
            session.getUIs().forEach(IdleWarning::close); // pushed to the other screens when the lock is released
        }
    }

    @Scheduled(fixedDelayString = "${clinic.sessions.check-every:10s}")
    void signOutIdleSessions() {
        long now = System.nanoTime();
        Duration warnAfter = settings.idleTimeout().minus(settings.warning());
        watched.forEach((session, activity) -> {
            Duration idle = activity.idleFor(now);
            if (idle.compareTo(settings.idleTimeout()) >= 0) {
                watched.remove(session);
                String signInPage = activity.signedIn().getPrincipal() instanceof PatientPrincipal ? "portal?idle" : "login?idle";
                session.access(() -> StaffSessions.signOut(session, signInPage));
                events.publishEvent(new IdleLogoutSuccessEvent(activity.signedIn()));
                // a patient's user name is their e-mail address: the portal account's id is logged instead
                log.info("Signed {} out after {} without activity", activity.signedIn().getPrincipal()
                        instanceof PatientPrincipal patient ? patient.auditName() : activity.signedIn().getName(),
                        idle.withNanos(0));
            } else if (idle.compareTo(warnAfter) >= 0 && activity.warn()) {
                LocalTime signOutAt = LocalTime.now(clock).plus(settings.idleTimeout().minus(idle));
                // Each screen opens it in its own access, so the dialog finds its UI as the current one.
                session.access(() -> List.copyOf(session.getUIs()).forEach(ui -> ui.access(() ->
                        IdleWarning.open(ui, signOutAt, () -> stillThere(session), authentication::logout))));
            }
        });
    }

    /** The last sign of a person at one session's screens, in the JVM's monotonic time. */
    private static final class Activity {

        private final Authentication signedIn;
        private volatile long lastNanos = System.nanoTime();
        private volatile boolean warned;

        Activity(Authentication signedIn) {
            this.signedIn = signedIn;
        }

        Authentication signedIn() {
            return signedIn;
        }

        void touch() {
            lastNanos = System.nanoTime();
        }

        Duration idleFor(long now) {
            return Duration.ofNanos(now - lastNanos);
        }

        /** True the first time after activity: the warning is shown once. */
        synchronized boolean warn() {
            boolean first = !warned;
            warned = true;
            return first;
        }

        synchronized boolean clearWarning() {
            boolean was = warned;
            warned = false;
            return was;
        }
    }
}
