package org.clinic.journey;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.TestClinic;
import org.clinic.base.ClinicDates;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real browser at 1366 × 768: a date typed DD/MM/YYYY is read by the booking field, an unreadable one is
 * explained beside it, and the week strip of a specialty is used with the keyboard. Screenshots of booking and of
 * the doctor's day with their strips go to target/screenshots.
 */
class WeekStripJourneyTest extends JourneyTest {

    private static final String PASSWORD = "journey-password-3";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    AppointmentService appointments;

    @Test
    void a_typed_date_a_bad_date_and_the_week_strip_at_the_booking_desk() {
        TestClinic clinic = new TestClinic(accounts, doctors, patients);
        String specialty = "Cardiology " + ThreadLocalRandom.current().nextInt(100_000);
        DoctorSummary first = clinic.doctor(specialty, LocalTime.of(9, 0), LocalTime.of(13, 0), 20, 6);
        DoctorSummary second = clinic.doctor(specialty, LocalTime.of(13, 0), LocalTime.of(17, 0), 30, 8);
        DoctorSummary third = clinic.doctor(specialty, LocalTime.of(8, 0), LocalTime.of(16, 0), 30, 12);
        LocalDate day = LocalDate.now().plusDays(8);
        var people = clinic.patients(8);
        for (int i = 0; i < 6; i++) { // the first doctor's day at capacity
            book(people.get(i), first, day, LocalTime.of(9, 0).plusMinutes(20L * i));
        }
        book(people.get(6), second, day, LocalTime.of(14, 0));
        SystemAuthentication.runAs(Role.ADMIN, () -> doctors.addLeave(third.id(), day.plusDays(1), "Congress"));
        String mrn = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.reference(people.get(7)).mrn());

        Page desk = browsers.signIn(receptionist(), PASSWORD, 1366, 768);
        desk.navigate(browsers.url("appointments/book"));
        desk.locator("#booking-patient input").fill(mrn);
        desk.locator("vaadin-combo-box-item").first().click();
        choose(desk, "#booking-specialty", specialty);
        choose(desk, "#booking-doctor", second.displayName());

        Locator date = desk.locator("#booking-date input");
        date.fill("garbage");
        date.press("Enter");
        assertThat(desk.locator("#booking-date")).hasAttribute("invalid", "");
        assertThat(desk.locator("#booking-date [slot=error-message]")).containsText("DD/MM/YYYY");
        screenshot(desk, "booking-bad-date");

        date.fill(day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        date.press("Enter");
        assertThat(date).hasValue(ClinicDates.date(day));
        assertThat(desk.locator("#booking-date")).not().hasAttribute("invalid", "");
        assertThat(desk.locator("#booking-slots vaadin-button[data-slot='13:00']")).isVisible();
        assertThat(desk.locator("#booking-slots vaadin-button[data-slot='14:00']")).hasClass(
                java.util.regex.Pattern.compile("clinic-slot-taken"));

        Locator strip = desk.locator("#week-strip");
        assertThat(cell(strip, first, day)).hasText("Full");
        assertThat(cell(strip, third, day.plusDays(1))).hasText("Closed");
        assertThat(cell(strip, second, day)).containsText("7");
        desk.locator("#booking-slots vaadin-button[data-slot='15:00']").click();
        screenshot(desk, "booking-week-strip");

        // Keyboard: from a cell, the arrow keys move along the week (and across doctors); Enter chooses.
        cell(strip, first, day).focus();
        desk.keyboard().press("ArrowRight");
        desk.keyboard().press("ArrowRight");
        desk.keyboard().press("Enter");
        assertThat(date).hasValue(ClinicDates.date(day.plusDays(2)));
        assertThat(desk.locator("#booking-doctor")).containsText(first.displayName());
        assertThat(cell(strip, first, day.plusDays(2))).hasClass(java.util.regex.Pattern.compile("clinic-week-chosen"));

        desk.navigate(browsers.url("appointments/day/" + second.id() + "?date=" + day));
        assertThat(desk.locator("#week-strip")).isVisible();
        assertThat(cell(desk.locator("#week-strip"), first, day)).hasText("Full");
        screenshot(desk, "doctor-day-week-strip");
        cell(desk.locator("#week-strip"), third, day.plusDays(2)).click();
        desk.waitForURL(url -> url.contains(third.id().toString()));
        assertThat(desk.locator(".clinic-timeline-heading")).containsText(third.displayName());

        desk.navigate(browsers.url("appointments"));
        desk.locator("#day input").fill(day.format(DateTimeFormatter.ofPattern("d/M/yyyy")));
        desk.locator("#day input").press("Enter");
        assertThat(desk.locator("#appointment-counts")).containsText("to come");
        screenshot(desk, "day-list-counts");
    }

    private static Locator cell(Locator strip, DoctorSummary doctor, LocalDate date) {
        return strip.locator("vaadin-button[data-doctor='" + doctor.id() + "'][data-date='" + date + "']");
    }

    private static void choose(Page page, String select, String text) {
        page.locator(select).click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(text)).first().click();
    }

    private void book(UUID patient, DoctorSummary doctor, LocalDate date, LocalTime start) {
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(new BookAppointment(UUID.randomUUID(),
                patient, doctor.id(), date, start, AppointmentKind.NEW, null)));
    }

    private String receptionist() {
        String username = "week" + ThreadLocalRandom.current().nextInt(1_000_000);
        SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(username, "Desk " + username,
                PASSWORD, Role.RECEPTIONIST)));
        return username;
    }

    private static void screenshot(Page page, String name) {
        page.waitForTimeout(400);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }
}
