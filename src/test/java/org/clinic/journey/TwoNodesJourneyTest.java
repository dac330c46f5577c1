package org.clinic.journey;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.clinic.appointment.TestClinic;
import org.clinic.base.cluster.LiveBus;
import org.clinic.doctor.DaySchedule;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.WorkingSession;
import org.clinic.patient.PatientService;
import org.clinic.queue.Lane;
import org.clinic.queue.QueueService;
import org.clinic.queue.Ticket;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.StaffAccountSummary;
import org.clinic.security.SystemAuthentication;
import org.clinic.testing.RedisServer;
import org.clinic.testing.SecondNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of the clinic sharing one MariaDB and a real Redis: node A is this test's own server, node B a second
 * application in the same JVM ({@link SecondNode}). A waiting-room display in a real browser is connected to B while
 * the queue is driven through A's services; hours changed on A are what B reads; Redis is stopped and started again
 * in the middle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // node A talks to this test's Redis only
class TwoNodesJourneyTest {

    private static final String PASSWORD = "journey-password-1";
    private static final Duration INTERVAL = Duration.ofSeconds(2); // clinic.cluster.reconcile-interval (default)
    private static RedisServer redis;

    @BeforeAll
    static void start_redis() {
        redis = RedisServer.startOrSkip();
    }

    @AfterAll
    static void stop_redis() {
        if (redis != null) {
            redis.close();
        }
    }

    @DynamicPropertySource
    static void node_a_joins_the_cluster(DynamicPropertyRegistry registry) {
        registry.add("clinic.cluster.redis-url", () -> redis.url());
        registry.add("clinic.cluster.node-id", () -> "node-a");
    }

    @LocalServerPort
    int port;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    QueueService queue;
    @Autowired
    LiveBus busA;

    @Test
    void a_display_on_node_b_follows_a_queue_driven_from_node_a_through_redis_and_through_a_redis_outage() {
        ListAppender<ILoggingEvent> busLog = new ListAppender<>();
        busLog.start();
        ((Logger) LoggerFactory.getLogger(LiveBus.class)).addAppender(busLog);
        try (SecondNode b = SecondNode.start(Map.of("clinic.cluster.redis-url", redis.url(),
                "clinic.cluster.node-id", "node-b"));
             BrowserJourneys browsers = BrowserJourneys.start(b.port())) {
            LiveBus busB = b.bean(LiveBus.class);
            DoctorService doctorsB = b.bean(DoctorService.class);
            await("both buses up", Duration.ofSeconds(15),
                    () -> busA.state() == LiveBus.State.UP && busB.state() == LiveBus.State.UP);
            assertThat(b.port()).isNotEqualTo(port);

            TestClinic clinic = new TestClinic(accounts, doctors, patients);
            DoctorSummary doctor = clinic.doctor(LocalTime.of(0, 0), LocalTime.of(23, 59), 15, 60);
            List<UUID> people = clinic.patients(4);
            List<String> tokens = new ArrayList<>();

            // A waiting-room TV signed in on node B.
            StaffAccountSummary tv = SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(
                    "twonodes" + ThreadLocalRandom.current().nextInt(1_000_000), "Two nodes TV", PASSWORD, Role.DISPLAY)));
            Page display = browsers.signIn(tv.username(), PASSWORD, 1920, 1080);
            display.navigate(browsers.url("display?doctor=" + doctor.id()));
            assertThat(display.locator("#waiting-room-display")).isVisible();
            // node B knows the doctor created on A a moment ago (its day was dropped by A's change, through the bus)
            assertThat(display.locator(".wr-problem")).hasCount(0);
            AtomicInteger requests = new AtomicInteger();
            display.onRequest(request -> countUidl(request, requests));

            // 1. A walk-in made through node A's QueueService reaches the display on node B through the bus.
            tokens.add(pushedWithoutReload(display, requests, () -> walkInOnA(people.get(0), doctor)));

