package org.clinic.journey;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.clinic.TestClock;
import org.clinic.appointment.AppointmentService;
import org.clinic.clinical.AlertKind;
import org.clinic.clinical.CareAlertService;
import org.clinic.clinical.RecordAlert;
import org.clinic.consultation.ConsultationFixtures;
import org.clinic.consultation.ConsultationRecords;
import org.clinic.consultation.ConsultationStatus;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.queue.QueueService;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An allergy at the point of care, in a real browser: the doctor sees "Allergies not yet recorded" on the queue card
 * and in the consultation header, records a severe penicillin allergy from the consultation, prescribes amoxicillin,
 * is warned at the line at once, is refused completion at the reason field, gives the reason and completes; the
 * printed prescription names the allergy; the record shows the allergy first, reception sees only the interpreter alert. Screenshots (1366×768) of the header
 * strip, the warning and the record section go to target/screenshots.
 */
class SafetyJourneyTest extends JourneyTest {

    private static final String PASSWORD = "journey-password-13";
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
    QueueService queue;
    @Autowired
    CareAlertService alerts;
    @Autowired
    ConsultationRecords consultations;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_doctor_records_an_allergy_is_warned_at_the_prescription_and_completes_only_with_a_reason() {
        clock.setTimeOfDay(LocalTime.of(8, 0)); // before the 9:00 calls of the queue's display tests
        var fixtures = new ConsultationFixtures(accounts, doctors, patients, appointments, queue, clock);
        DoctorSummary doctor = fixtures.doctor();
        UUID patient = fixtures.checkedIn(doctor, LocalTime.of(8, 15)).patientId();
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> alerts.record(new RecordAlert(patient,
                AlertKind.INTERPRETER, "Portuguese", false)));

        // The queue card: the interpreter, and a prompt to ask about allergies.
        Page room = browsers.signIn(doctor.staffUsername(), "doctor-password", 1366, 768);
        room.navigate(browsers.url("my-queue"));
        assertThat(room.locator("#waiting")).containsText("Needs an interpreter: Portuguese");
        assertThat(room.locator("#waiting")).containsText("Allergies not recorded");
        screenshot(room, "safety-queue");
        room.locator("#call-next").click();
        assertThat(room.locator("#now-safety")).containsText("Allergies not recorded");
        room.locator("#start-consultation").click();
        room.waitForURL(url -> url.contains("/consultations/") && !url.contains("/start/"));
        assertThat(room.locator("#consultation-patient")).isVisible();
        UUID consultationId = UUID.fromString(room.url().replaceAll(".*/consultations/", "").replaceAll("[/?#].*", ""));

        // The header asks; the doctor records the allergy without leaving the consultation.
        assertThat(room.locator("#safety-strip")).containsText("Allergies not yet recorded: ask the patient");
        screenshot(room, "safety-header-not-asked");
        room.locator("#safety-edit").click();
        room.locator("#allergy-substance input").fill("Penicillins");
        room.locator("#allergy-reaction input").fill("anaphylaxis in 2019");
        room.locator("#allergy-severity").click();
        room.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Severe")).first().click();
        room.locator("#allergy-add").click();
        assertThat(room.locator("#safety-allergies")).containsText("Allergy: Penicillins — severe, anaphylaxis in 2019");
        screenshot(room, "safety-dialog");
        room.locator("#safety-dialog-close").click();
        assertThat(room.locator("#safety-strip")).containsText("Allergy: Penicillins — severe, anaphylaxis in 2019");
        assertThat(room.locator("#safety-strip")).containsText("Needs an interpreter: Portuguese");
        screenshot(room, "safety-header-strip");

        // Prescribing amoxicillin warns at once, under the line.
        room.locator("#chief-complaint input").fill("Sore throat and fever for three days");
        room.locator("#diagnosis input").fill("Acute tonsillitis");
        room.locator("#rx-0-medicine input").fill("Amoxicillin");
        room.locator("#rx-0-medicine input").press("Tab");
        assertThat(room.locator("#rx-0-allergy")).isVisible();
        assertThat(room.locator("#rx-0-allergy")).containsText("Allergy: Penicillins — severe, anaphylaxis in 2019");
        room.locator("#rx-0-strength input").fill("500 mg");
        room.locator("#rx-0-dose input").fill("1 capsule");
        room.locator("#rx-0-frequency input").fill("three times a day");
        room.locator("#rx-0-duration input").fill("7 days");
        room.locator("#rx-0-quantity input").fill("21 capsules");

        // Completing without a reason is refused at the reason field; nothing is completed.
        room.locator("#complete").click();
        assertThat(room.locator("#rx-0-allergyOverride")).hasAttribute("invalid", "");
        assertThat(room.locator("#rx-0-allergyOverride")).containsText("Give the reason to prescribe Amoxicillin anyway");
        room.locator("#prescription-card").scrollIntoViewIfNeeded();
        screenshot(room, "safety-prescription-warning");
        assertThat(asDoctor(doctor, () -> consultations.get(consultationId)).status())
                .isEqualTo(ConsultationStatus.DRAFT);

        // With the reason, it completes; the reason is on the line and in the allergy history.
        room.locator("#rx-0-allergyOverride input").fill("Only penicillin available; observed 60 minutes after the first dose");
        room.locator("#complete").click();
        assertThat(room.locator("#save-status")).containsText("Completed by",
                new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        assertThat(asDoctor(doctor, () -> consultations.get(consultationId)).content().prescription())
                .singleElement().satisfies(l -> assertThat(l.allergyOverride()).startsWith("Only penicillin"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM clinical_safety_change WHERE action = 'OVERRIDDEN'"
                        + " AND consultation_public_id = :c").param("c", consultationId.toString())
                .query(Long.class).single()).isEqualTo(1);

        // The printed prescription names the allergy for the pharmacist, and the line its reason.
        room.navigate(browsers.url("consultations/" + consultationId + "/summary"));
        assertThat(room.locator("#summary-allergies")).containsText("Penicillins — severe, anaphylaxis in 2019");
        room.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        screenshot(room, "safety-printed-prescription");
        room.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));

        // The record shows it first.
        room.navigate(browsers.url("patients/" + patient));
        assertThat(room.locator("#patient-safety")).containsText("Allergy: Penicillins — severe");
        room.locator("#patient-safety").scrollIntoViewIfNeeded();
        screenshot(room, "safety-record-section");

        // Reception: the interpreter, never the allergy.
        Page desk = browsers.signIn(receptionist(), PASSWORD, 1366, 768);
        desk.navigate(browsers.url("patients/" + patient));
        assertThat(desk.locator("#patient-safety")).containsText("Needs an interpreter: Portuguese");
        assertThat(desk.locator("body")).not().containsText("Penicillins");
        desk.locator("#patient-safety").scrollIntoViewIfNeeded();
        screenshot(desk, "safety-record-section-reception");
    }

    private static void screenshot(Page page, String name) {
        page.setViewportSize(1366, 768);
        page.waitForTimeout(300);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    private static <T> T asDoctor(DoctorSummary doctor, java.util.function.Supplier<T> work) {
        return ConsultationFixtures.as(doctor.staffUsername(), Role.DOCTOR, work);
    }

    private String receptionist() {
        String username = "desk" + ThreadLocalRandom.current().nextInt(1_000_000);
        SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(username,
                "Desk " + username, PASSWORD, Role.RECEPTIONIST)));
        return username;
    }
}
