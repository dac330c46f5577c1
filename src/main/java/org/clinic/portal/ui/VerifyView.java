package org.clinic.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.portal.SignUpService;
import org.clinic.portal.Verification;

import java.util.Map;
import java.util.UUID;

/**
 * "Enter the code we emailed you": the last step of signing up or linking a record. Says the same whatever the step
 * is (even one that never sent a code), so it never tells whether an MRN matched.
 */
@Route(value = "portal/verify", layout = PortalLayout.class)
@PageTitle("Enter your code · Patient portal")
@AnonymousAllowed
public class VerifyView extends Div implements BeforeEnterObserver {

    final TextField code = new TextField("Code from the email");
    final Button confirm = new Button("Confirm");
    final Paragraph result = new Paragraph();

    private final SignUpService signUp;
    private UUID step;

    public VerifyView(SignUpService signUp) {
        this.signUp = signUp;
        addClassName("portal-page");
        H1 title = new H1("Check your email");
        Paragraph intro = new Paragraph("If the details matched, we have emailed you a 6-digit code. It works for 30 "
                + "minutes. Type it here.");
        intro.addClassName("portal-lead");
        code.setId("code");
        code.setWidthFull();
        code.setMaxLength(12);
        code.addThemeVariants(TextFieldVariant.LUMO_ALIGN_CENTER);
        code.addClassName("portal-code-field");
        code.getElement().setAttribute("inputmode", "numeric");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        confirm.setId("confirm-code");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClassName("portal-wide-button");
        confirm.addClickListener(click -> confirm());
        result.setId("verify-result");
        result.addClassName("portal-notice");
        result.setVisible(false);
        RouterLink again = new RouterLink("No email? Start again", PortalSignInView.class);
        again.addClassName("portal-big-link");
        Div form = new Div(code, confirm, result, again);
        form.addClassName("portal-form");
        add(title, intro, form);
    }

    static QueryParameters parameters(UUID step) {
        return QueryParameters.simple(Map.of("step", step.toString()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        step = event.getLocation().getQueryParameters().getSingleParameter("step").map(VerifyView::uuid).orElse(null);
    }

    private void confirm() {
        try {
            Verification outcome = step == null ? Verification.NOT_VALID
                    : signUp.verify(step, code.getValue(), Requests.address());
            if (outcome == Verification.ACCOUNT_READY) {
                getUI().ifPresent(ui -> ui.navigate(PortalSignInView.class, QueryParameters.of("verified", "")));
                return;
            }
            result.setText(outcome.message());
            result.setVisible(true);
        } catch (RuleViolation violation) {
            FieldMessages.showError(violation.getMessage());
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
