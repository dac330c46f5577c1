package org.clinic.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.portal.LinkRecord;
import org.clinic.portal.SignUpService;

import java.util.UUID;

/**
 * A patient who has a record links it: with the MRN and date of birth (the code goes to the email address on the
 * record), or with reception's invitation code and an email address of their choice.
 */
@Route(value = "portal/link", layout = PortalLayout.class)
@PageTitle("Link your record · Patient portal")
@AnonymousAllowed
public class LinkRecordView extends Div {

    static final String BY_MRN = "My MRN and date of birth";
    static final String BY_INVITATION = "An invitation code from reception";

    final RadioButtonGroup<String> way = new RadioButtonGroup<>("I have");
    final TextField mrn = new TextField("MRN (medical record number)");
    final DatePicker birthDate = BirthDates.field("link-birth-date");
    final TextField invitationCode = new TextField("Invitation code");
    final EmailField email = new EmailField("Email address");
    final PasswordField password = new PasswordField("Choose a password");
    final Button submit = new Button("Send me a code");

    private final SignUpService signUp;
    private final FieldMessages messages = new FieldMessages();

    public LinkRecordView(SignUpService signUp) {
        this.signUp = signUp;
        addClassName("portal-page");
        H1 title = new H1("Link your record");
        Paragraph intro = new Paragraph("If you have been to the clinic before, you already have a record. Link it "
                + "to your portal account.");
        intro.addClassName("portal-lead");

        way.setItems(BY_MRN, BY_INVITATION);
        way.setValue(BY_MRN);
        way.setId("link-way");
        way.addClassName("portal-choice");
        mrn.setHelperText("On your appointment letters, for example 1000-0016");
        mrn.setId("mrn");
        invitationCode.setHelperText("For example ABCDE-23456");
        invitationCode.setId("invitation-code");
        email.setId("link-email");
        email.setHelperText("You sign in with it; we send a code to it");
        password.setId("link-password");
        password.setHelperText("10 or more characters; not a common password, not your name or email address");
        submit.setId("link-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClassName("portal-wide-button");
        for (var field : new com.vaadin.flow.component.HasSize[]{mrn, birthDate, invitationCode, email, password}) {
            field.setWidthFull();
        }
        messages.bind("mrn", mrn).bind("birthDate", birthDate).bind("invitationCode", invitationCode)
                .bind("email", email).bind("password", password);
        way.addValueChangeListener(e -> showWay());
        submit.addClickListener(click -> submit());
        showWay();

        H2 how = new H2("How would you like to link it?");
        Div form = new Div(how, way, mrn, birthDate, invitationCode, email, password, submit);
        form.addClassName("portal-form");
        add(title, intro, form);
    }

    private void showWay() {
        boolean byMrn = BY_MRN.equals(way.getValue());
        mrn.setVisible(byMrn);
        birthDate.setVisible(byMrn);
        invitationCode.setVisible(!byMrn);
        email.setVisible(!byMrn);
    }

    private void submit() {
        mrn.setInvalid(false);
        birthDate.setInvalid(false);
        invitationCode.setInvalid(false);
        email.setInvalid(false);
        password.setInvalid(false);
        try {
            UUID step = BY_MRN.equals(way.getValue())
                    ? signUp.linkWithMrn(LinkRecord.byMrn(mrn.getValue(), birthDate.getValue(), password.getValue()),
                    Requests.address())
                    : signUp.linkWithInvitation(LinkRecord.byInvitation(invitationCode.getValue(), email.getValue(),
                    password.getValue()), Requests.address());
            getUI().ifPresent(ui -> ui.navigate(VerifyView.class, VerifyView.parameters(step)));
        } catch (RuleViolation violation) {
            messages.show(violation);
        }
    }
}
