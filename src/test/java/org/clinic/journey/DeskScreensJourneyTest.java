package org.clinic.journey;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import org.clinic.TestClock;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.BookAppointment;
import org.clinic.base.TestLogos;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.NewDoctor;
import org.clinic.doctor.SpecialtySummary;
import org.clinic.doctor.WorkingSession;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.TestPatients;
import org.clinic.queue.Lane;
import org.clinic.queue.QueueService;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.StaffAccountSummary;
import org.clinic.security.SystemAuthentication;
import org.clinic.settings.ClinicSettingsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
 * The desk and the room on a busy morning, as the people in front of them see them: five doctors with queues,
 * long names, long tokens, several calls. Sign-in lands each on their own screen; tokens are never cut off; the
 * reception dashboard lays the queues side by side at 1366 x 768; the TV is read from across the room.
 */
class DeskScreensJourneyTest extends JourneyTest {

    private static final String PASSWORD = "journey-password-15";
    private static final List<String> NAMES = List.of(
            "Alexandra|Papadopoulou-Whitfield", "민지|김", "Oluwaseun|Adebayo-Okonkwo", "Tariq|Nasser",
            "María José|García López", "Siobhán|Ní Bhraonáin", "Wojciech|Brzęczyszczykiewicz", "明|李",
            "Harriet|Featherstonehaugh", "Nguyễn Thị|Minh Khai", "Jean-Baptiste|Dubois-Lefèvre", "Aarav|Venkataraman",
            "Ingrid|Løvenskiold", "Kwame|Mensah", "Anastasia|Vasilyeva-Kuznetsova", "Ollie|Brown", "Fatima|Zahra",
            "Giovanni|Esposito", "Mei|Chen", "Ruth|Abernethy", "Sipho|Dlamini", "Élodie|Marchand", "Yusuf|Demir",
            "Priya|Raghunathan", "Tomasz|Kowalczyk", "Hana|Yamamoto", "Connor|O'Sullivan", "Leila|Haddad",
            "Pieter|van der Merwe", "Zanele|Khumalo", "Bartholomew|Higginbottom", "Amara|Nwachukwu");

    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    QueueService queue;
    @Autowired
    AppointmentService appointments;
    @Autowired
    TestClock clock;
    @Autowired
    ClinicSettingsService settings;

    private final List<DoctorSummary> five = new ArrayList<>();
    private final List<PatientRecord> people = new ArrayList<>();
    private SpecialtySummary specialty;

