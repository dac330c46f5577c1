package org.clinic.journey;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import org.clinic.TestClock;
import org.clinic.appointment.TestClinic;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationService;
import org.clinic.consultation.PrescriptionFixtures;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.queue.QueueService;
import org.clinic.security.StaffAccountService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The printed prescription in a real browser, as the printer gets it (print media, an A4-sized page: the application
 * around the sheet is not printed), for a child and an adult; and the on-screen sheet and the current medications on
 * a phone. Screenshots go to target/screenshots.
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

    @AfterEach
    void realTime() {
        clock.reset();
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

        Page page = browsers.signIn(doctor.staffUsername(), "doctor-password", 794, 1123);
        for (Consultation c : java.util.List.of(child, adult)) {
            page.navigate(browsers.url("consultations/" + c.id() + "/summary"));
            assertThat(page.locator("#summary-patient")).containsText(c.patientName());
            assertThat(page.locator("#summary-prescriber")).containsText(doctor.registrationNumber());
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("#print")).isHidden(); // the tools are not printed
            assertThat(page.locator("vaadin-app-layout")).not().isVisible();
            assertThat(page.locator("#summary-prescription")).isVisible();
            shot(page, c == child ? "prescription-print-child" : "prescription-print-adult");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        }

        // On a phone, the same sheet stacks: each medicine a card with its column names
        Page phone = browsers.signIn(doctor.staffUsername(), "doctor-password", 375, 812);
        phone.navigate(browsers.url("consultations/" + adult.id() + "/summary"));
        assertThat(phone.locator("#summary-prescription")).containsText("Cefalexin");
        shot(phone, "prescription-phone");
        phone.locator("#summary-prescription").scrollIntoViewIfNeeded();
        shot(phone, "prescription-phone-medicines");

        // The record shows the adult's current medications
        phone.navigate(browsers.url("patients/" + adult.patientId()));
        assertThat(phone.locator("#current-medications")).containsText("Cefalexin");
        assertThat(phone.locator("#current-medications")).containsText("Amlodipine");
        phone.locator("#current-medications").scrollIntoViewIfNeeded();
        phone.evaluate("document.querySelector('vaadin-dev-tools')?.remove()");
        phone.waitForTimeout(300);
        phone.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("current-medications-phone.png")));
    }

    private static void shot(Page page, String name) {
        page.evaluate("document.querySelector('vaadin-dev-tools')?.remove()"); // dev mode's badge, not the app's
        page.waitForTimeout(300);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
