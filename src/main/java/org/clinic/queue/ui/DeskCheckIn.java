package org.clinic.queue.ui;

import org.clinic.base.ClinicIdentitySource;
import org.clinic.base.PublicLinks;
import org.clinic.queue.QueuePositions;
import org.clinic.queue.QueueService;
import org.clinic.queue.Ticket;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/**
 * The front desk's check-in, shared by the reception dashboard and the patient record's strip: check in for the
 * appointment, then offer the ticket to print with its visit link as a QR code. A refusal is shown as a message, as
 * {@link QueueActions#run} shows it.
 */
@Component
class DeskCheckIn {

    private final QueueService queue;
    private final QueuePositions positions;
    private final PublicLinks links;
    private final ClinicIdentitySource clinic;
    private final Clock clock;

    DeskCheckIn(QueueService queue, QueuePositions positions, PublicLinks links, ClinicIdentitySource clinic,
                Clock clock) {
        this.queue = queue;
        this.positions = positions;
        this.links = links;
        this.clinic = clinic;
        this.clock = clock;
    }

    /** Checks in for the appointment and offers its ticket; {@code changed} runs afterwards, refused or not. */
    void checkIn(UUID appointmentId, Runnable changed) {
        new QueueActions(queue, changed).run(() -> offerTicket(queue.checkIn(appointmentId)));
    }

    /** The ticket with its visit link: the QR code the patient follows their place with. */
    void offerTicket(Ticket ticket) {
        String code = positions.visitCode(ticket.entryId());
        TicketDialog.open(ticket, clinic.current(), clock.getZone(), links.visit(code), links.visitShort(code));
    }
}