            // 2. Working hours changed on node A are what node B's DoctorService reads (its day cache dropped).
            LocalDate tomorrow = LocalDate.now().plusDays(1);
            assertThat(readOnB(b, () -> doctorsB.daySchedule(doctor.id(), tomorrow)).sessions().getFirst().start())
                    .isEqualTo(LocalTime.of(0, 0)); // now kept in B's cache
            SystemAuthentication.runAs(Role.ADMIN, () -> {
                doctors.setWeeklySessions(doctor.id(), week(LocalTime.of(7, 30), LocalTime.of(23, 59)));
                return null;
            });
            await("B reads the new hours", INTERVAL, () -> readOnB(b, () -> doctorsB.daySchedule(doctor.id(), tomorrow))
                    .sessions().getFirst().start().equals(LocalTime.of(7, 30)));

            // ...and an account disabled on node A is signed out of its open screen on node B at once.
            StaffAccountSummary desk = SystemAuthentication.runAs(Role.ADMIN, () -> accounts.create(new CreateStaffAccount(
                    "twonodes" + ThreadLocalRandom.current().nextInt(1_000_000), "Two nodes desk", PASSWORD,
                    Role.RECEPTIONIST)));
            Page reception = browsers.signIn(desk.username(), PASSWORD);
            // the sign-in has landed once the screen is drawn: its UI (which B tracks per user) exists from then on
            reception.locator("vaadin-app-layout").waitFor();
            SystemAuthentication.runAs(Role.ADMIN, () -> accounts.disable(desk.id()));
            reception.waitForURL(url -> url.contains("login?ended"), new Page.WaitForURLOptions().setTimeout(5_000));
            reception.context().close();

