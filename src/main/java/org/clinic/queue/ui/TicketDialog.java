package org.clinic.queue.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.clinic.base.ClinicIdentity;
import org.clinic.base.QrCode;
import org.clinic.base.ui.ClinicLogoImage;
import org.clinic.queue.Ticket;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The check-in ticket: the clinic (its logo beside its name, when one was uploaded), token, doctor, room, estimated
 * wait, and a QR code of the visit link (with the link in short under it) so the patient can follow their place on
 * their phone; printable (the print stylesheet shows only it).
 */
final class TicketDialog {

    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm");

    private TicketDialog() {
    }

    /** @param visitLink the ticket's position page, shown as a QR code with {@code shortLink} printed under it */
    static void open(Ticket ticket, ClinicIdentity clinic, ZoneId zone, String visitLink, String shortLink) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Checked in");
        Div card = new Div();
        card.addClassName("clinic-ticket");
        card.setId("ticket");
        Span name = new Span(clinic.name());
        name.addClassName("clinic-ticket-clinic");
        Div head = new Div();
        head.addClassName("clinic-ticket-head");
        ClinicLogoImage.of(clinic, "ticket-logo").ifPresent(head::add);
        head.add(name);
        Span token = new Span(ticket.token());
        token.addClassName("clinic-ticket-token");
        token.setId("ticket-token");
        Span where = new Span(ticket.room().isEmpty() ? ticket.specialty() + " · " + ticket.doctorName()
                : "Room " + ticket.room() + " · " + ticket.doctorName());
        where.addClassName("clinic-ticket-where");
        Span wait = new Span(ticket.position() <= 1 ? "You are next"
                : ticket.position() + " in the queue · about " + QueueText.minutes(ticket.estimatedWait()));
        wait.addClassName("clinic-ticket-wait");
        Span issued = new Span(ISSUED.format(ticket.issuedAt().atZone(zone)));
        issued.addClassName("clinic-ticket-issued");
        Span note = new Span("Please wait until your token is shown and called.");
        note.addClassName("clinic-ticket-note");
        Image qr = new Image(QrCode.of(visitLink).svgDataUri(), "QR code of your visit link");
        qr.addClassName("clinic-ticket-qr");
        qr.setId("ticket-qr");
        Span follow = new Span("Scan to follow your place on your phone");
        follow.addClassName("clinic-ticket-note");
        Anchor link = new Anchor(visitLink, shortLink);
        link.addClassName("clinic-ticket-link");
        link.setId("ticket-link");
        link.setTarget("_blank");
        link.getElement().setAttribute("rel", "noopener");
        card.add(head, token, where, wait, note, qr, follow, link, issued);
        dialog.add(card);
        Button print = new Button("Print ticket", new Icon(VaadinIcon.PRINT),
                click -> dialog.getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        print.setId("print-ticket");
        dialog.getFooter().add(new Button("Close", click -> dialog.close()), print);
        dialog.open();
    }
}
