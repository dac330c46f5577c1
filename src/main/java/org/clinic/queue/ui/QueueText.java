package org.clinic.queue.ui;

import com.vaadin.flow.component.html.Span;
import org.clinic.queue.Lane;
import org.clinic.queue.QueueEntryView;
import org.clinic.queue.QueueStatus;

import java.time.Duration;

/** How queue screens show tokens, waits and priorities. */
final class QueueText {

    private QueueText() {
    }

    static Span token(String token) {
        Span span = new Span(token);
        span.addClassName("clinic-token");
        return span;
    }

    static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes < 1 ? "< 1 min" : minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    /** Priority for staff eyes only; displays never show it. */
    static Span lane(QueueEntryView entry) {
        Span badge = new Span(entry.lane().label());
        badge.getElement().getThemeList().add(entry.lane() == Lane.EMERGENCY ? "badge error primary"
                : "badge contrast");
        if (entry.priorityReason() != null) {
            badge.getElement().setAttribute("title", entry.priorityReason());
        }
        return badge;
    }

    static Span waited(QueueEntryView entry) {
        Span waited = new Span(minutes(entry.waited()));
        waited.addClassName("clinic-waited");
        if (entry.longWait()) {
            waited.addClassName("clinic-waited-long");
            waited.getElement().setAttribute("title", "Waiting longer than usual");
        }
        return waited;
    }

    static Span status(QueueStatus status) {
        Span badge = new Span(status.label());
        badge.getElement().getThemeList().add(switch (status) {
            case CALLED -> "badge primary";
            case IN_CONSULTATION -> "badge success primary";
            case DONE -> "badge success";
            case NO_SHOW, LEFT -> "badge error";
            case WAITING -> "badge";
        });
        return badge;
    }
}
