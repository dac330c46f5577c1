package org.clinic.journey;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Two receptionists booking side by side in two real browser sessions: one books, the other's picker updates. */
class BookingJourneyTest extends JourneyTest {

    private static final String PASSWORD = "journey-password-2";

    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;

    @Test
    void a_slot_booked_at_one_desk_disappears_from_the_other_desks_open_picker() {
        TestClinic clinic = new TestClinic(accounts, doctors, patients);
        DoctorSummary doctor = clinic.doctor(LocalTime.of(9, 0), LocalTime.of(10, 0), 15, 10);
        var people = clinic.patients(2);
        String mrnA = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.reference(people.get(0)).mrn());
        String mrnB = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.reference(people.get(1)).mrn());
        LocalDate day = LocalDate.now().plusDays(6);
        Page deskA = browsers.signIn(receptionist(), PASSWORD);
        Page deskB = browsers.signIn(receptionist(), PASSWORD);

        open(deskA, mrnA, doctor, day);
        open(deskB, mrnB, doctor, day);
        assertThat(deskB.locator("#booking-slots vaadin-button[data-slot='09:30']")).isVisible();

        deskA.locator("#booking-slots vaadin-button[data-slot='09:30']").click();
        deskA.locator("#book").click();
        assertThat(deskA.locator("#booking-slots vaadin-button[data-slot='09:30']:not(.clinic-slot-taken)")).hasCount(0);

        assertThat(deskB.locator("#booking-slots vaadin-button[data-slot='09:30']:not(.clinic-slot-taken)")).hasCount(0,
                new LocatorAssertions.HasCountOptions().setTimeout(5_000));
        assertThat(deskB.locator("#booking-slots vaadin-button[data-slot='09:45']")).isVisible();
    }

    private void open(Page desk, String mrn, DoctorSummary doctor, LocalDate day) {
        desk.navigate(browsers.url("appointments/book"));
        desk.locator("#booking-patient input").fill(mrn);
        desk.locator("vaadin-combo-box-item").first().click();
        desk.locator("#booking-specialty").click();
        desk.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(doctor.specialty().name())).first().click();
        desk.locator("#booking-doctor").click();
        desk.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(doctor.displayName())).first().click();
        desk.locator("#booking-date input").fill(day.format(DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH)));
        desk.locator("#booking-date input").press("Enter");
        assertThat(desk.locator("#booking-slots vaadin-button").first()).isVisible();
    }

    private String receptionist() {
        String username = "desk" + ThreadLocalRandom.current().nextInt(1_000_000);
        SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(username, "Desk " + username,
                PASSWORD, Role.RECEPTIONIST)));
        return username;
    }
}
