package org.clinic.portal;

import org.clinic.base.ClinicSettings;
import org.clinic.message.MessageKind;
import org.clinic.message.MessageRequest;
import org.clinic.message.Outbox;
import org.clinic.message.Recipient;
import org.clinic.security.SystemAuthentication;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Queues the portal's emails through the outbox, in the caller's transaction: a code exists in a mailbox only if
 * the step it unlocks was committed. The code is the one secret in it; nothing about the patient's health.
 */
@Component
class PortalMail {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'on' d MMMM", Locale.UK);

    private final Outbox outbox;
    private final ClinicSettings clinic;

    PortalMail(Outbox outbox, ClinicSettings clinic) {
        this.outbox = outbox;
        this.clinic = clinic;
    }

    void code(UUID step, String email, String code, Instant expires, String purpose, @Nullable Long patientInternalId) {
        MessageRequest request = new MessageRequest(MessageKind.PORTAL_CODE, "portal:" + step, new Recipient(email,
                email, true, patientInternalId), "Your code: " + code, Map.of("code", code, "purpose", purpose,
                "expires", TIME.format(expires.atZone(clinic.timeZone()))), null);
        SystemAuthentication.runAsPortal("portal", () -> outbox.queue(request));
    }
}
