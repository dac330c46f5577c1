package org.clinic.portal.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.clinic.base.Setting;
import org.clinic.base.ui.NotFoundView;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.Sex;
import org.clinic.patient.TestPatients;
import org.clinic.portal.PortalAccessService;
import org.clinic.portal.PortalSeeding;
import org.clinic.portal.WithPortalPatient;
import org.clinic.security.CurrentPatient;
import org.clinic.security.PatientSessions;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.clinic.security.ui.HomeView;
import org.clinic.settings.ClinicSettingsService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal's screens without a browser: who opens what, the forms' messages, the home and the profile. */
@SpringBootTest
class PortalViewsTest extends SpringBrowserlessTest {

    @Autowired
    CurrentPatient currentPatient;
    @Autowired
    PatientService patients;
    @Autowired
    PortalAccessService access;
    @Autowired
    PatientSessions sessions;
    @Autowired
    PortalSeeding seeding;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClinicSettingsService clinicSettings;

    @Test
    @WithPortalPatient
    void a_patient_opens_no_staff_route_whatever_it_allows() {
        List<String> opened = new ArrayList<>();
        int checked = 0;
        for (RouteData route : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
            Class<? extends Component> target = route.getNavigationTarget();
            if (target.getPackageName().startsWith("org.clinic.portal") || target.isAnnotationPresent(
                    AnonymousAllowed.class)) {
                continue;
            }
            String path = route.getTemplate().replaceAll(":[^/]+", UUID.randomUUID().toString());
            UI.getCurrent().navigate(path);
            checked++;
            Class<?> shown = getCurrentView().getClass();
            if (target == HomeView.class) {
                assertThat(shown).as("the start address sends a patient to the portal").isEqualTo(PortalHomeView.class);
            } else if (shown != NotFoundView.class) {
                opened.add(path + " → " + shown.getSimpleName());
            }
        }
        assertThat(checked).as("every staff view was tried").isGreaterThan(20);
        assertThat(opened).isEmpty();
    }

    @Test
    @WithPortalPatient
    void home_greets_the_patient_by_first_name_and_says_when_nothing_is_booked() {
        PortalHomeView home = navigate(PortalHomeView.class);

        assertThat(home.greeting.getText()).isEqualTo("Hello, Olga");
        assertThat(home.appointments.getElement().getTextRecursively()).contains("no upcoming appointments");
    }

