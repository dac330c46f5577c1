package org.clinic.journey;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.clinic.TestClock;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.queue.QueueService;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The screens' own keyboard shortcuts pressed in a real browser: F2 calls the next patient, Ctrl+Enter registers,
 * Enter adds a specialty. Each comes after an earlier key press, as at a real desk: the idle sign-out's throttled
 * activity listener once swallowed every {@code keydown} shortcut within its window.
 */
class KeyboardShortcutsJourneyTest extends JourneyTest {

    private static final String PASSWORD = "journey-password-1";
    private static final LocatorAssertions.ContainsTextOptions SOON = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(10_000);

    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    AppointmentService appointments;
    @Autowired
    QueueService queue;
    @Autowired
    TestClock clock;

    @BeforeEach
    void morning() {
        clock.setTimeOfDay(LocalTime.of(9, 0));
    }

    @AfterEach
    void real_time() {
        clock.reset();
    }

    @Test
    void f2_calls_the_next_waiting_patient() {
        DoctorSummary doctor = new TestClinic(accounts, doctors, patients)
                .doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        UUID patient = new TestClinic(accounts, doctors, patients).patients(1).getFirst();
        AppointmentSummary booked = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(
                new BookAppointment(UUID.randomUUID(), patient, doctor.id(), LocalDate.now(clock), LocalTime.of(9, 30),
                        AppointmentKind.NEW, "Headache")));
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> queue.checkIn(booked.id()));

        Page page = browsers.signIn(doctor.staffUsername(), "doctor-password", 1366, 768);
        page.navigate(browsers.url("my-queue"));
        assertThat(page.locator("#waiting")).containsText(booked.patientName(), SOON);

        page.keyboard().press("Shift"); // a key already pressed in this screen, as at any desk
        page.keyboard().press("F2");

        assertThat(page.locator("#now-serving")).containsText(booked.patientName(), SOON);
    }

    @Test
    void ctrl_enter_registers_the_patient_on_the_form() {
        Page page = browsers.signIn(account(Role.RECEPTIONIST), PASSWORD);
        String family = "Keys" + letters(6);
        page.navigate(browsers.url("patients/new"));
        page.locator("#given-name input").fill("Amara");
        page.locator("#family-name input").fill(family);
        page.locator("#birth-date input").fill("12/03/1984");
        page.locator("#birth-date input").press("Enter");
        page.locator("#sex vaadin-radio-button").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Female")).click();
        page.locator("#phone input").fill("0113 496 0872");

        page.locator("#phone input").press("Control+Enter"); // Enter in the date field came first

        assertThat(page.locator("#patient-name")).hasText("Amara " + family);
    }

    @Test
    void enter_in_the_specialty_field_adds_the_specialty() {
        Page page = browsers.signIn(account(Role.ADMIN), PASSWORD);
        String specialty = "Keys " + letters(8);
        page.navigate(browsers.url("admin/specialties"));
        page.locator("#specialty-name input").press("Shift");
        page.locator("#specialty-name input").fill(specialty);

        page.locator("#specialty-name input").press("Enter");

        assertThat(page.locator("#specialties")).containsText(specialty, SOON);
    }

    private String account(Role role) {
        return SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(
                "journey" + ThreadLocalRandom.current().nextInt(1_000_000), "Journey " + role.label(), PASSWORD, role)))
                .username();
    }

    private static String letters(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return text.toString();
    }
}
