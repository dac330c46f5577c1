package org.clinic.journey;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.clinic.TestClock;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientDetails;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.Sex;
import org.clinic.patient.TestPatients;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day of the visit on a phone and at the kiosk. Reception checks a patient in; the position page opened from the
 * ticket's link (375 px, not signed in) shows the place, and when the doctor calls it shows the room without a
 * reload; nothing the page receives (HTML, requests, push frames) names the patient. At the kiosk a second patient
 * checks in with the booking code and date of birth. Screenshots go to target/screenshots.
 */
class VisitJourneyTest extends JourneyTest {

    private static final String PASSWORD = "journey-password-1";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final LocalDate BORN = LocalDate.of(1971, 3, 9);
    private static final LocatorAssertions.ContainsTextOptions SOON = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(15_000);

    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    AppointmentService appointments;
    @Autowired
    AppointmentQueries appointmentQueries;
    @Autowired
    TestClock clock;

    @BeforeEach
    void morning() {
        clock.setTimeOfDay(LocalTime.of(9, 0));
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void real_time() {
        // Today's queues are shared by every test: nobody of this journey stays waiting.
        jdbc.sql("UPDATE queue_entry SET status = 'LEFT' WHERE on_date = :today AND token_line IN (:lines)"
                + " AND status IN ('WAITING', 'CALLED')").param("today", LocalDate.now(clock))
                .param("lines", lines.isEmpty() ? List.of("none") : lines).update();
        clock.reset();
    }

    private final List<String> lines = new ArrayList<>();

    @Test
    void the_position_page_follows_the_patient_from_check_in_to_the_call_and_names_nobody() {
        DoctorSummary doctor = new TestClinic(accounts, doctors, patients)
                .doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        lines.add("doctor:" + doctor.internalId());
        PatientRecord patient = patient("Philippa");
        AppointmentSummary booked = book(patient, doctor, LocalTime.of(9, 30));

        Page reception = browsers.signIn(account(Role.RECEPTIONIST), PASSWORD, 1366, 768);
        reception.navigate(browsers.url("queue"));
        reception.locator("vaadin-button[data-appointment='" + booked.id() + "']").click();
        String token = reception.locator("#ticket-token").textContent().strip();
        assertThat(reception.locator("#ticket-qr")).isVisible();
        String link = reception.locator("#ticket-link").getAttribute("href");
        assertThat(link).endsWith("/visit/" + booked.visitCode());
        reception.locator("#ticket").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("visit-ticket-with-qr.png")));

        // The patient's phone: not signed in, every byte it receives recorded.
        Page phone = browsers.newPage(375, 812);
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        phone.onWebSocket(socket -> socket.onFrameReceived(frame -> received.add(frame.text())));
        phone.onResponse(response -> {
            try {
                received.add(response.text());
            } catch (RuntimeException binary) {
                // images and fonts
            }
        });
        phone.navigate(browsers.url("visit/" + booked.visitCode()));
        assertThat(phone.locator("#visit-token")).hasText(token);
        assertThat(phone.locator("#visit-ahead")).containsText("You are next");
        assertThat(phone.locator("#visit-wait")).containsText("Estimated wait");
        phone.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("visit-waiting-375.png"))
                .setFullPage(true));
        Axe.assertNoSeriousViolations(phone, "visit-waiting-375");

        Page room = browsers.signIn(doctor.staffUsername(), "doctor-password", 1366, 768);
        room.navigate(browsers.url("my-queue"));
        room.locator("#call-next").click();
        assertThat(phone.locator("#visit-call")).containsText("Please go to room " + doctor.room(), SOON);
        phone.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("visit-called-375.png"))
                .setFullPage(true));
        Axe.assertNoSeriousViolations(phone, "visit-called-375");

        received.add(phone.content());
        String everything = String.join("\n", received);
        assertThat(everything).contains(token)
                .doesNotContain(patient.familyName()).doesNotContain(patient.givenName())
                .doesNotContain(patient.mrn()).doesNotContain(BORN.toString()).doesNotContain("09/03/1971")
                .doesNotContain("Persistent cough").doesNotContain(booked.bookingCode());

        // A link of no visit, in another phone: the neutral page.
        Page stranger = browsers.newPage(375, 812);
        stranger.navigate(browsers.url("visit/" + "A".repeat(24)));
        assertThat(stranger.locator("#visit-heading")).hasText("This link is not valid (any more)");
        stranger.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("visit-not-valid-375.png")));
        Axe.assertNoSeriousViolations(stranger, "visit-not-valid-375");
    }

    @Test
    void the_kiosk_checks_a_patient_in_with_the_booking_code_and_date_of_birth() {
        DoctorSummary doctor = new TestClinic(accounts, doctors, patients)
                .doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        lines.add("doctor:" + doctor.internalId());
        PatientRecord patient = patient("Bartholomew");
        AppointmentSummary booked = book(patient, doctor, LocalTime.of(10, 0));

        Page kiosk = browsers.signIn(account(Role.KIOSK), PASSWORD, 1280, 800);
        kiosk.waitForURL(url -> url.contains("/kiosk"));
        assertThat(kiosk.locator("#kiosk-code")).isVisible();
        kiosk.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("kiosk-start.png")));
        Axe.assertNoSeriousViolations(kiosk, "kiosk-start");

        kiosk.locator("#kiosk-code input").fill(booked.bookingCode());
        kiosk.locator("#kiosk-code input").press("Enter");
        birthDate(kiosk, BORN.plusYears(1));
        kiosk.locator("#kiosk-check-in").click();
        assertThat(kiosk.locator("#kiosk-message")).containsText("date of birth does not match");
        kiosk.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("kiosk-error.png")));
        Axe.assertNoSeriousViolations(kiosk, "kiosk-error");

        birthDate(kiosk, BORN);
        kiosk.locator("#kiosk-check-in").click();
        assertThat(kiosk.locator("#kiosk-ticket-heading")).hasText("You are checked in");
        assertThat(kiosk.locator("#kiosk-token")).not().isEmpty();
        assertThat(kiosk.locator("#kiosk-ticket")).containsText("Room " + doctor.room());
        assertThat(kiosk.locator("body")).not().containsText(patient.familyName());
        kiosk.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("kiosk-ticket.png")));
        Axe.assertNoSeriousViolations(kiosk, "kiosk-ticket");
        assertThat(SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointmentQueries.get(booked.id())).status().name())
                .isEqualTo("CHECKED_IN");

        kiosk.locator("#kiosk-done").click();
        assertThat(kiosk.locator("#kiosk-code")).isVisible();
    }

    private static void birthDate(Page kiosk, LocalDate date) {
        kiosk.locator("#kiosk-dob-day input").fill(Integer.toString(date.getDayOfMonth()));
        kiosk.locator("#kiosk-dob-month input").fill(Integer.toString(date.getMonthValue()));
        kiosk.locator("#kiosk-dob-year input").fill(Integer.toString(date.getYear()));
    }

    private PatientRecord patient(String givenName) {
        return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.register(new PatientDetails(givenName,
                TestPatients.uniqueName(), BORN, false, Sex.MALE, null, null, null), true));
    }

    private AppointmentSummary book(PatientRecord patient, DoctorSummary doctor, LocalTime at) {
        return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(new BookAppointment(
                UUID.randomUUID(), patient.id(), doctor.id(), LocalDate.now(clock), at, AppointmentKind.NEW,
                "Persistent cough")));
    }

    private String account(Role role) {
        return SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(
                "journey" + ThreadLocalRandom.current().nextInt(1_000_000), "Journey " + role.label(), PASSWORD, role)))
                .username();
    }
}
