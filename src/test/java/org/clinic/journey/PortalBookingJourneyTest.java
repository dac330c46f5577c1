package org.clinic.journey;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.clinic.TestClock;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationFixtures;
import org.clinic.consultation.ConsultationService;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.NewDoctor;
import org.clinic.doctor.SpecialtySummary;
import org.clinic.doctor.WorkingSession;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.portal.PortalFixtures;
import org.clinic.portal.PortalSeeding;
import org.clinic.queue.QueueEntryView;
import org.clinic.queue.QueueService;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.PatientSignInAccounts;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient on a phone (375x812) books through the portal while reception watches the day's appointments in another
 * browser: the booking appears there, marked as booked online, without a reload. The patient checks in at the kiosk,
 * follows the position page from the portal's home while the doctor calls, and after the consultation finds the visit
 * in their history, reads its summary and downloads the history file. Another appointment is cancelled from "My
 * appointments". Screenshots of every page go to target/screenshots (portal-*.png).
 */
class PortalBookingJourneyTest extends JourneyTest {

    private static final String STAFF_PASSWORD = "journey-password-12";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final LocatorAssertions.ContainsTextOptions SOON = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(15_000);

    @Autowired
    StaffAccountService accounts;
    @Autowired
    PatientService patients;
    @Autowired
    DoctorService doctors;
    @Autowired
    AppointmentService appointments;
    @Autowired
    AppointmentQueries appointmentQueries;
    @Autowired
    QueueService queue;
    @Autowired
    ConsultationService consultations;
    @Autowired
    PortalSeeding seeding;
    @Autowired
    PatientSignInAccounts signInAccounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    private final List<String> lines = new ArrayList<>();

    @BeforeEach
    void morning() {
        clock.setTimeOfDay(LocalTime.of(9, 0));
    }

    @AfterEach
    void real_time() {
        // Today's queues are shared by every test: nobody of this journey stays waiting.
        jdbc.sql("UPDATE queue_entry SET status = 'LEFT' WHERE on_date = :today AND token_line IN (:lines)"
                + " AND status IN ('WAITING', 'CALLED')").param("today", LocalDate.now(clock))
                .param("lines", lines.isEmpty() ? List.of("none") : lines).update();
        clock.reset();
    }

    @Test
    void a_patient_books_on_a_phone_checks_in_follows_the_queue_and_finds_the_visit_in_their_history()
            throws Exception {
        DoctorSummary doctor = doctorInOwnSpecialty();
        lines.add("doctor:" + doctor.internalId());
        String email = PortalFixtures.uniqueEmail();
        PatientRecord patient = new PortalFixtures(patients, seeding, signInAccounts, jdbc).withAccount(email);
        AppointmentSummary later = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(
                new BookAppointment(UUID.randomUUID(), patient.id(), doctor.id(), LocalDate.now(clock).plusDays(5),
                        LocalTime.of(10, 0), AppointmentKind.NEW, null)));

        // Reception watches today's appointments.
        Page desk = browsers.signIn(staff(Role.RECEPTIONIST), STAFF_PASSWORD, 1366, 768);
        desk.navigate(browsers.url("appointments"));
        assertThat(desk.locator("#day-appointments")).isVisible();
        desk.locator("#specialty-filter").click(); // today's list is shared with other tests: only this specialty
        desk.locator("vaadin-select-item", new Page.LocatorOptions().setHasText(doctor.specialty().name())).click();

        // The patient signs in on a phone and books: specialty, doctor, a time today (11:15; online booking closes two hours before).
        Page phone = browsers.newPage(375, 812);
        phone.navigate(browsers.url("portal"));
        phone.locator("vaadin-login-form input[name=username]").fill(email);
        phone.locator("vaadin-login-form input[name=password]").fill(PortalFixtures.PASSWORD);
        phone.locator("vaadin-login-form input[name=password]").press("Enter");
        phone.waitForURL(url -> url.contains("/portal/home"));
        assertThat(phone.locator("#greeting")).hasText("Hello, " + patient.givenName());
        screenshot(phone, "portal-home-menu");
        phone.locator("#book-link").click();
        choice(phone, doctor.specialty().name()).click();
        screenshot(phone, "portal-book-doctor");
        choice(phone, doctor.displayName()).click();
        assertThat(phone.locator("vaadin-button.portal-time").first()).isVisible();
        screenshot(phone, "portal-book-times");
        phone.locator("vaadin-button.portal-time[data-time='11:15']").click();
        assertThat(phone.locator(".portal-confirm")).containsText("at 11:15");
        screenshot(phone, "portal-book-confirm");
        phone.locator("#portal-confirm").click();
        assertThat(phone.locator(".portal-booked")).containsText("Booked");
        screenshot(phone, "portal-book-done");

