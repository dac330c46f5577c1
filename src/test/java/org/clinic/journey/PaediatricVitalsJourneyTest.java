package org.clinic.journey;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.clinic.TestClock;
import org.clinic.appointment.AppointmentService;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationContent;
import org.clinic.consultation.ConsultationFixtures;
import org.clinic.consultation.ConsultationService;
import org.clinic.consultation.PastVisit;
import org.clinic.consultation.Vitals;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.patient.Sex;
import org.clinic.queue.QueueService;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A toddler in a real browser: the consultation header says "23 months", the vitals are judged by a toddler's ranges
 * (a pulse of 150 and a temperature of 38.4 flagged, a respiratory rate of 30 not), the BMI has no adult category, and
 * the record draws weight and blood pressure over the three visits. Screenshots at 1366×768 in target/screenshots.
 */
class PaediatricVitalsJourneyTest extends JourneyTest {

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
    ConsultationService consultations;
    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_toddlers_vitals_are_flagged_by_a_toddlers_ranges_and_drawn_over_the_visits() {
        clock.setTimeOfDay(LocalTime.of(9, 0));
        ConsultationFixtures fixtures = new ConsultationFixtures(accounts, doctors, patients, appointments, queue,
                clock);
        DoctorSummary doctor = fixtures.doctor();
        LocalDate today = LocalDate.now(clock);
        UUID child = fixtures.patientBornOn(today.minusMonths(23).minusDays(9), Sex.FEMALE);
        pastVisit(doctor, child, today.minusMonths(11), new Vitals(92, 56, 128, 37.1, 98, 34, 9.4, 74.0),
                "Well-child check");
        pastVisit(doctor, child, today.minusMonths(5), new Vitals(96, 58, 124, 38.9, 97, 38, 10.6, 80.5),
                "Acute otitis media");
        var arrival = fixtures.checkedIn(doctor, LocalTime.of(9, 30), child);
        Consultation c = ConsultationFixtures.as(doctor.staffUsername(), Role.DOCTOR,
                () -> consultations.start(arrival.entryId()));

        Page room = browsers.signIn(doctor.staffUsername(), "doctor-password", 1366, 768);
        room.navigate(browsers.url("consultations/" + c.id()));
        assertThat(room.locator("#consultation-age")).hasText("23 months");
        assertThat(room.locator("#consultation-sex")).hasText("Female");
        assertThat(room.locator("#consultation-weight")).containsText("Weight 10.6 kg on ");

        vital(room, "systolic", "98");
        vital(room, "diastolic", "60");
        vital(room, "pulse", "150");
        vital(room, "temperature", "38.4");
        vital(room, "spo2", "97");
        vital(room, "respiratoryRate", "30");
        vital(room, "weight", "12");
        vital(room, "height", "86.6");
        assertThat(room.locator("#vital-pulse")).containsText("High (usual for a toddler 80–140 /min)");
        assertThat(room.locator("#vital-temperature")).containsText("High (usual for a toddler 35.5–37.9 °C)");
        assertThat(room.locator("#vital-respiratoryRate")).containsText("usual 22–37 /min"); // not flagged
        assertThat(room.locator("#vital-respiratoryRate")).not().containsText("High");
        assertThat(room.locator("#bmi")).containsText("BMI 16.0");
        assertThat(room.locator("#bmi")).containsText("no category under 18");
        assertThat(room.locator("#bmi")).not().containsText("Underweight");
        assertThat(room.locator("#consultation-weight")).hasText("Weight 12.0 kg at this visit");
        room.locator("#chief-complaint input").fill("Fever and pulling at the right ear since yesterday");
        room.locator("#diagnosis input").fill("Acute otitis media, right");
        room.locator("#diagnosis input").blur();
        assertThat(room.locator("#save-status")).hasText(java.util.regex.Pattern.compile("Saved \\d\\d:\\d\\d"),
                new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        room.locator(".clinic-consultation-header").evaluate("e => e.scrollIntoView()");
        screenshot(room, "paediatric-consultation-header");

        room.locator("#complete").click();
        assertThat(room.locator("#save-status")).containsText("locked",
                new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));

        room.navigate(browsers.url("patients/" + child));
        Locator chart = room.locator("#vitals-chart");
        assertThat(chart).isVisible();
        assertThat(chart).hasAttribute("alt", java.util.regex.Pattern.compile(
                "^Blood pressure and weight over 3 visits\\..*weight 12\\.0 kg\\.$"));
        room.locator("#vitals-history").scrollIntoViewIfNeeded();
        screenshot(room, "paediatric-vitals-chart");
    }

    private void pastVisit(DoctorSummary doctor, UUID patient, LocalDate on, Vitals vitals, String diagnosis) {
        ConsultationContent content = new ConsultationContent(vitals, "Check-up", null, null, diagnosis, null,
                List.of(), null, null, null);
        SystemAuthentication.runAs(Role.ADMIN, () -> consultations.recordPastVisit(
                new PastVisit(patient, doctor.id(), on.atTime(10, 0), content)));
    }

    private static void vital(Page page, String field, String value) {
        Locator input = page.locator("#vital-" + field + " input");
        input.fill(value);
        input.press("Tab");
    }

    private static void screenshot(Page page, String name) {
        page.setViewportSize(1366, 768);
        page.waitForTimeout(300);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-full.png")).setFullPage(true));
    }
}
