package org.clinic.security;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** A password reset and disabling end the person's open sessions, as a role change does. */
@SpringBootTest
@WithMockUser(username = "boss", roles = "ADMIN")
class AccountSignOutTest extends SpringBrowserlessTest {

    private static final String SIGN_IN = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    @Autowired
    StaffAccountService accounts;
    @Autowired
    StaffSessions sessions;
    @Autowired
    StaffUserDetailsService users;

    @Test
    void a_password_reset_ends_the_persons_open_sessions() {
        assertChangeSignsOut(person -> accounts.resetPassword(person.id(), "a-brand-new-secret"));
    }

    @Test
    void disabling_ends_the_persons_open_sessions() {
        assertChangeSignsOut(person -> accounts.disable(person.id()));
    }

    @Test
    void a_refused_reset_leaves_the_sessions_alone() {
        StaffAccountSummary person = accounts.create(StaffAccountServiceTest.newAccount(Role.RECEPTIONIST));
        VaadinSession session = openSessionOf(person);

        fromTheAdministratorsScreen(session, () -> {
            try {
                accounts.resetPassword(person.id(), "password123");
            } catch (org.clinic.base.RuleViolation expected) {
                // refused: nothing changed
            }
        });
        session.getService().runPendingAccessTasks(session);

        assertThat(session.getSession().getAttribute(SIGN_IN)).isNotNull();
        assertThat(sessions.openSessionsOf(person.username())).isEqualTo(1);
    }

    private void assertChangeSignsOut(Consumer<StaffAccountSummary> change) {
        StaffAccountSummary person = accounts.create(StaffAccountServiceTest.newAccount(Role.RECEPTIONIST));
        VaadinSession session = openSessionOf(person);

        fromTheAdministratorsScreen(session, () -> change.accept(person));
        session.getService().runPendingAccessTasks(session);

        assertThat(session.getSession().getAttribute(SIGN_IN)).as("the session forgot the sign-in").isNull();
        assertThat(sessions.openSessionsOf(person.username())).isZero();
    }

    /**
     * The administrator acts outside the person's session (in real life, from another browser): while this thread
     * has no current Vaadin session, the security context is the test's administrator, not the person's.
     */
    private static void fromTheAdministratorsScreen(VaadinSession personsSession, Runnable work) {
        VaadinSession.setCurrent(null);
        try {
            work.run();
        } finally {
            VaadinSession.setCurrent(personsSession);
        }
    }

    /** This test's Vaadin session, as if the person had signed in with it (the person's browser, in real life). */
    private VaadinSession openSessionOf(StaffAccountSummary person) {
        VaadinSession session = VaadinSession.getCurrent();
        var principal = users.loadUserByUsername(person.username());
        session.getSession().setAttribute(SIGN_IN, new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities())));
        sessions.track(person.username(), session);
        return session;
    }
}