    @Test
    @WithPortalPatient
    void the_profile_shows_the_registry_rule_next_to_the_field_and_saves_a_good_phone() {
        ProfileView profile = navigate(ProfileView.class);

        profile.phone.setValue("12");
        test(profile.saveContact).click();
        assertThat(profile.phone.isInvalid()).isTrue();
        assertThat(profile.phone.getErrorMessage()).contains("Not a valid phone number");

        profile.phone.setValue("020 7946 0412");
        test(profile.saveContact).click();
        assertThat(profile.phone.isInvalid()).isFalse();
        UUID me = currentPatient.patientId();
        PatientRecord record = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.get(me));
        assertThat(record.phone()).isEqualTo("+442079460412");
    }

    @Test
    @WithPortalPatient
    void revoking_access_ends_the_patients_open_session() {
        VaadinSession session = VaadinSession.getCurrent();
        var principal = currentPatient.require();
        session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                        principal.getAuthorities())));
        navigate(PortalHomeView.class);
        assertThat(fromReception(session, () -> sessions.openSessionsOf(principal.accountId()))).isEqualTo(1);

        fromReception(session, () -> {
            access.revoke(principal.patientId());
            return null;
        });
        session.getService().runPendingAccessTasks(session);

        assertThat(session.getSession().getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
                .as("the session forgot the sign-in").isNull();
        assertThat(fromReception(session, () -> sessions.openSessionsOf(principal.accountId()))).isZero();
    }

    /** Reception acts from another browser: outside the patient's Vaadin session, whose sign-in is the patient's. */
    private static <T> T fromReception(VaadinSession patientsSession, java.util.function.Supplier<T> work) {
        var saved = SecurityContextHolder.getContext();
        VaadinSession.setCurrent(null);
        try {
            return SystemAuthentication.runAs(Role.RECEPTIONIST, work);
        } finally {
            VaadinSession.setCurrent(patientsSession);
            SecurityContextHolder.setContext(saved);
        }
    }

    @Test
    @WithPortalPatient
    void a_new_email_address_is_confirmed_with_the_code_sent_to_it_from_a_signed_in_session() {
        signedInSession(); // as in the running app: the session holds the patient's sign-in
        ProfileView profile = navigate(ProfileView.class);
        String newEmail = org.clinic.portal.PortalFixtures.uniqueEmail();

        profile.email.setValue(newEmail);
        test(profile.sendCode).click();
        assertThat(profile.emailCode.isVisible()).isTrue();
        profile.emailCode.setValue(codeSentTo(newEmail));
        test(profile.confirmEmail).click();

        assertThat(profile.emailCode.isVisible()).isFalse();
        assertThat(profile.email.getValue()).isEqualTo(newEmail);
    }

    @Test
    @WithPortalPatient
    void home_lists_the_patients_appointments_from_a_signed_in_session() {
        signedInSession();
        PortalHomeView home = navigate(PortalHomeView.class);
        assertThat(home.greeting.getText()).startsWith("Hello");
    }

    private void signedInSession() {
        var principal = currentPatient.require();
        VaadinSession.getCurrent().getSession().setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                        principal.getAuthorities())));
    }

    private String codeSentTo(String email) {
        String body = jdbc.sql("SELECT body_text FROM outbox_message WHERE recipient = :r ORDER BY id DESC LIMIT 1")
                .param("r", email).query(String.class).single();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Your code is:\\s+(\\d{6})").matcher(body);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    @WithAnonymousUser
    void the_portal_names_the_clinic_as_the_settings_name_it_now() {
        String before = SystemAuthentication.runAs(Role.ADMIN, () -> clinicSettings.current()).get(Setting.NAME).value();
        SystemAuthentication.runAs(Role.ADMIN, () -> clinicSettings.save(Map.of(Setting.NAME, "Riverside Clinic")));
        try {
            navigate(PortalSignInView.class);
            assertThat($(Span.class).withClassName("portal-clinic-name").single().getText())
                    .isEqualTo("Riverside Clinic");
        } finally {
            SystemAuthentication.runAs(Role.ADMIN, () -> clinicSettings.save(Map.of(Setting.NAME, before)));
        }
    }

    @Test
    @WithAnonymousUser
    void sign_up_shows_each_problem_next_to_its_field() {
        SignUpView view = navigate(SignUpView.class);
        view.givenName.setValue("A");
        view.email.setValue("not-an-address");
        view.password.setValue("password123");

        test(view.submit).click();

        assertThat(view.givenName.isInvalid()).isTrue();
        assertThat(view.familyName.getErrorMessage()).isEqualTo("Enter a name");
        assertThat(view.birthDate.isInvalid()).isTrue();
        assertThat(view.email.isInvalid()).isTrue();
        assertThat(getCurrentView()).isInstanceOf(SignUpView.class);
    }

    @Test
    @WithAnonymousUser
    void sign_up_with_the_details_of_a_registered_patient_offers_to_link_instead() {
        PatientRecord existing = SystemAuthentication.runAs(Role.RECEPTIONIST,
                () -> patients.register(TestPatients.details(), false));
        SignUpView view = navigate(SignUpView.class);
        view.givenName.setValue(existing.givenName());
        view.familyName.setValue(existing.familyName());
        view.birthDate.setValue(existing.birthDate());
        view.sex.setValue(Sex.FEMALE);
        view.email.setValue(org.clinic.portal.PortalFixtures.uniqueEmail());
        view.password.setValue("Correct-Horse-Battery-42");

        test(view.submit).click();

        assertThat(view.alreadyRegistered.isVisible()).isTrue();
        assertThat(view.alreadyRegistered.getElement().getTextRecursively()).doesNotContain(existing.displayMrn());
    }

    @Test
    @WithAnonymousUser
    void a_good_sign_up_goes_on_to_the_code() {
        SignUpView view = navigate(SignUpView.class);
        view.givenName.setValue("Nora");
        view.familyName.setValue(TestPatients.uniqueName());
        view.birthDate.setValue(LocalDate.of(1991, 2, 3));
        view.sex.setValue(Sex.FEMALE);
        view.email.setValue(org.clinic.portal.PortalFixtures.uniqueEmail());
        view.password.setValue("Correct-Horse-Battery-42");

        test(view.submit).click();

        assertThat(getCurrentView()).isInstanceOf(VerifyView.class);
        VerifyView verify = (VerifyView) getCurrentView();
        verify.code.setValue("000000");
        test(verify.confirm).click();
        assertThat(verify.result.isVisible()).isTrue();
    }

    @Test
    @WithAnonymousUser
    void a_portal_page_asks_an_anonymous_visitor_to_sign_in_at_the_portal() {
        navigate("portal/home", PortalSignInView.class);
        assertThat(getCurrentView()).isInstanceOf(PortalSignInView.class);
    }
}
