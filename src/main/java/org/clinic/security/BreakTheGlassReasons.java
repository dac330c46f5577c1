package org.clinic.security;

import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reasons a doctor gave to break the glass, per patient, for the rest of their signed-in session: moving around
 * inside one record (its consultations, summaries, back to the record) does not ask again, though every read is
 * still logged with the reason. Kept in the Vaadin session, so signing out forgets them; reads outside a session
 * (background jobs) carry their reason along instead.
 */
@Component
class BreakTheGlassReasons {

    private static final String KEY = BreakTheGlassReasons.class.getName();

    Optional<String> reasonFor(UUID patientId) {
        return reasons(false).map(r -> r.get(patientId));
    }

    void remember(UUID patientId, String reason) {
        reasons(true).orElseThrow(() -> new IllegalStateException("A reason is remembered for a signed-in session"))
                .put(patientId, reason);
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<UUID, String>> reasons(boolean create) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            return Optional.empty();
        }
        // The session is locked by the request or UI.access running this; the map itself is shared by its screens.
        Object known = session.getAttribute(KEY);
        if (known == null && create) {
            known = new ConcurrentHashMap<UUID, String>();
            session.setAttribute(KEY, known);
        }
        return Optional.ofNullable((Map<UUID, String>) known);
    }
}
