package org.clinic.journey;

import com.microsoft.playwright.Page;
import jakarta.mail.internet.MimeMessage;
import org.clinic.message.MailBox;
import org.clinic.patient.PatientService;
import org.clinic.patient.PatientSummary;
import org.clinic.patient.TestPatients;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new patient on a phone (375x812): signs up, reads the code from the email GreenMail received, confirms it, signs
 * in, sees the home and changes the phone number; reception then sees the portal access on the record. Every portal
 * page is saved as a screenshot under target/screenshots (portal-*.png).
 */
class PortalJourneyTest extends JourneyTest {

    private static final String STAFF_PASSWORD = "journey-password-11";
    private static final String PASSWORD = "Correct-Horse-Battery-42";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Pattern CODE = Pattern.compile("Your code: (\\d{6})");

    @Autowired
    StaffAccountService accounts;
    @Autowired
    PatientService patients;
    @Autowired
    org.clinic.portal.PortalSeeding seeding;
    @Autowired
    org.clinic.security.PatientSignInAccounts signInAccounts;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    org.clinic.doctor.DoctorService doctors;
    @Autowired
    org.clinic.appointment.AppointmentService appointments;

    @Test
    void a_new_patient_signs_up_on_a_phone_and_reception_sees_the_portal_access() throws Exception {
        String family = TestPatients.uniqueName();
        String email = family.toLowerCase(Locale.ROOT) + "@example.org";
        Page phone = browsers.newPage(375, 812);

        phone.navigate(browsers.url("portal"));
        assertThat(phone.locator("vaadin-login-form")).isVisible();
        screenshot(phone, "portal-sign-in");

        phone.locator("#portal-link-link").click();
        assertThat(phone.locator("#mrn")).isVisible();
        screenshot(phone, "portal-link-record");
        phone.locator("#link-way vaadin-radio-button").nth(1).click();
        assertThat(phone.locator("#invitation-code")).isVisible();
        screenshot(phone, "portal-link-invitation");

        phone.navigate(browsers.url("portal/sign-up"));
        phone.locator("#given-name input").fill("Nora");
        phone.locator("#family-name input").fill(family);
        phone.locator("#birth-date input").fill("17/05/1990");
        phone.locator("#birth-date input").press("Enter");
        phone.locator("#sex vaadin-radio-button").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Female")).click();
        phone.locator("#email input").fill(email);
        phone.locator("#password input").fill(PASSWORD);
        phone.locator("#phone input").fill("020 7946 0577");
        screenshot(phone, "portal-sign-up");
        phone.locator("#sign-up").click();

        assertThat(phone.locator("#code")).isVisible();
        screenshot(phone, "portal-verify");
        List<MimeMessage> mail = MailBox.await(email, 1, Duration.ofSeconds(30));
        assertThat(mail).as("the verification email arrived at GreenMail").hasSize(1);
        Matcher code = CODE.matcher(mail.getFirst().getSubject());
        assertThat(code.find()).isTrue();
        phone.locator("#code input").fill(code.group(1));
        phone.locator("#confirm-code").click();

        assertThat(phone.locator(".portal-notice")).containsText("Your account is ready");
        screenshot(phone, "portal-verified");
        phone.locator("vaadin-login-form input[name=username]").fill(email);
        phone.locator("vaadin-login-form input[name=password]").fill(PASSWORD);
        phone.locator("vaadin-login-form input[name=password]").press("Enter");

        assertThat(phone.locator("#greeting")).hasText("Hello, Nora");
        assertThat(phone.locator("#upcoming")).containsText("no upcoming appointments");
        screenshot(phone, "portal-home");

        phone.locator("#profile-link").click();
        assertThat(phone.locator("#profile-phone input")).hasValue("020 7946 0577");
        phone.locator("#profile-phone input").fill("020 7946 0999");
        phone.locator("#save-contact").click();
        assertThat(phone.locator("vaadin-notification-card")).containsText("saved");
        screenshot(phone, "portal-profile");

        phone.navigate(browsers.url("patients"));
        assertThat(phone.locator("#patient-search")).not().isVisible();

        phone.navigate(browsers.url("portal/home"));
        // dispatched to the button itself: Vaadin's development-mode notice may lie over the header in tests
        phone.locator("#portal-sign-out").dispatchEvent("click");
        phone.waitForURL(url -> url.contains("/portal?signed-out"));
        assertThat(phone.locator(".portal-notice")).containsText("signed out");

        PatientSummary registered = SystemAuthentication.runAs(Role.RECEPTIONIST,
                () -> patients.search(family, 0, 5)).getFirst();
        Page desk = browsers.signIn(reception(), STAFF_PASSWORD);
        desk.navigate(browsers.url("patients/" + registered.id()));
        assertThat(desk.locator("#portal-access-status")).containsText("Has portal access since");
        assertThat(desk.locator("#portal-access-status")).containsText(email);
        desk.locator("#portal-access").scrollIntoViewIfNeeded();
        desk.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("portal-reception-record.png"))
                .setFullPage(true));
        assertThat(registered.phone()).isEqualTo("+442079460999");
    }

    @Test
    void a_patient_with_appointments_sees_them_on_the_home_page() {
        String email = org.clinic.portal.PortalFixtures.uniqueEmail();
        var fixtures = new org.clinic.portal.PortalFixtures(patients, seeding, signInAccounts, jdbc);
        var patient = fixtures.withAccount(email);
        var doctor = new org.clinic.appointment.TestClinic(accounts, doctors, patients)
                .doctor(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(12, 0), 15, 10);
        java.time.LocalDate day = java.time.LocalDate.now().plusDays(2);
        for (java.time.LocalTime start : List.of(java.time.LocalTime.of(9, 30), java.time.LocalTime.of(11, 15))) {
            SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(new org.clinic.appointment
                    .BookAppointment(java.util.UUID.randomUUID(), patient.id(), doctor.id(), start.getHour() == 9
                    ? day : day.plusDays(7), start, org.clinic.appointment.AppointmentKind.NEW, "private reason")));
        }
        Page phone = browsers.newPage(375, 812);
        phone.navigate(browsers.url("portal"));
        phone.locator("vaadin-login-form input[name=username]").fill(email);
        phone.locator("vaadin-login-form input[name=password]").fill(org.clinic.portal.PortalFixtures.PASSWORD);
        phone.locator("vaadin-login-form input[name=password]").press("Enter");

        phone.waitForURL(url -> url.contains("/portal/home"));
        assertThat(phone.locator(".portal-appointment")).hasCount(2);
        assertThat(phone.locator("#upcoming")).containsText(doctor.displayName());
        assertThat(phone.locator("#upcoming")).not().containsText("private reason");
        screenshot(phone, "portal-home-appointments");
    }

    @Test
    void staff_sign_in_does_not_sign_a_patient_in() {
        Page phone = browsers.newPage(375, 812);
        phone.navigate(browsers.url("login"));
        phone.locator("vaadin-login-form input[name=username]").fill("nobody@example.org");
        phone.locator("vaadin-login-form input[name=password]").fill(PASSWORD);
        phone.locator("vaadin-login-form input[name=password]").press("Enter");
        phone.waitForURL(url -> url.contains("/login?error"));
    }

    private String reception() {
        String name = "portaljourney" + ThreadLocalRandom.current().nextInt(1_000_000);
        SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(name, "Rita Desk",
                STAFF_PASSWORD, Role.RECEPTIONIST)));
        return name;
    }

    /** Saves the page as a screenshot and checks it with axe-core: no serious or critical accessibility problem. */
    private static void screenshot(Page page, String name) {
        page.waitForTimeout(300);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
        Axe.assertNoSeriousViolations(page, name);
    }
}
