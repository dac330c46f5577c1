package org.clinic.journey;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.clinic.TestClock;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentStatus;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.TestClinic;
import org.clinic.consultation.ConsultationRecords;
import org.clinic.consultation.ConsultationStatus;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.queue.DisplayScope;
import org.clinic.queue.QueueBoards;
import org.clinic.queue.QueueService;
import org.clinic.queue.QueueStatus;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A morning in the room, in real browsers: reception checks two patients in, the doctor calls the first, starts the
 * consultation, records vitals (an implausible value refused with its range on the way) and a prescription, and
 * completes and calls the next. The appointment is completed, the queue moves on, reception sees it live, and the
 * waiting-room display (a real page) shows the next call. Screenshots of the doctor's screens go to target/screenshots.
 */
class ConsultationJourneyTest extends JourneyTest {

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
    @Autowired
    AppointmentQueries appointmentQueries;
    @Autowired
    QueueService queue;
    @Autowired
    QueueBoards boards;
    @Autowired
    ConsultationRecords consultations;
    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void check_in_call_start_record_complete_and_the_queue_moves_on() {
        clock.setTimeOfDay(LocalTime.of(9, 0));
        TestClinic clinic = new TestClinic(accounts, doctors, patients);
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        var people = clinic.patients(2);
        AppointmentSummary first = book(people.get(0), doctor, LocalTime.of(9, 15));
        AppointmentSummary second = book(people.get(1), doctor, LocalTime.of(9, 30));

        // Reception checks both in from the dashboard.
        Page desk = browsers.signIn(receptionist(), PASSWORD);
        desk.navigate(browsers.url("queue"));
        for (AppointmentSummary arrival : java.util.List.of(first, second)) {
            desk.locator("vaadin-button[data-appointment='" + arrival.id() + "']").click();
            assertThat(desk.locator("#ticket-token")).isVisible(); // the ticket to print
            desk.keyboard().press("Escape");
            assertThat(desk.locator("#ticket-token")).hasCount(0);
        }
        Locator board = desk.locator("[data-line='doctor:" + doctor.internalId() + "']");
        assertThat(board).containsText("2 waiting");

        // The doctor calls the first patient and starts the consultation.
        Page room = browsers.signIn(doctor.staffUsername(), "doctor-password");
        room.navigate(browsers.url("my-queue"));
        room.locator("#call-next").click();
        assertThat(room.locator("#now-serving")).containsText(first.patientName());
        room.locator("#start-consultation").click();
        room.waitForURL(url -> url.contains("/consultations/"));
        assertThat(room.locator("#consultation-patient")).containsText(first.patientName());
        assertThat(board).containsText("In consultation", new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        assertThat(desk(() -> appointmentQueries.get(first.id())).status()).isEqualTo(AppointmentStatus.IN_CONSULTATION);

        // Vitals: an implausible value is refused at the field with its range; a borderline one is flagged.
        vital(room, "systolic", "300");
        assertThat(room.locator("#vital-systolic")).containsText("enter 50–260 mmHg");
        screenshot(room, "consultation-vitals-refused");
        vital(room, "systolic", "152");
        vital(room, "diastolic", "94");
        assertThat(room.locator("#vital-systolic")).containsText("High (usual for an adult 90–139 mmHg)");
        vital(room, "pulse", "78");
        vital(room, "temperature", "37.1");
        vital(room, "spo2", "97");
        vital(room, "respiratoryRate", "16");
        vital(room, "weight", "84");
        vital(room, "height", "178");
        assertThat(room.locator("#bmi")).containsText("BMI 26.5");
        room.locator("#chief-complaint input").fill("Headaches in the evenings for two weeks");
        room.locator("#examination textarea").fill("Alert, well. Fundi normal. No focal neurology.");
        room.locator("#diagnosis-code input").fill("I10");
        room.locator("vaadin-combo-box-item").first().click();
        assertThat(room.locator("#diagnosis input")).hasValue("Essential (primary) hypertension");
        room.locator("#rx-0-medicine input").fill("Amlodipine");
        room.locator("#rx-0-strength input").fill("5 mg");
        room.locator("#rx-0-dose input").fill("1 tablet");
        room.locator("#rx-0-frequency input").fill("once a day");
        room.locator("#rx-0-duration input").fill("28 days");
        room.locator("#rx-0-instructions input").fill("in the morning");
        room.locator("#advice textarea").fill("Less salt, daily walks, home blood pressure diary.");
        room.locator("#advice textarea").blur();
        assertThat(room.locator("#save-status")).hasText(java.util.regex.Pattern.compile("Saved \\d\\d:\\d\\d"),
                new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        room.locator("#prescription-card").scrollIntoViewIfNeeded();
        screenshot(room, "consultation-draft");

        // No work lost: what was typed is in the database before completing.
        UUID consultationId = UUID.fromString(room.url().replaceAll(".*/consultations/", "").replaceAll("[/?#].*", ""));
        var draft = eventually(() -> asDoctor(doctor, () -> consultations.get(consultationId)),
                d -> d.content().advice() != null && !d.content().prescription().isEmpty());
        assertThat(draft.content().vitals().systolic()).isEqualTo(152);
        assertThat(draft.content().prescription()).singleElement().satisfies(l -> {
            assertThat(l.medicine()).isEqualTo("Amlodipine");
            assertThat(l.instructions()).isEqualTo("in the morning");
        });

        // The waiting-room TV for this doctor is open.
        Page tv = browsers.signIn(display(), PASSWORD, 1366, 768);
        tv.navigate(browsers.url("display?doctor=" + doctor.id()));
        assertThat(tv.locator("#waiting-tokens")).isVisible();

        // Complete and call next: back in the queue with the next patient called.
        room.locator("#complete-and-next").click();
        room.waitForURL(url -> url.endsWith("/my-queue"));
        assertThat(room.locator("#now-serving")).containsText(second.patientName());
        screenshot(room, "queue-after-complete");

        assertThat(desk(() -> appointmentQueries.get(first.id())).status()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(asDoctor(doctor, () -> consultations.get(consultationId)).status())
                .isEqualTo(ConsultationStatus.COMPLETED);
        var next = desk(() -> boards.board(doctor.id())).current();
        assertThat(next).singleElement().satisfies(e -> {
            assertThat(e.patientName()).isEqualTo(second.patientName());
            assertThat(e.status()).isEqualTo(QueueStatus.CALLED);
        });
        // Reception's dashboard follows without reload.
        assertThat(board).containsText("1 seen", new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        // The waiting-room display shows the next call, without reload, and never a name.
        assertThat(tv.locator("#now-token")).hasText(next.getFirst().token(),
                new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        assertThat(tv.locator("body")).not().containsText(second.patientName());
        var display = SystemAuthentication.runAs(Role.DISPLAY,
                () -> boards.display(new DisplayScope(DisplayScope.Kind.DOCTOR, doctor.id()), false));
        assertThat(display.calls()).first().satisfies(call -> {
            assertThat(call.token()).isEqualTo(next.getFirst().token());
            assertThat(call.room()).isEqualTo(doctor.room());
        });

        // The summary prints with the clinic's header; the patient's record shows the visit in the timeline.
        room.navigate(browsers.url("consultations/" + consultationId + "/summary"));
        assertThat(room.locator("#summary-prescription tr.rx-line")).containsText(new String[]{
                "1.Amlodipine5 mg1 tabletonce a day28 days—in the morning"});
        room.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        screenshot(room, "summary-print");
        room.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));
        room.navigate(browsers.url("patients/" + first.patientId()));
        assertThat(room.locator("#patient-consultations")).containsText("Essential (primary) hypertension");
        room.locator("#patient-consultations").scrollIntoViewIfNeeded();
        screenshot(room, "patient-timeline");
        desk.navigate(browsers.url("patients/" + first.patientId()));
        assertThat(desk.locator("#patient-consultations")).containsText("Completed");
        assertThat(desk.locator("#patient-consultations")).not().containsText("hypertension");
    }

    /** Autosave runs in the background as the doctor types: what was typed reaches the database within seconds. */
    private static <T> T eventually(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = read.get();
        }
        return value;
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

    private AppointmentSummary book(UUID patient, DoctorSummary doctor, LocalTime at) {
        return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> appointments.book(new BookAppointment(
                UUID.randomUUID(), patient, doctor.id(), LocalDate.now(clock), at, AppointmentKind.NEW, "Headaches")));
    }

    private static <T> T desk(java.util.function.Supplier<T> work) {
        return SystemAuthentication.runAs(Role.RECEPTIONIST, work);
    }

    private static <T> T asDoctor(DoctorSummary doctor, java.util.function.Supplier<T> work) {
        return org.clinic.consultation.ConsultationFixtures.as(doctor.staffUsername(), Role.DOCTOR, work);
    }

    private String display() {
        String username = "tv" + ThreadLocalRandom.current().nextInt(1_000_000);
        SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(username,
                "TV " + username, PASSWORD, Role.DISPLAY)));
        return username;
    }

    private String receptionist() {
        String username = "desk" + ThreadLocalRandom.current().nextInt(1_000_000);
        SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(username,
                "Desk " + username, PASSWORD, Role.RECEPTIONIST)));
        return username;
    }
}
