package org.clinic.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.clinic.security.signin.SignInSettings;

/**
 * Sign-in for staff and display devices. The form posts to Spring Security (with the page's CSRF token, which the
 * login form takes from the page's meta tags), where {@code ThrottledSignIn} checks it against MariaDB.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Clinic")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final AuthenticationContext authentication;
    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();

    public LoginView(AuthenticationContext authentication, SignInSettings signIn) {
        this.authentication = authentication;
        addClassName("clinic-login");

        Span mark = new Span(new Icon(VaadinIcon.PLUS_SQUARE_O));
        mark.addClassName("clinic-brand-mark");
        H1 title = new H1("Clinic");
        Paragraph tagline = new Paragraph("Outpatient registration, booking and live queues");
        tagline.addClassName("clinic-login-tagline");

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Staff sign-in");
        i18n.getForm().setUsername("User name");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        // One message for every failure: it never tells whether the account exists, is paused or is disabled.
        i18n.getErrorMessage().setMessage("Check the user name and password and try again. After several failed "
                + "attempts, sign-in is paused for " + signIn.lockForText() + ". If it still fails, ask an "
                + "administrator.");
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.setAction("login");

        notice.addClassName("clinic-login-notice");
        notice.setVisible(false);

        Div card = new Div(mark, title, tagline, notice, form);
        card.addClassName("clinic-login-card");
        add(card);
    }

    /** Whether the page that needed a sign-in (remembered by Vaadin's access control) is one of the portal's. */
    private static boolean wantedThePortal() {
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        Object wanted = session == null || session.getSession() == null ? null : session.getSession()
                .getAttribute(com.vaadin.flow.server.auth.NavigationAccessControl.SESSION_STORED_REDIRECT);
        return wanted instanceof String path && (path.equals("portal") || path.startsWith("portal/")
                || path.startsWith("/portal/"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        if (wantedThePortal()) {
            event.forwardTo("portal"); // a patient's page asks for the portal's sign-in, not staff sign-in
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        form.setError(parameters.containsKey("error"));
        if (parameters.containsKey("ended")) {
            notice.setText("Your session was ended by an administrator. Sign in again if your account allows it.");
            notice.setVisible(true);
        } else if (parameters.containsKey("expired")) {
            notice.setText("The sign-in page had been open for a long time, so it was refreshed. Please sign in "
                    + "again.");
            notice.setVisible(true);
        } else if (parameters.containsKey("idle")) {
            notice.setText("You were signed out because nobody used the screen for a while, to keep patients' "
                    + "records private. Sign in again to continue.");
            notice.setVisible(true);
        }
    }
}
