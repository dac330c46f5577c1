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
 * The administrator's home screen in a real browser: signing in lands on the dashboard, and a check-in at reception
 * (another browser context) shows on it without a reload. The test prints how long it took.
 */
class DashboardJourneyTest extends JourneyTest {

    private static final String PASSWORD = "journey-password-1";
    private static final LocatorAssertions.HasTextOptions SOON = new LocatorAssertions.HasTextOptions()
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
    void the_administrators_dashboard_counts_a_check_in_at_reception_without_reload() {
        TestClinic clinic = new TestClinic(accounts, doctors, patients);
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        UUID patient = clinic.patients(1).getFirst();
        AppointmentSummary booked = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(
                new BookAppointment(UUID.randomUUID(), patient, doctor.id(), LocalDate.now(clock), LocalTime.of(9, 30),
                        AppointmentKind.NEW, "Back pain")));

        Page admin = browsers.signIn(account(Role.ADMIN), PASSWORD, 1366, 768);
        admin.navigate(browsers.url(""));
        assertThat(admin.locator("#figure-checked-in")).isVisible();
        assertThat(admin.locator("#dashboard-doctors")).containsText(doctor.displayName());
        int checkedIn = Integer.parseInt(admin.locator("#figure-checked-in .clinic-figure-value").textContent().strip());
        int waiting = Integer.parseInt(admin.locator("#figure-waiting-now .clinic-figure-value").textContent().strip());
        Page reception = browsers.signIn(account(Role.RECEPTIONIST), PASSWORD, 1366, 768);
        reception.navigate(browsers.url("queue"));

        long clicked = System.nanoTime();
        reception.locator("vaadin-button[data-appointment='" + booked.id() + "']").click();
        assertThat(reception.locator("#ticket-token")).isVisible();
        long ticket = System.nanoTime();
        assertThat(admin.locator("#figure-checked-in .clinic-figure-value")).hasText(Integer.toString(checkedIn + 1), SOON);
        long onDashboard = System.nanoTime();
        assertThat(admin.locator("#figure-waiting-now .clinic-figure-value")).hasText(Integer.toString(waiting + 1), SOON);
        System.out.printf("Check-in at reception: the ticket after %d ms, on the administrator's dashboard after %d ms"
                + " (from the click)%n", (ticket - clicked) / 1_000_000, (onDashboard - clicked) / 1_000_000);
    }

    private String account(Role role) {
        return SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(
                "journey" + ThreadLocalRandom.current().nextInt(1_000_000), "Journey " + role.label(), PASSWORD, role)))
                .username();
    }
}
