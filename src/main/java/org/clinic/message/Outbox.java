package org.clinic.message;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.clinic.security.Role;
import org.clinic.security.CurrentPatient;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Queues messages in the caller's transaction, so a message exists exactly when the fact it announces was
 * committed, and exists once per dedup key. Nothing here talks to a mail server: {@link OutboxSender} delivers
 * later, so a mail server being down never makes the caller fail. A recipient without a usable address, or who
 * opted out, gets a skipped row saying why.
 */
@Component
public class Outbox {

    static final String ANY_STAFF = "hasAnyRole('" + Role.ADMIN_NAME + "','" + Role.RECEPTIONIST_NAME + "','"
            + Role.DOCTOR_NAME + "')";
    /** A patient's own booking in the portal queues its confirmation to that patient, and to nobody else. */
    static final String OWN_MESSAGE = "(hasRole('" + CurrentPatient.ROLE_NAME + "') and #request.recipient()"
            + ".patientInternalId() != null and @patientOwnership.isInternal(#request.recipient().patientInternalId()))";

    private final OutboxStore store;
    private final MessageTemplates templates;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Outbox(OutboxStore store, MessageTemplates templates, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.templates = templates;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Queues the message, or records why it is skipped; false when a message with its key exists already. The
     * portal queues its codes under its own authority (for people not signed in yet), and a patient's own booking
     * its confirmation to that patient.
     */
    @PreAuthorize(ANY_STAFF + " or " + org.clinic.security.SystemAuthentication.PORTAL + " or " + OWN_MESSAGE)
    @Transactional
    public boolean queue(MessageRequest request) {
        String skipped = whySkipped(request.recipient());
        MessageTemplates.Rendered body = templates.render(request.kind(), request.subject(), request.model());
        boolean queued = store.insert(request, request.subject(), body.text(), body.html(),
                skipped == null ? MessageState.QUEUED : MessageState.SKIPPED, skipped, clock.instant());
        if (queued) {
            events.publishEvent(new OutboxChanged());
            if (skipped == null) {
                events.publishEvent(new MessageQueued());
            }
        }
        return queued;
    }

    private static @Nullable String whySkipped(Recipient recipient) {
        if (!recipient.acceptsEmail()) {
            return "The patient asked not to be emailed";
        }
        if (recipient.email() == null || recipient.email().isBlank()) {
            return "No email address on file";
        }
        try {
            new InternetAddress(recipient.email(), true).validate();
        } catch (AddressException e) {
            return "Not a usable email address: " + recipient.email();
        }
        if (!recipient.email().substring(recipient.email().indexOf('@') + 1).contains(".")) {
            return "Not a usable email address: " + recipient.email();
        }
        return null;
    }

    /** A message was queued: the sender on this node wakes once the transaction commits. */
    record MessageQueued() {
    }
}
