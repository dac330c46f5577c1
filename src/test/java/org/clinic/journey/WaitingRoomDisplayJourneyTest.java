package org.clinic.journey;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.clinic.TestClock;
import org.clinic.appointment.TestClinic;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.TestPatients;
import org.clinic.queue.Lane;
import org.clinic.queue.QueueEntryView;
import org.clinic.queue.QueueBoards;
import org.clinic.queue.QueueService;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.StaffAccountSummary;
import org.clinic.security.SystemAuthentication;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A waiting-room TV in a real browser: set up once, live calls without reload, and back by itself after a restart. */
class WaitingRoomDisplayJourneyTest extends JourneyTest {

    private static final String PASSWORD = "journey-password-1";
    private static final String REMEMBER_ME = "clinic-display-device";

    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    QueueService queue;
    @Autowired
    QueueBoards boards;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebServerApplicationContext webServer;

    private DoctorSummary doctor;
    private final List<PatientRecord> people = new ArrayList<>();

    @BeforeEach
    void a_doctor_with_patients_waiting() {
        clock.setTimeOfDay(LocalTime.of(9, 0));
        doctor = new TestClinic(accounts, doctors, patients).doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 40);
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> {
            for (String given : List.of("Zebedee", "Ottoline", "Perpetua", "Aurelio")) {
                PatientRecord patient = patients.register(TestPatients.details(given, TestPatients.uniqueName()), true);
                people.add(patient);
                queue.walkIn(patient.id(), doctor.id(), doctor.specialty().id(), Lane.REGULAR, null, null);
            }
        });
    }

    @AfterEach
    void real_time() {
        clock.reset();
    }

    @Test
    void a_display_device_is_set_up_once_and_shows_and_announces_a_new_call_without_reload() {
        StaffAccountSummary tv = account(Role.DISPLAY);
        Page display = browsers.signIn(tv.username(), PASSWORD, 1920, 1080);

        // The device lands on its setup page, and is remembered (only display devices are).
        assertThat(display.locator("#open-display")).isVisible();
        Cookie remembered = rememberMeCookie(display.context());
        assertThat(remembered).isNotNull();
        assertThat(remembered.httpOnly).isTrue();
        assertThat(remembered.sameSite).isEqualTo(com.microsoft.playwright.options.SameSiteAttribute.LAX);
        assertThat(jdbc.sql("select count(*) from persistent_logins where username = ?").param(tv.username())
                .query(Integer.class).single()).isEqualTo(1);

        display.locator("#display-shows vaadin-radio-button").filter(new Locator.FilterOptions()
                .setHasText("One doctor")).click();
        display.locator("#display-doctor").click();
        display.locator("vaadin-select-item").filter(new Locator.FilterOptions()
                .setHasText(doctor.displayName())).click();
        display.locator("#open-display").click();
        display.waitForURL(url -> url.contains("/display?doctor=" + doctor.id()));
        assertThat(display.locator("#waiting-tokens")).containsText(token(0));
        assertThat(display.locator("body")).not().containsText(people.getFirst().familyName());

        // Sound needs a tap (unless the browser allows it anyway); after it the prompt is gone.
        display.mouse().click(960, 700);
        assertThat(display.locator("#enable-sound")).isHidden();
        assertThat((Boolean) display.evaluate("window.clinicDisplay.soundOn")).isTrue();

        QueueEntryView called = SystemAuthentication.runAs(Role.RECEPTIONIST,
                () -> queue.callNext(doctor.id()).orElseThrow());
        long calledAt = System.nanoTime();
        assertThat(display.locator("#now-token")).hasText(called.token(),
                new LocatorAssertions.HasTextOptions().setTimeout(5_000));
        long millis = (System.nanoTime() - calledAt) / 1_000_000;
        System.out.printf("A call made through QueueService reached the open display after %d ms%n", millis);
        assertThat(display.locator("#now-room")).hasText("Room " + doctor.room());
        display.waitForFunction("() => window.clinicDisplay.announced.length === 1");
        assertThat(display.evaluate("window.clinicDisplay.announced[0]"))
                .isEqualTo("Token " + spoken(called.token()) + ", room " + spoken(doctor.room()));

        // A patient in the waiting room looks up: the TV and a smaller screen.
        display.waitForTimeout(3_600); // the call's highlight has faded
        screenshot(display, "display-1920x1080.png");
        display.setViewportSize(1366, 768);
        screenshot(display, "display-1366x768.png");

        // A recall is announced again.
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> queue.recall(called.id()));
        display.waitForFunction("() => window.clinicDisplay.announced.length === 2");
        assertThat(display.locator("#now-calling")).containsText("Calling again");
    }

    @Test
    void people_are_never_remembered() {
        StaffAccountSummary receptionist = account(Role.RECEPTIONIST);
        Page desk = browsers.signIn(receptionist.username(), PASSWORD);
        assertThat(desk.locator("#arrival-filter")).isVisible();
        assertThat(rememberMeCookie(desk.context())).isNull();
        assertThat(jdbc.sql("select count(*) from persistent_logins where username = ?")
                .param(receptionist.username()).query(Integer.class).single()).isZero();
    }

    /**
     * What a display sees when the server restarts: its push connection closes and, when it reconnects, the server
     * no longer knows its session. Simulated without restarting (one test JVM shares one server): the server
     * expires the display's HTTP session and the push WebSocket is cut between browser and server.
     */
    @Test
    void after_losing_its_connection_and_its_session_the_display_comes_back_by_itself_still_signed_in() {
        StaffAccountSummary tv = account(Role.DISPLAY);
        Page display = browsers.newPage(1366, 768);
        AtomicReference<WebSocketRoute> push = new AtomicReference<>();
        AtomicReference<WebSocketRoute> server = new AtomicReference<>();
        display.routeWebSocket(url -> url.contains("/VAADIN/push"), socket -> {
            push.set(socket);
            server.set(socket.connectToServer());
        });
        browsers.signIn(display, tv.username(), PASSWORD);
        QueueEntryView called = SystemAuthentication.runAs(Role.RECEPTIONIST,
                () -> queue.callNext(doctor.id()).orElseThrow());
        display.navigate(browsers.url("display?doctor=" + doctor.id()));
        assertThat(display.locator("#now-token")).hasText(called.token());
        display.waitForCondition(() -> push.get() != null);
        display.evaluate("window.beforeRestart = true");

        long cut = System.nanoTime();
        expireOnTheServer(display.context().cookies().stream().filter(c -> c.name.equals("JSESSIONID"))
                .findFirst().orElseThrow().value);
        server.get().close();
        push.get().close();

        // The next poll (every 15 s) finds the session gone; the page reloads without asking and signs in again.
        display.waitForFunction("() => window.beforeRestart === undefined",
                null, new Page.WaitForFunctionOptions().setTimeout(45_000));
        assertThat(display.locator("#now-token")).hasText(called.token(),
                new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        System.out.printf("The display was back, reloaded and signed in by itself, %d ms after its connection and "
                + "session were cut%n", (System.nanoTime() - cut) / 1_000_000);
        assertThat(display.url()).contains("/display?doctor=" + doctor.id());
        assertThat(display.locator("#connection-banner")).isHidden();

        // ...and it is live again.
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> {
            queue.start(called.id());
            queue.finish(called.id());
        });
        QueueEntryView next = SystemAuthentication.runAs(Role.RECEPTIONIST,
                () -> queue.callNext(doctor.id()).orElseThrow());
        assertThat(display.locator("#now-token")).hasText(next.token(),
                new LocatorAssertions.HasTextOptions().setTimeout(5_000));

        // Signing the device out forgets it: the next start asks for a password.
        display.navigate(browsers.url("device"));
        display.locator("#sign-out-device").click();
        display.waitForURL(url -> url.contains("/login"));
        assertThat(jdbc.sql("select count(*) from persistent_logins where username = ?").param(tv.username())
                .query(Integer.class).single()).isZero();
        display.navigate(browsers.url("display"));
        assertThat(display.locator("vaadin-login-form")).isVisible();
    }

    private void expireOnTheServer(String sessionId) {
        Tomcat tomcat = ((TomcatWebServer) webServer.getWebServer()).getTomcat();
        for (Container context : tomcat.getHost().findChildren()) {
            try {
                Session session = ((Context) context).getManager().findSession(sessionId);
                if (session != null) {
                    session.expire();
                    return;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        throw new AssertionError("No session " + sessionId + " on the server");
    }

    private String token(int index) {
        return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> boards.board(doctor.id()).waiting().get(index).token());
    }

    private static String spoken(String text) {
        return text.replaceAll("(?<=\\p{L})(?=\\p{L})", " ").replaceAll("[^\\p{L}\\d]+", " ")
                .replaceAll("\\b0+(?=\\d)", "").replaceAll("(?<=\\p{L})(?=\\d)", " ").strip();
    }

    private static Cookie rememberMeCookie(BrowserContext context) {
        return context.cookies().stream().filter(c -> c.name.equals(REMEMBER_ME)).findFirst().orElse(null);
    }

    private static void screenshot(Page page, String name) {
        // Development mode's own popups and toolbar are not part of what the waiting room sees.
        page.evaluate("document.querySelectorAll('body > *').forEach(e => { "
                + "if (/dev-tools|copilot/i.test(e.tagName)) e.style.display = 'none'; })");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name)));
    }

    private StaffAccountSummary account(Role role) {
        return SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(
                "journey" + ThreadLocalRandom.current().nextInt(1_000_000), "Journey " + role.label(), PASSWORD, role)));
    }
}
