package org.clinic.base.operations;

import org.clinic.TestClock;
import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.AppointmentSummary;
import org.clinic.appointment.BookAppointment;
import org.clinic.appointment.TestClinic;
import org.clinic.base.RuleViolation;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.patient.PatientService;
import org.clinic.queue.QueueService;
import org.clinic.security.ActingAs;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What load balancers, operators and Prometheus get from the actuator, and what everybody else does not. */
@OperationsContext
class OperationsEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
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
    TestClock clock;

    private Operator operator;

    @BeforeEach
    void morning() {
        operator = new Operator(port);
        clock.setTimeOfDay(LocalTime.of(9, 0));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anyone_gets_the_health_status_and_the_probes_and_nothing_more() throws Exception {
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> status = operator.anonymous(probe);
            assertThat(status.statusCode()).as(probe).isEqualTo(200);
            assertThat(json(status).path("status").asString()).as(probe).isEqualTo("UP");
            assertThat(json(status).has("components")).as("no details for %s", probe).isFalse();
        }
        for (String closed : List.of("/actuator/info", "/actuator/metrics", "/actuator/prometheus",
                "/actuator/metrics/jvm.memory.used", "/actuator/env", "/actuator/beans", "/actuator/heapdump",
                "/actuator/loggers", "/actuator", "/actuator/anything")) {
            HttpResponse<String> refused = operator.anonymous(closed);
            assertThat(refused.statusCode()).as(closed).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).as(closed).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Basic"));
            assertThat(refused.headers().firstValue("Set-Cookie")).as("no session for %s", closed).isEmpty();
        }
        assertThat(operator.withCredentials("/actuator/prometheus", Operator.USERNAME, "wrong").statusCode())
                .isEqualTo(401);
    }

    @Test
    void the_metrics_account_sees_details_info_and_metrics_but_nothing_else_of_the_actuator() throws Exception {
        JsonNode health = json(operator.withAccount("/actuator/health"));
        assertThat(health.path("components").has("db")).isTrue();
        assertThat(health.path("components").path("mail").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("liveBus").path("details").path("mode").asString())
                .isEqualTo("single node");

        JsonNode readiness = json(operator.withAccount("/actuator/health/readiness"));
        assertThat(names(readiness.path("components"))).as("mail and the bus are never fatal")
                .containsExactlyInAnyOrder("db", "readinessState");
        JsonNode liveness = json(operator.withAccount("/actuator/health/liveness"));
        assertThat(names(liveness.path("components"))).containsExactly("livenessState");

        assertThat(operator.withAccount("/actuator/metrics/jvm.memory.used").statusCode()).isEqualTo(200);
        for (String closed : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/loggers",
                "/actuator/threaddump", "/actuator/configprops", "/actuator/shutdown")) {
            assertThat(operator.withAccount(closed).statusCode()).as(closed).isIn(403, 404);
        }
    }

    @Test
    void info_shows_the_version_and_the_commit_it_was_built_from() throws Exception {
        JsonNode info = json(operator.withAccount("/actuator/info"));

        assertThat(info.path("build").path("version").asString()).isNotBlank();
        assertThat(info.path("build").path("artifact").asString()).isEqualTo("clinic");
        Properties built = new Properties();
        ClassPathResource git = new ClassPathResource("git.properties");
        if (git.exists()) {
            try (InputStream in = git.getInputStream()) {
                built.load(in);
            }
        }
        if (built.getProperty("git.commit.id.abbrev") != null) { // a source archive without .git builds without it
            assertThat(info.path("git").path("commit").path("id").asString())
                    .isEqualTo(built.getProperty("git.commit.id.abbrev")).matches("[0-9a-f]{7,}");
            assertThat(info.path("git").path("branch").asString()).isNotBlank();
        }
    }

    @Test
    void the_scrape_counts_a_booking_a_check_in_and_refusals_and_shows_the_doctors_queue() throws Exception {
        TestClinic clinic = new TestClinic(accounts, doctors, patients);
        DoctorSummary doctor = clinic.doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 2);
        List<UUID> people = clinic.patients(4);
        LocalDate today = LocalDate.now(clock);
        Scrape before = scrape();

        AppointmentSummary booked = asDesk(() -> appointments.book(booking(people.get(0), doctor, today, 10, 0)));
        asDesk(() -> queue.checkIn(booked.id()));
        refused(() -> appointments.book(booking(people.get(1), doctor, today, 10, 0))); // slot taken
        asDesk(() -> appointments.book(booking(people.get(1), doctor, today, 11, 0)));
        refused(() -> appointments.book(booking(people.get(2), doctor, today, 12, 0))); // capacity 2 reached
        refused(() -> appointments.book(booking(people.get(3), doctor, today, 8, 0))); // in the past: a rule

        Scrape after = awaitScrape(s -> s.value("clinic_queue_length", Map.of("doctor", doctor.id().toString())) == 1);
        assertThat(delta(before, after, "clinic_bookings_total", Map.of("channel", "desk", "type", "new"))).isEqualTo(2);
        assertThat(delta(before, after, "clinic_checkins_total", Map.of("channel", "desk", "type", "appointment")))
                .isEqualTo(1);
        for (String reason : List.of("slot_taken", "capacity", "rule")) {
            assertThat(delta(before, after, "clinic_booking_refusals_total", Map.of("reason", reason))).as(reason)
                    .isEqualTo(1);
        }
        Map<String, String> ofDoctor = Map.of("doctor", doctor.id().toString(), "name", doctor.displayName());
        assertThat(after.value("clinic_queue_length", ofDoctor)).isEqualTo(1);
        assertThat(after.value("clinic_queue_longest_wait_seconds", ofDoctor)).isGreaterThanOrEqualTo(0);
        assertThat(after.value("clinic_outbox_pending")).isGreaterThanOrEqualTo(0);
        assertThat(after.value("clinic_outbox_oldest_age_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(after.value("clinic_live_screens")).isGreaterThanOrEqualTo(0);
        assertThat(after.has("clinic_live_delivery_seconds_bucket")).as("a histogram, for percentiles").isTrue();
        assertThat(after.value("http_server_requests_seconds_count")).isPositive();
        assertThat(after.text()).as("the clinic's meters carry ids and counts, never a patient")
                .doesNotContain(booked.patientName()).doesNotContain(booked.patientMrn())
                .doesNotContain(booked.patientId().toString());
    }

    @Test
    void every_response_carries_a_request_id_and_a_well_formed_one_sent_in_is_kept() throws Exception {
        HttpResponse<String> fresh = operator.anonymous("/actuator/health");
        assertThat(fresh.headers().firstValue(RequestIds.HEADER)).hasValueSatisfying(id ->
                assertThat(UUID.fromString(id)).isNotNull());

        HttpResponse<String> kept = operator.send(operator.request("/actuator/health")
                .header(RequestIds.HEADER, "lab-7f3a9c21-0001"));
        assertThat(kept.headers().firstValue(RequestIds.HEADER)).contains("lab-7f3a9c21-0001");

        HttpResponse<String> forged = operator.send(operator.request("/actuator/health")
                .header(RequestIds.HEADER, "x\" injected=\"1"));
        assertThat(forged.headers().firstValue(RequestIds.HEADER)).hasValueSatisfying(id ->
                assertThat(id).doesNotContain("injected"));
    }

    private Scrape scrape() throws Exception {
        HttpResponse<String> response = operator.withAccount("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return new Scrape(response.body());
    }

    private Scrape awaitScrape(java.util.function.Predicate<Scrape> ready) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        Scrape scrape = scrape();
        while (!ready.test(scrape) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            scrape = scrape();
        }
        return scrape;
    }

    private static double delta(Scrape before, Scrape after, String metric, Map<String, String> labels) {
        double was = before.value(metric, labels);
        return after.value(metric, labels) - (Double.isNaN(was) ? 0 : was);
    }

    private static BookAppointment booking(UUID patient, DoctorSummary doctor, LocalDate date, int hour, int minute) {
        return new BookAppointment(UUID.randomUUID(), patient, doctor.id(), date, LocalTime.of(hour, minute),
                AppointmentKind.NEW, "Check-up");
    }

    private static <T> T asDesk(java.util.function.Supplier<T> work) {
        return ActingAs.as("grace", Role.RECEPTIONIST, work);
    }

    private static void refused(Runnable work) {
        assertThat(catchThrowableOfType(RuleViolation.class, () -> asDesk(() -> {
            work.run();
            return null;
        }))).isNotNull();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static List<String> names(JsonNode object) {
        return object.propertyNames().stream().toList();
    }
}