            // 3. Redis is lost: B says so in its health and log, and reconciles with the database.
            redis.stop();
            await("B sees the bus down", INTERVAL.multipliedBy(3), () -> busB.state() == LiveBus.State.DOWN);
            Health down = b.context().getBean("liveBusHealthIndicator", HealthIndicator.class).health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails().get("reconciling")).isEqualTo("re-reading from the database every 2 s");
            // status for anyone (no details: those are for administrators); the node still serves
            assertThat(get(b.port(), "/actuator/health")).startsWith("503 ").contains("\"status\":\"DOWN\"")
                    .doesNotContain("liveBus").doesNotContain("reconciling");
            assertThat(get(b.port(), "/actuator/health/readiness")).isEqualTo("200 {\"status\":\"UP\"}");
            assertThat(logged(busLog, "Live update bus down: reconciling with the database every 2 s")).isTrue();

            // ...a change of hours on A still reaches B within a few reconcile intervals (LiveResync drops its caches)
            LocalDate leaveDay = LocalDate.now().plusDays(2);
            assertThat(readOnB(b, () -> doctorsB.daySchedule(doctor.id(), leaveDay)).sessions()).isNotEmpty();
            SystemAuthentication.runAs(Role.ADMIN, () -> {
                doctors.addLeave(doctor.id(), leaveDay, "Outage test");
                return null;
            });
            await("B reads the leave without the bus", INTERVAL.multipliedBy(3),
                    () -> readOnB(b, () -> doctorsB.daySchedule(doctor.id(), leaveDay)).sessions().isEmpty());

            // ...and a walk-in on A still reaches the display on B, re-read from the database.
            tokens.add(walkInOnA(people.get(1), doctor).token());
            long walkedIn = System.nanoTime();
            assertThat(display.locator("#waiting-tokens")).containsText(tokens.getLast(),
                    new LocatorAssertions.ContainsTextOptions().setTimeout(25_000));
            System.out.printf("With Redis down, a walk-in on node A reached the display on node B after %d ms%n",
                    (System.nanoTime() - walkedIn) / 1_000_000);

            // A node started while Redis is away starts anyway, and says it is reconciling.
            SecondNode c = SecondNode.start(Map.of("clinic.cluster.redis-url", redis.url(),
                    "clinic.cluster.node-id", "node-c"));
            LiveBus busC = c.bean(LiveBus.class);
            await("C sees the bus down", INTERVAL.multipliedBy(3), () -> busC.state() == LiveBus.State.DOWN);

            // 4. Redis is back on the same port: every node reconnects by itself, and the bus carries again.
            redis.start();
            await("all buses up again", INTERVAL.multipliedBy(8), () -> busA.state() == LiveBus.State.UP
                    && busB.state() == LiveBus.State.UP && busC.state() == LiveBus.State.UP);
            c.close();
            assertThat(logged(busLog, "Live update bus up again (node node-b)")).isTrue();
            assertThat(b.context().getBean("liveBusHealthIndicator", HealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
            assertThat(get(b.port(), "/actuator/health")).startsWith("200 ");
            tokens.add(pushedWithoutReload(display, requests, () -> walkInOnA(people.get(2), doctor)));
            for (String token : tokens) {
                assertThat(display.locator("#waiting-tokens")).containsText(token);
            }

            screenshot(display, "two-nodes-display-on-b-1920x1080.png");
            assertThat(browsers.cspViolations()).as("Content-Security-Policy violations").isEmpty();
        } finally {
            ((Logger) LoggerFactory.getLogger(LiveBus.class)).detachAppender(busLog);
        }
    }

    private Ticket walkInOnA(UUID patient, DoctorSummary doctor) {
        return SystemAuthentication.runAs(Role.RECEPTIONIST,
                () -> queue.walkIn(patient, doctor.id(), doctor.specialty().id(), Lane.REGULAR, null, null));
    }

    /**
     * Makes the walk-in on node A and checks that its token appears on the display by push alone: no request of the
     * page (its 15-s poll) came in between. Returns the token.
     * <p>
     * The walk-in is made just after one of the display's polls, so the next one is about 15 s away and cannot be
     * what brings the token. (Node B's shared read of the day is dropped by the change arriving from A.)
     */
    private static String pushedWithoutReload(Page display, AtomicInteger requests, Supplier<Ticket> walkIn) {
        int seen = requests.get();
        display.waitForCondition(() -> requests.get() > seen, new Page.WaitForConditionOptions().setTimeout(40_000));
        display.waitForTimeout(500);
        int before = requests.get();
        long start = System.nanoTime();
        String token = walkIn.get().token();
        assertThat(display.locator("#waiting-tokens")).containsText(token,
                new LocatorAssertions.ContainsTextOptions().setTimeout(4_000));
        System.out.printf("Token %s, checked in on node A, reached the display on node B by push after %d ms%n",
                token, (System.nanoTime() - start) / 1_000_000);
        assertThat(requests.get()).as("requests of the display while waiting for the push").isEqualTo(before);
        return token;
    }

    private static void countUidl(Request request, AtomicInteger requests) {
        if (request.url().contains("v-r=uidl")) {
            requests.incrementAndGet();
        }
    }

    private static <T> T readOnB(SecondNode b, Supplier<T> read) {
        return b.call(() -> SystemAuthentication.runAs(Role.RECEPTIONIST, read));
    }

    private static List<WorkingSession> week(LocalTime start, LocalTime end) {
        List<WorkingSession> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.add(new WorkingSession(day, start, end));
        }
        return week;
    }

    private static boolean logged(ListAppender<ILoggingEvent> log, String text) {
        return List.copyOf(log.list).stream().anyMatch(e -> e.getFormattedMessage().startsWith(text));
    }

    private static String get(int port, String path) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, Duration within, BooleanSupplier condition) {
        long until = System.nanoTime() + within.plusSeconds(1).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("Not within " + within + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void screenshot(Page page, String name) {
        page.evaluate("document.querySelectorAll('body > *').forEach(e => { "
                + "if (/dev-tools|copilot/i.test(e.tagName)) e.style.display = 'none'; })");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name)));
    }
}
