package org.clinic.journey;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Media;
import org.clinic.TestClock;
import org.clinic.appointment.TestClinic;
import org.clinic.base.TestLogos;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationService;
import org.clinic.consultation.PrescriptionFixtures;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.queue.Lane;
import org.clinic.queue.QueueService;
import org.clinic.security.ActingAs;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.SystemAuthentication;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.settings.ClinicSettingsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.ThreadLocalRandom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The printed prescription in a real browser, as the printer gets it (print media, an A4-sized page: the application
 * around the sheet is not printed), for a child and an adult, with the clinic's logo beside its name and without;
 * and the on-screen sheet and the current medications on a phone. Screenshots go to target/screenshots.
 */
class PrescriptionPrintJourneyTest extends JourneyTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    ConsultationService consultations;
    @Autowired
    QueueService queue;
    @Autowired
    TestClock clock;
    @Autowired
    ClinicSettingsService settings;

    @AfterEach
    void realTime() {
        clock.reset();
        SystemAuthentication.runAs(Role.ADMIN, () -> settings.removeLogo());
    }

    @Test
    void the_printed_prescription_carries_what_a_pharmacist_checks_and_nothing_of_the_application() {
        clock.setTimeOfDay(LocalTime.of(9, 0));
        LocalDate today = LocalDate.now(clock);
        DoctorSummary doctor = new TestClinic(accounts, doctors, patients)
                .doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        PrescriptionFixtures fixtures = new PrescriptionFixtures(consultations, patients, queue);
        Consultation child = fixtures.child(doctor, today);
        Consultation adult = fixtures.adult(doctor, today);

        // The clinic has uploaded its logo: the sheet prints it beside the clinic's name, at most 64 px high
        SystemAuthentication.runAs(Role.ADMIN, () -> settings.uploadLogo(TestLogos.png(240, 80)));
        Page page = browsers.signIn(doctor.staffUsername(), "doctor-password", 794, 1123);
        for (Consultation c : java.util.List.of(child, adult)) {
            page.navigate(browsers.url("consultations/" + c.id() + "/summary"));
            assertThat(page.locator("#summary-patient")).containsText(c.patientName());
            assertThat(page.locator("#summary-prescriber")).containsText(doctor.registrationNumber());
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("#print")).isHidden(); // the tools are not printed
            assertThat(page.locator("vaadin-app-layout")).not().isVisible();
            assertThat(page.locator("#summary-prescription")).isVisible();
            assertLogoBesideTheName(page);
            shot(page, c == child ? "prescription-print-child" : "prescription-print-adult");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        }

        // On a phone, the same sheet stacks: each medicine a card with its column names
        Page phone = browsers.signIn(doctor.staffUsername(), "doctor-password", 375, 812);
        phone.navigate(browsers.url("consultations/" + adult.id() + "/summary"));
        assertThat(phone.locator("#summary-prescription")).containsText("Cefalexin");
        org.assertj.core.api.Assertions.assertThat(phone.locator("#summary-clinic-logo").boundingBox().height)
                .as("the logo a little smaller on a phone").isLessThanOrEqualTo(48.5);
        shot(phone, "prescription-phone");
        phone.locator("#summary-prescription").scrollIntoViewIfNeeded();
        shot(phone, "prescription-phone-medicines");

        // Without a logo the name stands alone, with no empty or broken image in its place
        SystemAuthentication.runAs(Role.ADMIN, () -> settings.removeLogo());
        page.navigate(browsers.url("consultations/" + adult.id() + "/summary"));
        assertThat(page.locator("#summary-clinic")).isVisible();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator(".clinic-summary-header img")).hasCount(0);
        shot(page, "prescription-print-no-logo");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        // The record shows the adult's current medications
        phone.navigate(browsers.url("patients/" + adult.patientId()));
        assertThat(phone.locator("#current-medications")).containsText("Cefalexin");
        assertThat(phone.locator("#current-medications")).containsText("Amlodipine");
        phone.locator("#current-medications").scrollIntoViewIfNeeded();
        hideDevelopmentTools(phone);
        phone.waitForTimeout(300);
        phone.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("current-medications-phone.png")));

        // ... and so does her next consultation, above the prescription the doctor is about to write
        var entry = ActingAs.as("grace", Role.RECEPTIONIST, () -> queue.walkIn(adult.patientId(), doctor.id(),
                doctor.specialty().id(), Lane.REGULAR, null, "Review of the infection"));
        Consultation next = ActingAs.as(doctor.staffUsername(), Role.DOCTOR, () -> consultations.start(entry.entryId()));
        Page room = browsers.signIn(doctor.staffUsername(), "doctor-password", 1366, 900);
        room.navigate(browsers.url("consultations/" + next.id()));
        assertThat(room.locator("#current-medications")).containsText("Cefalexin");
        room.locator("#current-medications").scrollIntoViewIfNeeded();
        hideDevelopmentTools(room);
        room.waitForTimeout(300);
        room.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("current-medications-consultation.png")));
    }

    @Test
    void an_administrator_is_told_at_the_field_when_a_registration_number_has_the_wrong_shape() {
        String admin = "regadmin" + ThreadLocalRandom.current().nextInt(1_000_000);
        SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(admin, "Admin " + admin,
                "journey-password-13", Role.ADMIN)));
        Page phone = browsers.signIn(admin, "journey-password-13", 375, 812);
        phone.navigate(browsers.url("admin/doctors"));
        assertThat(phone.locator("#add-doctor")).isVisible();
        hideDevelopmentTools(phone); // its popup lies over the button on a phone
        phone.locator("#add-doctor").click();
        phone.locator("#doctor-registration input").fill("KMC/2012/123");
        phone.locator("#doctor-registration input").blur();
        assertThat(phone.locator("#doctor-registration")).containsText("letters, digits, spaces and dashes");
        phone.locator("#doctor-registration").scrollIntoViewIfNeeded();
        hideDevelopmentTools(phone);
        phone.waitForTimeout(300);
        phone.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("doctor-registration-phone.png")));
    }

    private static void assertLogoBesideTheName(Page page) {
        Locator logo = page.locator("#summary-clinic-logo");
        assertThat(logo).isVisible();
        BoundingBox box = logo.boundingBox();
        BoundingBox name = page.locator("#summary-clinic").boundingBox();
        org.assertj.core.api.Assertions.assertThat(box.height).as("logo height in px").isLessThanOrEqualTo(64.5)
                .isGreaterThan(30);
        org.assertj.core.api.Assertions.assertThat(box.width / box.height).as("its shape kept")
                .isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.1));
        org.assertj.core.api.Assertions.assertThat(box.x + box.width).as("on the name's left")
                .isLessThanOrEqualTo(name.x);
        // the image has really loaded: a broken one has no natural size
        org.assertj.core.api.Assertions.assertThat((Number) logo.evaluate("img => img.naturalWidth")).isEqualTo(240);
    }

    /** Development mode's own popups and toolbar are not part of the page a doctor prints. */
    private static void hideDevelopmentTools(Page page) {
        page.evaluate("document.querySelectorAll('body > *').forEach(e => { "
                + "if (/dev-tools|copilot/i.test(e.tagName)) e.style.display = 'none'; })");
    }

    private static void shot(Page page, String name) {
        hideDevelopmentTools(page);
        page.waitForTimeout(300);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
