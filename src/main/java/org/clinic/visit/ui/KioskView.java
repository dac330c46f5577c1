package org.clinic.visit.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.QrCode;
import org.clinic.base.VisitCodes;
import org.clinic.security.Role;
import org.clinic.visit.KioskCheckIn;
import org.clinic.visit.KioskResult;
import org.clinic.visit.KioskTicket;
import org.clinic.visit.VisitSettings;
import org.jspecify.annotations.Nullable;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The self check-in kiosk at the entrance, for a device signed in with a KIOSK account. A hand-held scanner types
 * the confirmation's QR code (the visit link) and Enter into the focused field, which checks in at once; or the
 * patient types the booking code and their date of birth. Then the ticket: token, room, an estimate and a QR code to
 * follow the place on the phone; after a while the kiosk starts again by itself. It never shows a name.
 */
@Route(value = "kiosk", autoLayout = false)
@PageTitle("Check in")
@RolesAllowed(Role.KIOSK_NAME)
@StyleSheet("styles/kiosk.css")
public class KioskView extends Main {

    private final KioskCheckIn kiosk;
    private final long ticketMillis;
    private final TextField code = new TextField("Booking code");
    private final TextField day = dobPart("Day", "DD", 2, "kiosk-dob-day");
    private final TextField month = dobPart("Month", "MM", 2, "kiosk-dob-month");
    private final TextField year = dobPart("Year", "YYYY", 4, "kiosk-dob-year");
    private final Div message = new Div();
    private final Div start = new Div();
    private final Div ticket = new Div();
    private int shown;