    @BeforeEach
    void a_busy_morning() {
        five.clear(); // one instance serves every test of the class
        people.clear();
        clock.setTimeOfDay(LocalTime.of(9, 0));
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000));
        specialty = SystemAuthentication.runAs(Role.ADMIN, () -> doctors.addSpecialty("Outpatients " + run));
        List<String> rooms = List.of("1", "2", "3A", "12B", "5");
        List<String> names = List.of("Dr Folake Adeyemi-Williams", "Dr Jan Novák", "Dr Mei Chen",
                "Dr Karim Haddad", "Dr Åsa Lindqvist");
        for (int i = 0; i < 5; i++) {
            String username = "desk" + run + "d" + i;
            String name = names.get(i);
            String room = rooms.get(i); // a room another doctor has too gives tokens such as "D148-003"
            five.add(SystemAuthentication.runAs(Role.ADMIN, () -> {
                accounts.create(new CreateStaffAccount(username, name, "doctor-password", Role.DOCTOR));
                DoctorSummary doctor = doctors.addDoctor(new NewDoctor(username, name, specialty.id(),
                        username + "@clinic.example.org", "GMC " + username, room, 15, 40));
                List<WorkingSession> week = new ArrayList<>();
                for (DayOfWeek day : DayOfWeek.values()) {
                    week.add(new WorkingSession(day, LocalTime.of(8, 0), LocalTime.of(18, 0)));
                }
                doctors.setWeeklySessions(doctor.id(), week);
                return doctor;
            }));
        }
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> {
            for (String name : NAMES) {
                String[] parts = name.split("\\|");
                people.add(patients.register(TestPatients.details(parts[0], parts[1]), true));
            }
            int next = 0;
            int[] waiting = {6, 4, 7, 5, 3};
            for (int d = 0; d < 5; d++) {
                for (int i = 0; i < waiting[d]; i++) {
                    queue.walkIn(people.get(next++).id(), five.get(d).id(), specialty.id(),
                            i == 1 ? Lane.SENIOR : Lane.REGULAR, i == 1 ? "Aged 82" : null, "Review");
                }
            }
            for (int i = 0; i < 2; i++) { // the next free doctor of the specialty
                queue.walkIn(people.get(next++).id(), null, specialty.id(), Lane.REGULAR, null, null);
            }
            for (DoctorSummary doctor : five) {
                queue.callNext(doctor.id());
            }
            // Arrivals still to check in today, some before their check-in window opens.
            for (int i = 0; i < 3; i++) {
                UUID patient = people.get(next++).id();
                appointments.book(new BookAppointment(UUID.randomUUID(), patient, five.get(i).id(),
                        LocalDate.now(clock), LocalTime.of(9, 15).plusMinutes(75L * i), AppointmentKind.NEW, null));
            }
            return null;
        });
    }

    @AfterEach
    void real_time() {
        clock.reset();
        SystemAuthentication.runAs(Role.ADMIN, () -> settings.removeLogo());
    }

    @Test
    void reception_lands_on_its_dashboard_with_the_queues_side_by_side_and_checks_in_by_keyboard() {
        Page desk = browsers.signIn(account(Role.RECEPTIONIST).username(), PASSWORD, 1366, 768);
        assertThat(desk.locator("#arrival-filter")).isVisible(); // the start address shows the dashboard
        for (DoctorSummary doctor : five) {
            assertThat(desk.locator("#queue-boards")).containsText(doctor.displayName());
        }
        // Side by side: the first boards share a row.
        var tops = desk.locator("#queue-boards .clinic-board").evaluateAll(
                "boards => boards.slice(0, 3).map(b => Math.round(b.getBoundingClientRect().top))");
        List<?> rowTops = (List<?>) tops;
        assertThat(rowTops).hasSize(3);
        assertThat(new java.util.HashSet<Object>(rowTops)).as("tops of the first three boards").hasSize(1);
        // Arrivals' names take at most two lines.
        Object tallest = desk.locator("#arrivals .clinic-patient-name").evaluateAll(
                "names => Math.max(...names.map(n => n.getBoundingClientRect().height / parseFloat(getComputedStyle(n).lineHeight)))");
        assertThat(((Number) tallest).doubleValue()).isLessThanOrEqualTo(2.05);
        assertTokensWhole(desk);
        screenshot(desk, "reception-5-doctors-1366x768.png");

        // The keyboard alone: the arrivals filter (Alt+A), a name, Enter checks the one arrival in. The clinic has
        // uploaded its logo: the ticket prints it beside the name.
        SystemAuthentication.runAs(Role.ADMIN, () -> settings.uploadLogo(TestLogos.png(240, 80)));
        desk.keyboard().press("Alt+a");
        assertThat(desk.locator("#arrival-filter input")).isFocused(); // the server moves the focus: one round trip
        desk.keyboard().type(people.get(27).mrn());
        assertThat(desk.locator("#arrivals .clinic-arrival")).hasCount(1);
        desk.keyboard().press("Enter");
        assertThat(desk.locator("#ticket-token")).isVisible();
        assertThat(desk.locator("#ticket-logo")).isVisible();
        desk.waitForTimeout(400); // the dialog has faded in
        screenshot(desk, "reception-ticket-1366x768.png");
        assertThat(desk.locator("#ticket")).containsText("Riverside Clinic");
        // As the printer gets it: the ticket alone, the logo at most 48 px high beside the name
        desk.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(desk.locator("#ticket-logo")).isVisible();
        var logo = desk.locator("#ticket-logo").boundingBox();
        var name = desk.locator(".clinic-ticket-clinic").boundingBox();
        assertThat(logo.height).as("logo height in px").isLessThanOrEqualTo(48.5).isGreaterThan(20);
        assertThat(logo.width / logo.height).as("its shape kept").isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(logo.x + logo.width).as("beside the name, on its left").isLessThanOrEqualTo(name.x);
        assertThat(logo.y + logo.height / 2).as("level with the name").isCloseTo(name.y + name.height / 2,
                org.assertj.core.data.Offset.offset(4.0));
        desk.setViewportSize(420, 760);
        desk.waitForTimeout(300);
        screenshot(desk, "ticket-print-logo.png");
        desk.setViewportSize(1366, 768);
        desk.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        desk.keyboard().press("Escape");
        desk.keyboard().press("Alt+w");
        assertThat(desk.locator("#walk-in-patient")).isVisible(); // the walk-in dialog
        desk.keyboard().press("Escape");

        // Ctrl+K from any staff screen: the patient search, ready to type.
        desk.navigate(browsers.url("appointments"));
        desk.locator("vaadin-app-layout").waitFor();
        desk.keyboard().press("Control+k");
        desk.waitForURL(url -> url.contains("/patients"));
        assertThat(desk.locator("#patient-search input")).isFocused();
        desk.keyboard().type(people.get(3).familyName());
        assertThat(desk.locator("#patient-results")).containsText(people.get(3).familyName());

        // The registry's Alt+N registers a new patient.
        desk.keyboard().press("Alt+n");
        desk.waitForURL(url -> url.contains("/patients/new"));
    }

    @Test
    void a_doctor_lands_on_their_queue_with_every_token_whole() {
        DoctorSummary doctor = five.get(3); // room 12B: tokens "12B-003", or "D148-003" once another doctor has it
        Page room = browsers.signIn(doctor.staffUsername(), "doctor-password", 1366, 768);
        assertThat(room.locator("#call-next")).isVisible(); // the start address shows their queue
        assertThat(room.locator("#waiting")).containsText("-00");
        room.waitForTimeout(500); // column widths settle after the first rows render
        assertTokensWhole(room);
        screenshot(room, "doctor-queue-long-tokens-1366x768.png");
    }

    @Test
    void the_waiting_room_tv_names_the_clinic_and_shows_calls_and_tokens_large_and_whole() {
        StaffAccountSummary device = account(Role.DISPLAY);
        Page tv = browsers.signIn(device.username(), PASSWORD, 1920, 1080);
        assertThat(tv.locator("#open-display")).isVisible();
        tv.navigate(browsers.url("display"));
        assertThat(tv.locator(".wr-title")).hasText("Riverside Clinic");
        checkTv(tv, "display-clinic-1920x1080.png");

        // Set to show initials: never a whole name part ("민지 김" shows "민.", "明 李" nothing).
        SystemAuthentication.runAs(Role.ADMIN, () -> accounts.showInitials(device.id(), true));
        tv.navigate(browsers.url("display?specialty=" + specialty.id()));
        assertThat(tv.locator(".wr-title")).hasText(specialty.name());
        assertThat(tv.locator("#waiting-room-display")).containsText("민.");
        assertThat(tv.locator("#waiting-room-display")).not().containsText("김");
        assertThat(tv.locator("#waiting-room-display")).not().containsText("李");
        checkTv(tv, "display-specialty-1920x1080.png");
        tv.setViewportSize(1366, 768);
        tv.waitForTimeout(300);
        screenshot(tv, "display-specialty-1366x768.png");
    }

    private void checkTv(Page tv, String shot) {
        assertThat(tv.locator(".wr-recent-row").first()).isVisible();
        tv.waitForTimeout(3_600); // the newest call's highlight has faded
        double smallest = ((Number) tv.locator(".wr-recent-token, .wr-chip-token").evaluateAll(
                "els => Math.min(...els.filter(e => e.offsetParent).map(e => parseFloat(getComputedStyle(e).fontSize)))"))
                .doubleValue();
        assertThat(smallest).as("recent calls and waiting tokens in px").isGreaterThanOrEqualTo(80);
        // Cut: text wider than its box, or a box across its panel's edge (a call that does not fit is moved past
        // the edge whole, and hidden).
        Object cut = tv.locator(".wr-recent-token, .wr-recent-room, .wr-chip-token, .wr-now-token").evaluateAll(
                "els => els.filter(e => { if (!e.offsetParent) return false;"
                        + " const p = e.closest('.wr-recent, .wr-waiting, .wr-now').getBoundingClientRect();"
                        + " const r = e.getBoundingClientRect();"
                        + " return e.scrollWidth > e.clientWidth + 1 || (r.left < p.right && r.right > p.right + 1); })"
                        + ".map(e => e.textContent)");
        assertThat((List<?>) cut).as("tokens cut off").isEmpty();
        screenshot(tv, shot);
    }

    /** No token on a staff screen is cut off: each shows its whole text inside its cell. */
    private static void assertTokensWhole(Page page) {
        Object cut = page.locator(".clinic-token").evaluateAll("tokens => tokens.filter(t => {"
                + " const cell = t.closest('vaadin-grid-cell-content') || t.parentElement;"
                + " const a = t.getBoundingClientRect(), b = cell.getBoundingClientRect();"
                + " return t.scrollWidth > t.clientWidth + 1 || a.right > b.right + 1 || a.left < b.left - 1;"
                + "}).map(t => t.textContent)");
        assertThat((List<?>) cut).as("tokens cut off").isEmpty();
    }

    private StaffAccountSummary account(Role role) {
        return SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(
                "desk" + ThreadLocalRandom.current().nextInt(1_000_000), "Desk " + role.label(), PASSWORD, role)));
    }

    private static void screenshot(Page page, String name) {
        // Development mode's own popups and toolbar are not part of what staff or the waiting room see.
        page.evaluate("document.querySelectorAll('body > *').forEach(e => { "
                + "if (/dev-tools|copilot/i.test(e.tagName)) e.style.display = 'none'; })");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name)));
    }
}
