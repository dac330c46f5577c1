package org.clinic.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.portal.PortalProfileService;
import org.clinic.portal.Profile;
import org.clinic.security.CurrentPatient;

import java.util.UUID;

/**
 * The patient's own details: phone and address (into the record's history), email reminders on or off, a new email
 * address (in effect once the code sent to it is entered) and a new password.
 */
@Route(value = "portal/profile", layout = PortalLayout.class)
@PageTitle("My details · Patient portal")
@RolesAllowed(CurrentPatient.ROLE_NAME)
public class ProfileView extends Div implements AfterNavigationObserver {

    final Paragraph who = new Paragraph();
    final TextField phone = new TextField("Mobile phone");
    final TextArea address = new TextArea("Home address");
    final Button saveContact = new Button("Save contact details");
    final Checkbox reminders = new Checkbox("Email me reminders and confirmations of my appointments");
    final EmailField email = new EmailField("Email address");
    final Button sendCode = new Button("Send a code to the new address");
    final TextField emailCode = new TextField("Code from the email");
    final Button confirmEmail = new Button("Confirm new address");
    final PasswordField currentPassword = new PasswordField("Current password");
    final PasswordField newPassword = new PasswordField("New password");
    final Button changePassword = new Button("Change password");

    private final PortalProfileService profiles;
    private final org.clinic.base.PhoneNumbers phones;
    private final FieldMessages messages = new FieldMessages();
    private UUID emailStep;
    private boolean loading;

    public ProfileView(PortalProfileService profiles, org.clinic.base.PhoneNumbers phones) {
        this.profiles = profiles;
        this.phones = phones;
        addClassName("portal-page");
        who.setId("who");
        who.addClassName("portal-lead");
        phone.setId("profile-phone");
        address.setId("profile-address");
        saveContact.setId("save-contact");
        reminders.setId("reminders");
        email.setId("profile-email");
        sendCode.setId("send-email-code");
        emailCode.setId("email-code");
        confirmEmail.setId("confirm-email");
        currentPassword.setId("current-password");
        newPassword.setId("new-password");
        newPassword.setHelperText("10 or more characters; not a common password, not your name or email address");
        changePassword.setId("change-password");
        for (var field : new com.vaadin.flow.component.HasSize[]{phone, address, email, emailCode, currentPassword,
                newPassword}) {
            field.setWidthFull();
        }
        for (Button button : new Button[]{saveContact, sendCode, confirmEmail, changePassword}) {
            button.addClassName("portal-wide-button");
        }
        saveContact.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        messages.bind("phone", phone).bind("address", address).bind("email", email)
                .bind("currentPassword", currentPassword).bind("newPassword", newPassword);
        emailCode.setVisible(false);
        confirmEmail.setVisible(false);

        saveContact.addClickListener(click -> act(() -> {
            show(profiles.changeContact(phone.getValue(), address.getValue()));
            FieldMessages.showSuccess("Your contact details are saved");
        }));
        reminders.addValueChangeListener(change -> {
            if (!loading && change.isFromClient()) {
                act(() -> {
                    show(profiles.emailReminders(change.getValue()));
                    FieldMessages.showSuccess(change.getValue() ? "We will email you reminders"
                            : "We will not email you reminders");
                });
            }
        });
        sendCode.addClickListener(click -> act(() -> {
            emailStep = profiles.changeEmail(email.getValue(), Requests.address());
            emailCode.setVisible(true);
            confirmEmail.setVisible(true);
            FieldMessages.showSuccess("We emailed a code to " + email.getValue());
        }));
        confirmEmail.addClickListener(click -> act(() -> {
            if (emailStep != null && profiles.confirmEmail(emailStep, emailCode.getValue(), Requests.address())) {
                emailCode.clear();
                emailCode.setVisible(false);
                confirmEmail.setVisible(false);
                show(profiles.profile());
                FieldMessages.showSuccess("Your email address is changed");
            } else {
                emailCode.setErrorMessage("This code is not right, or it is no longer valid");
                emailCode.setInvalid(true);
            }
        }));
        changePassword.addClickListener(click -> act(() -> {
            profiles.changePassword(currentPassword.getValue(), newPassword.getValue());
            currentPassword.clear();
            newPassword.clear();
            FieldMessages.showSuccess("Your password is changed");
        }));

        Div contact = card(new H2("Contact details"), phone, address, saveContact);
        Div messagesCard = card(new H2("Reminders"), reminders);
        Div emailCard = card(new H2("Email address"), new Paragraph("You sign in with it, and we send your "
                + "reminders to it. A new address is used once you enter the code we send to it."), email, sendCode,
                emailCode, confirmEmail);
        Div passwordCard = card(new H2("Password"), currentPassword, newPassword, changePassword);
        add(new H1("My details"), who, contact, messagesCard, emailCard, passwordCard);
    }

    private static Div card(com.vaadin.flow.component.Component... children) {
        Div card = new Div(children);
        card.addClassName("portal-card");
        return card;
    }

    private void act(Runnable action) {
        for (var field : new com.vaadin.flow.component.HasValidation[]{phone, address, email, emailCode,
                currentPassword, newPassword}) {
            field.setInvalid(false);
        }
        try {
            action.run();
        } catch (RuleViolation violation) {
            messages.show(violation);
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        show(profiles.profile());
    }

    private void show(Profile profile) {
        loading = true;
        who.setText(profile.givenName() + " " + profile.familyName() + " · MRN " + profile.displayMrn()
                + ". To change your name or date of birth, please ask reception.");
        phone.setValue(profile.phone() == null ? "" : phones.display(profile.phone()));
        address.setValue(profile.address() == null ? "" : profile.address());
        reminders.setValue(profile.emailReminders());
        email.setValue(profile.email());
        loading = false;
    }
}