    public KioskView(KioskCheckIn kiosk, VisitSettings settings) {
        this.kiosk = kiosk;
        this.ticketMillis = settings.kioskTicketShownFor().toMillis();
        addClassName("kiosk");
        setId("kiosk");

        H1 title = new H1("Check in");
        Paragraph scan = new Paragraph("Hold the QR code from your confirmation under the scanner.");
        scan.addClassName("kiosk-lead");
        Paragraph or = new Paragraph("Or type your booking code and your date of birth:");
        or.addClassName("kiosk-or");

        code.setId("kiosk-code");
        code.setPlaceholder("e.g. K7M4QXT");
        code.setHelperText("7 letters and numbers, from your confirmation");
        code.addThemeVariants(TextFieldVariant.LUMO_ALIGN_CENTER);
        code.setAutofocus(true);
        code.setWidthFull();
        code.getElement().setAttribute("autocomplete", "off");
        code.getElement().setAttribute("autocapitalize", "characters");
        code.getElement().setAttribute("spellcheck", "false");
        code.setValueChangeMode(ValueChangeMode.EAGER);
        code.addKeyPressListener(Key.ENTER, enter -> entered());

        Div birth = new Div(day, month, year);
        birth.addClassName("kiosk-birth");
        birth.getElement().setAttribute("role", "group");
        birth.getElement().setAttribute("aria-label", "Date of birth");
        Span birthLabel = new Span("Date of birth");
        birthLabel.addClassName("kiosk-birth-label");
        year.addKeyPressListener(Key.ENTER, enter -> checkIn());

        Button checkIn = new Button("Check in", click -> checkIn());
        checkIn.setId("kiosk-check-in");
        checkIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        Button clear = new Button("Start again", click -> reset());
        clear.setId("kiosk-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_LARGE);

        message.setId("kiosk-message");
        message.addClassName("kiosk-message");
        message.getElement().setAttribute("role", "alert");

        Div form = new Div(code, birthLabel, birth, message, checkIn, clear);
        form.addClassName("kiosk-form");
        start.add(title, scan, or, form);
        start.addClassName("kiosk-start");
        ticket.addClassName("kiosk-ticket");
        ticket.setId("kiosk-ticket");
        ticket.setVisible(false);
        add(start, ticket);
    }

    /** Enter in the code field: a scanned link checks in at once; a typed code moves on to the date of birth. */
    private void entered() {
        String value = code.getValue();
        if (VisitCodes.visitCodeIn(value) != null) {
            show(kiosk.scanned(value));
        } else if (VisitCodes.bookingCode(value) != null && birthDate() == null) {
            clearMessage();
            day.focus();
        } else {
            checkIn();
        }
    }

    private void checkIn() {
        clearMessage();
        String value = code.getValue();
        if (VisitCodes.visitCodeIn(value) != null) {
            show(kiosk.scanned(value));
            return;
        }
        if (value.isBlank()) {
            fail("Please scan your QR code or type your booking code.", code);
            return;
        }
        if (VisitCodes.bookingCode(value) == null) {
            show(kiosk.scanned(value)); // counted as a failed attempt, with the kiosk's message
            return;
        }
        LocalDate born = birthDate();
        if (born == null) {
            fail("Please enter your date of birth: day, month and year (4 digits).", day);
            return;
        }
        show(kiosk.typed(value, born));
    }

    private void show(KioskResult result) {
        switch (result.outcome()) {
            case CHECKED_IN, ALREADY_CHECKED_IN -> showTicket(result);
            case NEEDS_BIRTH_DATE -> fail(result.message(), day);
            case REFUSED, LIMITED -> fail(result.message(), code);
        }
    }

    private void fail(String text, TextField focus) {
        message.setText(text);
        message.addClassName("kiosk-message-error");
        focus.focus();
    }

    private void clearMessage() {
        message.setText("");
        message.removeClassName("kiosk-message-error");
    }

    private void showTicket(KioskResult result) {
        KioskTicket t = java.util.Objects.requireNonNull(result.ticket());
        ticket.removeAll();
        H1 heading = new H1(result.outcome() == KioskResult.Outcome.CHECKED_IN ? "You are checked in"
                : "You are already checked in");
        heading.setId("kiosk-ticket-heading");
        Span tokenLabel = new Span("Your token");
        tokenLabel.addClassName("kiosk-ticket-label");
        Span token = new Span(t.token());
        token.setId("kiosk-token");
        token.addClassName("kiosk-ticket-token");
        Span where = new Span((t.room().isEmpty() ? "" : "Room " + t.room()) + (t.room().isEmpty()
                || t.doctorName().isEmpty() ? "" : " · ") + t.doctorName());
        where.addClassName("kiosk-ticket-where");
        Span wait = new Span(VisitText.ahead(t.ahead()) + " · wait " + VisitText.about(t.estimatedWait())
                + " (estimate)");
        wait.addClassName("kiosk-ticket-wait");
        Image qr = new Image(QrCode.of(t.visitLink()).svgDataUri(), "QR code: follow your place in the queue");
        qr.addClassName("kiosk-ticket-qr");
        Span follow = new Span("Scan to follow your place on your phone");
        follow.addClassName("kiosk-ticket-follow");
        Span link = new Span(t.shortLink());
        link.addClassName("kiosk-ticket-link");
        Div details = new Div(tokenLabel, token, where, wait);
        details.addClassName("kiosk-ticket-details");
        Div follows = new Div(qr, follow, link);
        follows.addClassName("kiosk-ticket-follows");
        Div body = new Div(details, follows);
        body.addClassName("kiosk-ticket-body");
        Paragraph note = new Paragraph("Please take a seat. Your token will be shown and called.");
        note.addClassName("kiosk-ticket-note");
        Button done = new Button("Done", click -> reset());
        done.setId("kiosk-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        ticket.add(heading, body, note, done);
        start.setVisible(false);
        ticket.setVisible(true);
        int mine = ++shown;
        getElement().executeJs("const view = this; setTimeout(() => view.$server.ticketShown($0), $1)", mine,
                ticketMillis);
    }

    /** The ticket has been shown long enough: start again, unless a newer ticket is on screen. */
    @ClientCallable
    void ticketShown(int which) {
        if (which == shown && ticket.isVisible()) {
            reset();
        }
    }

    private void reset() {
        code.clear();
        day.clear();
        month.clear();
        year.clear();
        clearMessage();
        ticket.removeAll();
        ticket.setVisible(false);
        start.setVisible(true);
        code.focus();
    }

    private @Nullable LocalDate birthDate() {
        try {
            int y = Integer.parseInt(year.getValue().strip());
            if (y < 1900 || y > 2200) {
                return null;
            }
            return LocalDate.of(y, Integer.parseInt(month.getValue().strip()), Integer.parseInt(day.getValue().strip()));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    private static TextField dobPart(String label, String placeholder, int length, String id) {
        TextField field = new TextField(label);
        field.setPlaceholder(placeholder);
        field.setMaxLength(length);
        field.setId(id);
        field.addThemeVariants(TextFieldVariant.LUMO_ALIGN_CENTER);
        field.getElement().setAttribute("inputmode", "numeric");
        field.getElement().setAttribute("autocomplete", "off");
        field.setAllowedCharPattern("[0-9]");
        field.setValueChangeMode(ValueChangeMode.EAGER);
        return field;
    }
}