        // Reception's list shows it without a reload, marked as booked online.
        Locator row = desk.locator("#day-appointments vaadin-grid-cell-content", new Page.LocatorOptions()
                .setHasText("Booked online"));
        assertThat(row.first()).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(15_000));
        desk.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("portal-booked-online-at-desk.png")));
        AppointmentSummary booked = SystemAuthentication.runAs(Role.RECEPTIONIST,
                () -> appointmentQueries.dayOf(doctor.id(), LocalDate.now(clock))).getFirst();
        assertThat(booked.bookedOnline()).isTrue();
        assertThat(booked.patientId()).isEqualTo(patient.id());

        // My appointments: today's can no longer be changed online; the later one is cancelled.
        phone.navigate(browsers.url("portal/appointments"));
        assertThat(phone.locator(".portal-appointment")).hasCount(2);
        assertThat(phone.locator(".portal-appointment").first()).containsText("please call us");
        screenshot(phone, "portal-my-appointments");
        phone.locator(".portal-appointment").nth(1).locator("vaadin-button", new Locator.LocatorOptions()
                .setHasText("Cancel")).click();
        screenshot(phone, "portal-cancel-ask");
        phone.locator("vaadin-button", new Page.LocatorOptions().setHasText("Yes, cancel it")).click();
        assertThat(phone.locator(".portal-appointment")).hasCount(1);
        assertThat(SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointmentQueries.get(later.id())).status().name())
                .isEqualTo("CANCELLED");

        // Mid-morning, the kiosk checks the patient in with the booking code and date of birth.
        clock.setTimeOfDay(LocalTime.of(10, 30));
        Page kiosk = browsers.signIn(staff(Role.KIOSK), STAFF_PASSWORD, 1280, 800);
        kiosk.waitForURL(url -> url.contains("/kiosk"));
        kiosk.locator("#kiosk-code input").fill(booked.bookingCode());
        kiosk.locator("#kiosk-code input").press("Enter");
        kiosk.locator("#kiosk-dob-day input").fill(Integer.toString(patient.birthDate().getDayOfMonth()));
        kiosk.locator("#kiosk-dob-month input").fill(Integer.toString(patient.birthDate().getMonthValue()));
        kiosk.locator("#kiosk-dob-year input").fill(Integer.toString(patient.birthDate().getYear()));
        kiosk.locator("#kiosk-check-in").click();
        assertThat(kiosk.locator("#kiosk-ticket-heading")).hasText("You are checked in");

        // Home shows today's visit; its link opens the live position page, which the doctor's call updates.
        phone.navigate(browsers.url("portal/home"));
        assertThat(phone.locator("#today")).containsText("You are checked in");
        screenshot(phone, "portal-home-today");
        phone.locator("#today-visit").click();
        assertThat(phone.locator("#visit-token")).not().isEmpty();
        QueueEntryView called = ConsultationFixtures.as(doctor.staffUsername(), Role.DOCTOR,
                () -> queue.callNext(doctor.id())).orElseThrow();
        assertThat(phone.locator("#visit-call")).containsText("Please go to room " + doctor.room(), SOON);
        screenshot(phone, "portal-position-called");

        // The consultation is completed; the visit is in the patient's history, with its summary and the file.
        ConsultationFixtures.as(doctor.staffUsername(), Role.DOCTOR, () -> {
            Consultation started = consultations.start(called.id());
            return consultations.complete(started.id(), started.version(), ConsultationFixtures.sample());
        });
        phone.navigate(browsers.url("portal/visits"));
        assertThat(phone.locator(".portal-visit-link")).hasCount(1);
        assertThat(phone.locator(".portal-visit-link")).containsText("Acute pharyngitis");
        screenshot(phone, "portal-my-visits");
        phone.locator(".portal-visit-link").click();
        assertThat(phone.locator(".portal-medicines")).containsText("Paracetamol");
        assertThat(phone.locator("body")).not().containsText("Chest clear"); // the examination stays clinical
        screenshot(phone, "portal-visit-summary");
        phone.navigate(browsers.url("portal/visits"));
        phone.locator("#portal-export-start").click();
        assertThat(phone.locator("#portal-download")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        screenshot(phone, "portal-history-ready");
        Download download = phone.waitForDownload(() -> phone.locator("#portal-download").click());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).isEqualTo(2);
        assertThat(csv).contains("Acute pharyngitis").contains(doctor.displayName());
    }

    private static Locator choice(Page phone, String text) {
        return phone.locator("vaadin-button.portal-choice", new Page.LocatorOptions().setHasText(text)).first();
    }

    /** A doctor in a specialty of their own, working every day 08:00–18:00, so the patient's choices are known. */
    private DoctorSummary doctorInOwnSpecialty() {
        return SystemAuthentication.runAs(Role.ADMIN, () -> {
            String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000_000));
            accounts.create(new CreateStaffAccount("pdoc" + suffix, "Dr Portal " + suffix, "doctor-password",
                    Role.DOCTOR));
            SpecialtySummary specialty = doctors.addSpecialty("Portal care " + suffix);
            DoctorSummary doctor = doctors.addDoctor(new NewDoctor("pdoc" + suffix, "Dr Portal " + suffix,
                    specialty.id(), "pdoc" + suffix + "@clinic.example.org", "GMC" + suffix, "P1", 15, 40));
            List<WorkingSession> week = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                week.add(new WorkingSession(day, LocalTime.of(8, 0), LocalTime.of(18, 0)));
            }
            doctors.setWeeklySessions(doctor.id(), week);
            return doctor;
        });
    }

    private String staff(Role role) {
        String name = "portalbook" + ThreadLocalRandom.current().nextInt(1_000_000);
        SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(name, "Journey "
                + role.label(), STAFF_PASSWORD, role)));
        return name;
    }

    /** Saves the page as a screenshot and checks it with axe-core: no serious or critical accessibility problem. */
    private static void screenshot(Page page, String name) {
        page.waitForTimeout(300);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
        Axe.assertNoSeriousViolations(page, name);
    }
}
