package org.clinic.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Knows the open Vaadin sessions of each user on this node (staff, and patients at the portal), so that disabling an
 * account, resetting its password, changing its role or revoking a patient's portal access ends them at once, on every
 * node ({@link SessionsEnded}): the session forgets the sign-in, and every open screen is sent to the sign-in page.
 */
@Component
class StaffSessions implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(StaffSessions.class);

    private final Map<String, Set<VaadinSession>> sessionsByUser = new ConcurrentHashMap<>();
    private final DisplayDeviceRememberMe displayDevices;
    private final ApplicationEventPublisher events;

    StaffSessions(DisplayDeviceRememberMe displayDevices, ApplicationEventPublisher events) {
        this.displayDevices = displayDevices;
        this.events = events;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiInit -> {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
                track(principal.getUsername(), uiInit.getUI().getSession());
            } else if (authentication != null && authentication.getPrincipal() instanceof PatientPrincipal patient) {
                // keyed apart from staff user names: an email address never ends a staff member's sessions
                track(patient.auditName(), uiInit.getUI().getSession());
            }
        });
        event.getSource().addSessionDestroyListener(destroyed ->
                sessionsByUser.values().forEach(set -> set.remove(destroyed.getSession())));
    }

    void track(String username, VaadinSession session) {
        sessionsByUser.computeIfAbsent(username, u -> ConcurrentHashMap.newKeySet()).add(session);
    }

    /** How many open sessions of this user are known (for tests). */
    int openSessionsOf(String username) {
        return sessionsByUser.getOrDefault(username, Set.of()).size();
    }

    /**
     * Ends the open sessions of a staff member on every node: published as {@link SessionsEnded}, which this
     * node's {@link #ended} and the other nodes' (through the live update bus) act on. Called after the change
     * committed.
     */
    void endSessionsOf(String username) {
        displayDevices.forgetUser(username); // a remembered display device must sign in again too
        events.publishEvent(new SessionsEnded(username, false));
    }

    /** Ends the open portal sessions of one patient account (access revoked), on every node, as above. */
    void endPatientSessions(java.util.UUID accountId) {
        events.publishEvent(new SessionsEnded(PatientPrincipal.auditName(accountId), true));
    }

    /** The sessions this node serves of the person; staff land on the sign-in page, patients on the portal's. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void ended(SessionsEnded ended) {
        Set<VaadinSession> sessions = sessionsByUser.remove(ended.user());
        if (sessions == null) {
            return;
        }
        for (VaadinSession session : sessions) {
            session.access(() -> signOut(session, ended.patient() ? "portal?ended" : "login?ended"));
        }
        log.info("Ended {} open {}session(s) of {}", sessions.size(), ended.patient() ? "portal " : "", ended.user());
    }

    /** How many open sessions of this patient account are known (for tests). */
    int openPatientSessionsOf(java.util.UUID accountId) {
        return openSessionsOf(PatientPrincipal.auditName(accountId));
    }

    /**
     * Ends one session's sign-in, holding its lock: the session forgets the sign-in first, so from then on every
     * request of it is anonymous, then every open screen is sent to {@code location}, which explains what happened.
     */
    static void signOut(VaadinSession session, String location) {
        WrappedSession httpSession = session.getSession();
        if (httpSession != null) {
            try {
                httpSession.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            } catch (IllegalStateException alreadyInvalid) {
                log.debug("Session was already invalid");
            }
        }
        for (UI ui : List.copyOf(session.getUIs())) {
            ui.getPage().setLocation(location);
            try {
                ui.push();
            } catch (IllegalStateException noPushChannel) {
                log.debug("No push channel; the next request signs in again");
            }
        }
    }
}
