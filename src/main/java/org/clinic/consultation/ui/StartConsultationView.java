package org.clinic.consultation.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.consultation.ConsultationService;
import org.clinic.security.Role;
import org.springframework.security.access.AccessDeniedException;

import java.util.UUID;

/**
 * Where the doctor's queue sends "Start consultation" (by route, so the queue need not know this module): opens
 * the visit's consultation, starting it first if there is none yet, and goes back to the queue with the reason
 * when it cannot start.
 */
@Route("consultations/start/:entryId")
@RolesAllowed(Role.DOCTOR_NAME)
public class StartConsultationView extends Main implements BeforeEnterObserver {

    private final ConsultationService consultations;

    public StartConsultationView(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UUID entryId;
        try {
            entryId = UUID.fromString(event.getRouteParameters().get("entryId").orElse(""));
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("No queue entry with this id");
        }
        try {
            UUID consultation = consultations.forQueueEntry(entryId)
                    .orElseGet(() -> consultations.start(entryId).id());
            event.forwardTo(ConsultationView.class, ConsultationView.parameters(consultation));
        } catch (RuleViolation violation) {
            if (ConsultationService.ALREADY_STARTED.equals(violation.field())) {
                var existing = consultations.forQueueEntry(entryId);
                if (existing.isPresent()) {
                    event.forwardTo(ConsultationView.class, ConsultationView.parameters(existing.get()));
                    return;
                }
            }
            FieldMessages.showError(violation.getMessage());
            event.forwardTo("my-queue");
        } catch (AccessDeniedException denied) {
            FieldMessages.showError(denied.getMessage());
            event.forwardTo("my-queue");
        }
    }
}
