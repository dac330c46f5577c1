package org.clinic.portal.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.clinic.security.CurrentPatient;
import org.clinic.security.signin.SignInSettings;

/**
 * The patients' sign-in at {@code /portal}: email address and password, posted to the portal's own sign-in
 * ({@code /portal/login}), never to staff sign-in; below it the ways in for people without an account yet.
 */
@Route(value = "portal", layout = PortalLayout.class)
@PageTitle("Sign in · Patient portal")
@AnonymousAllowed
public class PortalSignInView extends Div implements BeforeEnterObserver {

    private final AuthenticationContext authentication;
    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();

    public PortalSignInView(AuthenticationContext authentication, SignInSettings signIn) {
        this.authentication = authentication;
        addClassName("portal-page");
        H1 title = new H1("Your appointments, on your phone");
        Paragraph intro = new Paragraph("Sign in to see your upcoming appointments and keep your details up to date.");
        intro.addClassName("portal-lead");

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Email address");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        i18n.getErrorMessage().setMessage("Check your email address and password and try again. After several "
                + "failed attempts, sign-in is paused for " + signIn.lockForText() + ".");
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.setAction("portal/login");
        form.addClassName("portal-login-form");

        notice.addClassName("portal-notice");
        notice.setVisible(false);

        Div newHere = new Div(new Paragraph("New to the portal?"),
                link("I am a new patient: sign up", SignUpView.class, "portal-sign-up-link"),
                link("I have been to the clinic before: link my record", LinkRecordView.class, "portal-link-link"));
        newHere.addClassName("portal-card");
        add(title, intro, notice, form, newHere);
    }

    private static RouterLink link(String text, Class<? extends com.vaadin.flow.component.Component> target, String id) {
        RouterLink link = new RouterLink(text, target);
        link.setId(id);
        link.addClassName("portal-big-link");
        return link;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.hasRole(CurrentPatient.ROLE_NAME)) {
            event.forwardTo(PortalHomeView.class);
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        form.setError(parameters.containsKey("error"));
        String text = parameters.containsKey("verified") ? "Your account is ready. Sign in with your email address "
                + "and password."
                : parameters.containsKey("ended") ? "Your portal access was ended by the clinic. Please ask "
                + "reception if you think this is a mistake."
                : parameters.containsKey("idle") ? "You were signed out because the page was not used for a while, "
                + "to keep your details private."
                : parameters.containsKey("signed-out") ? "You are signed out."
                : parameters.containsKey("expired") ? "The page had been open for a long time, so it was refreshed. "
                + "Please sign in again."
                : null;
        notice.setText(text == null ? "" : text);
        notice.setVisible(text != null);
        boolean good = parameters.containsKey("verified") || parameters.containsKey("signed-out");
        notice.setClassName("portal-notice-good", good);
    }
}
