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
 * The heart of the product in three real browser contexts: a receptionist checks a patient in, the doctor's queue
 * and the waiting-room display show the token at once; the doctor calls, and the display and the reception dashboard
 * show it at once. No page is reloaded; the test prints how long each screen took.
 */
class QueueJourneyTest extends JourneyTest {

    private static final String PASSWORD = "journey-password-1";
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
    void a_check_in_and_a_call_reach_the_doctor_the_display_and_reception_without_reload() {
        DoctorSummary doctor = new TestClinic(accounts, doctors, patients)
                .doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        UUID patient = new TestClinic(accounts, doctors, patients).patients(1).getFirst();
        AppointmentSummary booked = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(
                new BookAppointment(UUID.randomUUID(), patient, doctor.id(), LocalDate.now(clock), LocalTime.of(9, 30),
                        AppointmentKind.NEW, "Headache")));

        Page reception = browsers.signIn(account(Role.RECEPTIONIST), PASSWORD, 1366, 768);
        reception.navigate(browsers.url("queue"));
        Page doctorsScreen = browsers.signIn(doctor.staffUsername(), "doctor-password", 1366, 768);
        doctorsScreen.navigate(browsers.url("my-queue"));
        assertThat(doctorsScreen.locator(".clinic-queue-heading h2")).containsText("My queue");
        Page display = browsers.signIn(account(Role.DISPLAY), PASSWORD, 1366, 768);
        display.navigate(browsers.url("display?doctor=" + doctor.id()));
        assertThat(display.locator("#waiting-tokens")).isVisible();

        // Check-in at the desk.
        long clicked = System.nanoTime();
        reception.locator("vaadin-button[data-appointment='" + booked.id() + "']").click();
        String token = reception.locator("#ticket-token").textContent().strip();
        long ticket = System.nanoTime();
        assertThat(doctorsScreen.locator("#waiting")).containsText(token, SOON);
        long onDoctor = System.nanoTime();
        assertThat(display.locator("#waiting-tokens")).containsText(token, SOON);
        long onDisplay = System.nanoTime();
        assertThat(display.locator("body")).not().containsText(booked.patientName());
        System.out.printf("Check-in %s: ticket after %d ms; on the doctor's queue after %d ms, on the display after"
                        + " %d ms (from the click)%n", token, ms(clicked, ticket), ms(clicked, onDoctor),
                ms(clicked, onDisplay));
        reception.keyboard().press("Escape"); // close the ticket

        // The doctor calls.
        long called = System.nanoTime();
        doctorsScreen.locator("#call-next").click();
        assertThat(display.locator("#now-token")).hasText(token,
                new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        long callOnDisplay = System.nanoTime();
        assertThat(reception.locator("[data-line='doctor:" + doctor.internalId() + "'] .clinic-board-serving"))
                .containsText(token, SOON);
        long callOnReception = System.nanoTime();
        assertThat(doctorsScreen.locator("#now-serving")).containsText(booked.patientName());
        System.out.printf("Call next %s: on the display after %d ms, on the reception dashboard after %d ms"
                + " (from the click)%n", token, ms(called, callOnDisplay), ms(called, callOnReception));
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private String account(Role role) {
        return SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(
                "journey" + ThreadLocalRandom.current().nextInt(1_000_000), "Journey " + role.label(), PASSWORD, role)))
                .username();
    }
}
