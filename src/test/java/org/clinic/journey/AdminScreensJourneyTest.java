package org.clinic.journey;

import com.microsoft.playwright.Page;
import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.NewDoctor;
import org.clinic.doctor.WorkingSession;
import org.clinic.patient.PatientService;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The administrator's staff, doctors and working-hours screens at 1366 x 768, as an administrator sees them, with
 * long names and e-mail addresses. Screenshots go to target/screenshots (admin-*.png) to be looked at.
 */
class AdminScreensJourneyTest extends JourneyTest {

    private static final String PASSWORD = "journey-password-1";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;

    @Test
    void staff_doctors_and_hours_screens_at_1366() {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000));
        DoctorSummary longest = doctor("Dr Maximiliana Fernández-Oyelaran " + suffix,
                "maximiliana.fernandez-oyelaran.cardiology" + suffix + "@northside-family-clinic.example.org");
        doctor("Dr Wei Chen " + suffix, "wei.chen" + suffix + "@clinic.example.org");
        new TestClinic(accounts, doctors, patients).doctor(LocalTime.of(8, 0), LocalTime.of(12, 0), 15, 20);
        String admin = SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(
                "admin" + suffix, "Adaeze Okonkwo-Baptiste", PASSWORD, Role.ADMIN))).username();

        Page page = browsers.signIn(admin, PASSWORD, 1366, 768);
        page.navigate(browsers.url("admin/staff"));
        assertThat(page.locator("#staff-search")).isVisible();
        screenshot(page, "admin-staff");
        page.locator("#staff-search input").fill("okonkwo");
        page.waitForTimeout(800);
        screenshot(page, "admin-staff-search");
        page.locator("#staff-search input").fill("maximiliana");
        page.waitForTimeout(800);
        page.locator("vaadin-button.clinic-change-role").first().click();
        assertThat(page.locator("#new-role")).isVisible();
        page.locator("#new-role vaadin-radio-button").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("Receptionist")).click();
        page.locator("#change-role").click();
        assertThat(page.locator("vaadin-confirm-dialog-overlay, #role-change-confirm").first()).isAttached();
        page.waitForTimeout(500);
        screenshot(page, "admin-staff-role-confirm");

        page.navigate(browsers.url("admin/doctors"));
        assertThat(page.locator("#doctors")).isVisible();
        screenshot(page, "admin-doctors");
        page.locator("#doctors").getByText("maximiliana.fernandez", new com.microsoft.playwright.Locator
                .GetByTextOptions()).first().hover();
        page.waitForTimeout(1500);
        screenshot(page, "admin-doctors-tooltip");

        page.navigate(browsers.url("admin/doctors/" + longest.id() + "/hours"));
        assertThat(page.locator("#week-editor")).isVisible();
        screenshot(page, "admin-hours");
        page.locator("#copy-week-monday").click();
        page.waitForTimeout(500);
        screenshot(page, "admin-hours-copy-confirm");
        page.locator("vaadin-button:has-text('Copy and replace')").click();
        assertThat(page.locator("#week-unsaved")).containsText("not saved yet");
        page.locator("#save-week").click();
        page.waitForTimeout(800);
        screenshot(page, "admin-hours-copied");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-hours-full.png"))
                .setFullPage(true));
    }

    private DoctorSummary doctor(String name, String email) {
        return SystemAuthentication.runAs(Role.ADMIN, () -> {
            String username = "doc" + ThreadLocalRandom.current().nextInt(100_000_000);
            accounts.create(new CreateStaffAccount(username, name, "doctor-password", Role.DOCTOR));
            var specialty = doctors.specialties().stream().filter(s -> s.name().equals("General practice"))
                    .findFirst().orElseGet(() -> doctors.addSpecialty("General practice"));
            DoctorSummary doctor = doctors.addDoctor(new NewDoctor(username, name, specialty.id(), email,
                    "GMC " + username.substring(3), "12B", 15, 24));
            doctors.setWeeklySessions(doctor.id(), List.of(
                    new WorkingSession(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 30)),
                    new WorkingSession(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(17, 0)),
                    new WorkingSession(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(13, 0))));
            return doctor;
        });
    }

    private static void screenshot(Page page, String name) {
        // development mode's own pop-up and toolbar are not part of the screen an administrator sees
        page.evaluate("document.querySelectorAll('body > *').forEach(e => { "
                + "if (/dev-tools|copilot/i.test(e.tagName)) e.style.display = 'none'; })");
        page.waitForTimeout(300);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }
}
