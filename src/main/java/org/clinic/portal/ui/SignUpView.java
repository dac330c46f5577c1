package org.clinic.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.patient.Sex;
import org.clinic.portal.RecordAlreadyExists;
import org.clinic.portal.SignUp;
import org.clinic.portal.SignUpService;

import java.util.Arrays;
import java.util.List;

/**
 * A new patient signs up: the registry's details, an email address and a password. The service checks everything
 * again; when the details match a registered patient, the page offers to link that record instead.
 */
@Route(value = "portal/sign-up", layout = PortalLayout.class)
@PageTitle("Sign up · Patient portal")
@AnonymousAllowed
public class SignUpView extends Div {

    final TextField givenName = new TextField("First name");
    final TextField familyName = new TextField("Last name");
    final DatePicker birthDate = BirthDates.field("birth-date");
    final RadioButtonGroup<Sex> sex = new RadioButtonGroup<>();
    final TextField phone = new TextField("Mobile phone (optional)");
    final TextArea address = new TextArea("Home address (optional)");
    final EmailField email = new EmailField("Email address");
    final PasswordField password = new PasswordField("Choose a password");
    final Button submit = new Button("Sign up");
    final Div alreadyRegistered = new Div();

    private final SignUpService signUp;
    private final FieldMessages messages = new FieldMessages();

    public SignUpView(SignUpService signUp) {
        this.signUp = signUp;
        addClassName("portal-page");
        H1 title = new H1("Sign up");
        Paragraph intro = new Paragraph("Tell us who you are. We will email you a code to confirm your address.");
        intro.addClassName("portal-lead");

        sex.setLabel("Sex");
        sex.setItems(Arrays.asList(Sex.values()));
        sex.setItemLabelGenerator(Sex::label);
        sex.addClassName("portal-choice");
        email.setHelperText("You sign in with it");
        password.setHelperText("10 or more characters; not a common password, not your name or email address");
        address.setMaxLength(300);
        for (var field : List.of(givenName, familyName, phone, email, password)) {
            field.setWidthFull();
        }
        birthDate.setWidthFull();
        sex.setWidthFull();
        address.setWidthFull();
        givenName.setId("given-name");
        familyName.setId("family-name");
        sex.setId("sex");
        phone.setId("phone");
        email.setId("email");
        password.setId("password");
        submit.setId("sign-up");
        messages.bind("givenName", givenName).bind("familyName", familyName).bind("birthDate", birthDate)
                .bind("sex", sex).bind("phone", phone).bind("address", address).bind("email", email)
                .bind("password", password);

        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClassName("portal-wide-button");
        submit.addClickListener(click -> submit());

        alreadyRegistered.setId("already-registered");
        alreadyRegistered.addClassName("portal-notice");
        alreadyRegistered.setVisible(false);
        RouterLink link = new RouterLink("Link my existing record", LinkRecordView.class);
        link.addClassName("portal-big-link");
        alreadyRegistered.add(new Paragraph(RecordAlreadyExists.MESSAGE), link);

        Div form = new Div(givenName, familyName, birthDate, sex, email, password, phone, address, submit);
        form.addClassName("portal-form");
        add(title, intro, alreadyRegistered, form);
    }

    private void submit() {
        for (var field : List.of(givenName, familyName, phone, email, password)) {
            field.setInvalid(false);
        }
        birthDate.setInvalid(false);
        sex.setInvalid(false);
        address.setInvalid(false);
        alreadyRegistered.setVisible(false);
        try {
            var step = signUp.signUp(new SignUp(givenName.getValue(), familyName.getValue(), birthDate.getValue(),
                    sex.getValue(), phone.getValue(), address.getValue(), email.getValue(), password.getValue()),
                    Requests.address());
            getUI().ifPresent(ui -> ui.navigate(VerifyView.class, VerifyView.parameters(step)));
        } catch (RecordAlreadyExists exists) {
            alreadyRegistered.setVisible(true);
            alreadyRegistered.scrollIntoView();
        } catch (RuleViolation violation) {
            messages.show(violation);
        }
    }
}
