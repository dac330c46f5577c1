package org.clinic.journey;

import com.microsoft.playwright.Page;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.TestClinic;
import org.clinic.clinical.AlertKind;
import org.clinic.clinical.AllergyService;
import org.clinic.clinical.CareAlertService;
import org.clinic.clinical.RecordAlert;
import org.clinic.clinical.RecordAllergy;
import org.clinic.clinical.Severity;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientDetails;
import org.clinic.patient.PatientService;
import org.clinic.patient.Sex;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.clinic.consultation.ConsultationFixtures.as;

/**
 * What the desk sees first, in a real browser at 1366 × 768: the sound-alike duplicate warning under the name fields
 * without scrolling, and the patient record's strip for reception and for a doctor. Screenshots go to
 * target/screenshots.
 */
class RecordStripJourneyTest extends JourneyTest {

    private static final String PASSWORD = "journey-password-1";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    AppointmentService appointments;
    @Autowired
    AllergyService allergies;
    @Autowired
    CareAlertService alerts;
    @Autowired
    org.clinic.base.ClinicSettings clinic;

    @Test
    void a_sound_alike_registration_is_flagged_in_view_under_the_name_fields() {
        LocalDate born = LocalDate.of(1931, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 70));
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> patients.register(new PatientDetails("Tariq", "Nasser",
                born, false, Sex.MALE, "020 7946 0" + (100 + ThreadLocalRandom.current().nextInt(800)), null,
                null), true));
        Page desk = browsers.signIn(account(Role.RECEPTIONIST), PASSWORD, 1366, 768);
        desk.navigate(browsers.url("patients/new"));

        desk.locator("#given-name input").fill("Tarik");
        desk.locator("#family-name input").fill("Naser");
        desk.locator("#birth-date input").fill(born.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        desk.locator("#birth-date input").press("Enter");
        desk.locator("#family-name input").click();

        assertThat(desk.locator("#duplicate-warning")).containsText("sounds like Tariq Nasser, same date of birth");
        assertThat(desk.locator("#duplicate-warning")).isInViewport();
        desk.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("register-sound-alike-duplicate.png")));
    }

    @Test
    void the_record_strip_for_reception_and_for_a_doctor() {
        TestClinic testClinic = new TestClinic(accounts, doctors, patients);
        DoctorSummary doctor = testClinic.doctor(LocalTime.of(0, 0), LocalTime.of(23, 45), 15, 90);
        UUID patient = testClinic.patients(1).getFirst();
        // The next whole hour, tomorrow's first when the journey runs late in the evening: always in the future.
        LocalDateTime slot = LocalDateTime.now(clinic.timeZone()).plusHours(1).truncatedTo(ChronoUnit.HOURS);
        as("grace", Role.RECEPTIONIST, () -> appointments.book(new BookAppointment(UUID.randomUUID(), patient,
                doctor.id(), slot.toLocalDate(), slot.toLocalTime(), AppointmentKind.NEW, "Check-up")));
        as(doctor.staffUsername(), Role.DOCTOR, () -> allergies.record(new RecordAllergy(patient, "Penicillins",
                "Anaphylaxis", Severity.SEVERE)));
        as("grace", Role.RECEPTIONIST, () -> alerts.record(new RecordAlert(patient, AlertKind.INTERPRETER,
                "Portuguese", false)));

        Page desk = browsers.signIn(account(Role.RECEPTIONIST), PASSWORD, 1366, 768);
        desk.navigate(browsers.url("patients/" + patient));
        assertThat(desk.locator("#patient-strip")).containsText("Needs an interpreter");
        assertThat(desk.locator("#strip-walk-in")).isInViewport();
        desk.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("patient-record-strip-reception.png")));

        Page room = browsers.signIn(doctor.staffUsername(), "doctor-password", 1366, 768);
        room.navigate(browsers.url("patients/" + patient));
        assertThat(room.locator("#patient-strip")).containsText("Allergy: Penicillins");
        room.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("patient-record-strip-doctor.png")));
    }

    private String account(Role role) {
        return SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(
                "journey" + ThreadLocalRandom.current().nextInt(1_000_000), "Journey " + role.label(), PASSWORD,
                role))).username();
    }

}
